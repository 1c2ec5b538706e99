import { useState } from 'react';
import { App, Button, Card, Form, Input, Upload, type UploadFile } from 'antd';
import { SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { EVIDENCE_CONTENT_TYPES, RECTIFICATION_LIMITS, type EvidenceContentType, type EvidenceUpload, type RectificationOrder } from '../../api/supervision-types.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { fileToBase64 } from '../../lib/file-base64.ts';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';

interface RespondValues {
  response: string;
  evidence: UploadFile[];
}

const FIELDS = ['response', 'evidence'] as const;
const ACCEPT = EVIDENCE_CONTENT_TYPES.join(',');

function isEvidenceType(type: string): type is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(type);
}

type EvidenceProblem = { key: 'tooManyFiles'; max: number } | { key: 'fileType' | 'fileTooLarge'; name: string };

/** The problem with the chosen files, if any: too many, too large, or not an image or PDF. */
function evidenceProblem(files: readonly UploadFile[]): EvidenceProblem | null {
  if (files.length > RECTIFICATION_LIMITS.evidenceFiles) return { key: 'tooManyFiles', max: RECTIFICATION_LIMITS.evidenceFiles };
  for (const file of files) {
    if (!isEvidenceType(file.type ?? '')) return { key: 'fileType', name: file.name };
    if ((file.size ?? 0) > RECTIFICATION_LIMITS.evidenceBytes) return { key: 'fileTooLarge', name: file.name };
  }
  return null;
}

async function toUploads(files: readonly UploadFile[]): Promise<EvidenceUpload[]> {
  const uploads: EvidenceUpload[] = [];
  for (const file of files) {
    const blob = file.originFileObj;
    const type = file.type ?? '';
    if (!blob || !isEvidenceType(type)) continue;
    uploads.push({ filename: file.name, contentType: type, dataBase64: await fileToBase64(blob) });
  }
  return uploads;
}

/**
 * 提交整改报告: the enterprise describes the fix and attaches up to five images or PDFs, read in the browser
 * and sent as base64 (`POST /rectification-orders/:id/response`).
 */
export function RespondForm({ order, onResponded }: { order: RectificationOrder; onResponded: (next: RectificationOrder) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RespondValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);

  const submit = async (values: RespondValues) => {
    setSaving(true);
    setServerError(null);
    try {
      const evidence = await toUploads(values.evidence);
      const next = await apiSend<RectificationOrder>('POST', `/api/v1/rectification-orders/${encodeURIComponent(order.id)}/response`, { response: values.response.trim(), evidence });
      void message.success(t('rectification.submitted'));
      onResponded(next);
    } catch (error) {
      setServerError(applyServerError(form, error, FIELDS, t('app.error')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('rectification.respondTitle')}>
      <Form<RespondValues> form={form} layout="vertical" initialValues={{ response: '', evidence: [] }} onFinish={(values) => void submit(values)} scrollToFirstError>
        <FormErrorAlert error={serverError} />
        <Form.Item label={t('rectification.respondText')} name="response" rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={5} maxLength={RECTIFICATION_LIMITS.responseLength} showCount placeholder={t('rectification.respondTextPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('rectification.respondFiles')}
          name="evidence"
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
          extra={t('rectification.respondFilesHint', { max: RECTIFICATION_LIMITS.evidenceFiles })}
          rules={[
            {
              validator: (_rule, files: UploadFile[] | undefined) => {
                const problem = evidenceProblem(files ?? []);
                if (!problem) return Promise.resolve();
                const text = problem.key === 'tooManyFiles' ? t('rectification.tooManyFiles', { max: problem.max }) : t(`rectification.${problem.key}`, { name: problem.name });
                return Promise.reject(new Error(text));
              },
            },
          ]}
        >
          {/* Nothing is uploaded on choosing: the files travel with the report. */}
          <Upload beforeUpload={() => false} multiple accept={ACCEPT} listType="picture" maxCount={RECTIFICATION_LIMITS.evidenceFiles}>
            <Button icon={<UploadOutlined aria-hidden />}>{t('rectification.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined aria-hidden />} loading={saving}>
          {t('rectification.submit')}
        </Button>
      </Form>
    </Card>
  );
}
