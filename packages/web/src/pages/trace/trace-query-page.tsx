import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Typography } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { downloadLotSpreadsheet, useLotTrace } from './trace-api.ts';
import { lotOfLink } from './trace-link.ts';
import { TraceView } from './trace-view.tsx';

interface LotForm {
  gtin?: string;
  lot?: string;
  link?: string;
}

/** The spreadsheet download button of a lot's trace. */
export function ExportButton({ run }: { run: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      await run();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void click()}>
      {t('trace.export')}
    </Button>
  );
}

/**
 * 追溯查询: a GTIN and lot (typed, or read from a pasted scanned link) → the lot's forward and backward trace,
 * with its sortable spreadsheet. The lot asked for lives in the URL, so a trace can be shared as a link.
 */
export function TraceQueryPage() {
  const { t } = useTranslation();
  const canRead = useGrant('trace.read');
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<LotForm>();
  const [linkError, setLinkError] = useState<string | null>(null);
  const gtin = params.get('gtin');
  const lot = params.get('lot');
  const asked = gtin && lot ? { gtin, lot } : null;
  const trace = useLotTrace(asked);

  if (!canRead) return <ForbiddenPage />;

  const submit = (values: LotForm) => {
    setLinkError(null);
    const fromLink = values.link?.trim() ? lotOfLink(values.link) : null;
    if (values.link?.trim() && !fromLink) {
      setLinkError(t('trace.linkInvalid'));
      return;
    }
    const next = fromLink ?? { gtin: values.gtin?.trim() ?? '', lot: values.lot?.trim() ?? '' };
    if (!next.gtin || !next.lot) return;
    form.setFieldsValue({ gtin: next.gtin, lot: next.lot, link: '' });
    setParams({ gtin: next.gtin, lot: next.lot });
  };

  let body = null;
  if (asked && trace.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (trace.isError) body = <Alert type="error" showIcon title={trace.error.message} />;
  else if (trace.data) body = <TraceView trace={trace.data} />;

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('trace.title')}</Typography.Title>
        {asked && trace.data && <ExportButton run={() => downloadLotSpreadsheet(asked.gtin, asked.lot)} />}
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">{t('trace.hint')}</Typography.Paragraph>
        <Form<LotForm> form={form} layout="vertical" initialValues={{ gtin: gtin ?? '', lot: lot ?? '' }} onFinish={submit}>
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item name="gtin" label={t('trace.gtin')}>
                <Input inputMode="numeric" maxLength={14} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item name="lot" label={t('trace.lot')}>
                <Input maxLength={20} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="link" label={t('trace.link')} validateStatus={linkError ? 'error' : undefined} help={linkError ?? undefined}>
                <Input placeholder={t('trace.linkPlaceholder')} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={3}>
              <Form.Item label=" ">
                <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} block>
                  {t('trace.search')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {body}
    </>
  );
}
