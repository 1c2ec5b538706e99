import { useState } from 'react';
import { Alert, App, Button, Form, Radio, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiDownload, apiUpload, buildUrl } from '../../api/client.ts';
import { IMPORT_KINDS, type ImportKind, type ImportPreview } from '../../api/types.ts';
import { useMessages } from '../../i18n/setup.ts';

interface ImportUploadStepProps {
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onPreview: (preview: ImportPreview) => void;
}

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** Step 1: what to import, the template, and the file; uploading returns the validated preview. */
export function ImportUploadStep({ kind, onKindChange, onPreview }: ImportUploadStepProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const downloadTemplate = async () => {
    try {
      await apiDownload(buildUrl('/api/v1/imports/template.xlsx', { kind }), `${kind}-template.xlsx`);
    } catch (cause) {
      void message.error(cause instanceof Error ? cause.message : t('app.error'));
    }
  };

  const upload = async () => {
    if (!file) {
      setError(t('imports.chooseFile'));
      return;
    }
    setUploading(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      onPreview(await apiUpload<ImportPreview>(buildUrl('/api/v1/imports', { kind }), body));
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t('app.error'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('imports.kind')}>
        <Radio.Group
          value={kind}
          optionType="button"
          buttonStyle="solid"
          aria-label={t('imports.kind')}
          options={IMPORT_KINDS.map((value) => ({ value, label: messages.enums.importKind[value] }))}
          onChange={(event) => {
            const value: unknown = event.target.value;
            if (isImportKind(value)) onKindChange(value);
          }}
        />
      </Form.Item>
      <Form.Item>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadTemplate()}>
          {t('imports.template')}
        </Button>
      </Form.Item>
      <Form.Item label={t('imports.file')} extra={t('imports.fileHint')}>
        <Upload.Dragger
          accept={ACCEPT}
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setError(null);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            return true;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <Typography.Text>{t('imports.dropHint')}</Typography.Text>
        </Upload.Dragger>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={uploading} onClick={() => void upload()}>
          {t('imports.upload')}
        </Button>
      </Space>
    </Form>
  );
}
