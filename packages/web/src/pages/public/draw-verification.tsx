import { useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { CheckCircleOutlined, CloudServerOutlined, DownloadOutlined, SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fetchDrawInput, useDrawVerification } from '../../api/planning-queries.ts';
import type { DrawPickRow, Draw } from '../../api/planning-types.ts';
import type { RerunDifference, RerunReport } from './draw-rerun.ts';

type BrowserState = { state: 'idle' } | { state: 'running' } | { state: 'done'; report: RerunReport } | { state: 'failed'; message: string };

function DifferenceLine({ difference }: { difference: RerunDifference }) {
  const { t } = useTranslation();
  switch (difference.kind) {
    case 'malformed':
      return <li>{t(`draws.verify.malformed.${difference.part}`)}</li>;
    case 'refused':
      return <li>{t('draws.verify.refused', { message: difference.message })}</li>;
    case 'field':
      return <li>{t('draws.verify.fieldDiff', { field: t(`draws.verify.fields.${difference.field}`), published: difference.published, rerun: difference.rerun })}</li>;
    case 'target':
      return <li>{t('draws.verify.targetDiff', { position: difference.position, published: difference.published, rerun: difference.rerun })}</li>;
    case 'inspectors':
      return <li>{t('draws.verify.inspectorsDiff', { position: difference.position, published: difference.published, rerun: difference.rerun })}</li>;
  }
}

function BrowserResult({ result }: { result: BrowserState }) {
  const { t } = useTranslation();
  if (result.state === 'idle') return <Typography.Text type="secondary">{t('draws.verify.notRun')}</Typography.Text>;
  if (result.state === 'running') return <Typography.Text type="secondary">{t('draws.verify.running')}</Typography.Text>;
  if (result.state === 'failed') return <Alert type="error" showIcon title={result.message} />;
  const { report } = result;
  if (report.matches) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('draws.verify.match')}
        description={t('draws.verify.matchDetail', { count: report.picked, ms: Math.max(1, Math.round(report.durationMs)) })}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('draws.verify.mismatch')}
      description={
        <>
          {t('draws.verify.mismatchDetail', { count: report.differences.length })}
          <ul className="shian-diff-list">
            {report.differences.map((difference, index) => (
              <DifferenceLine key={index} difference={difference} />
            ))}
          </ul>
        </>
      }
    />
  );
}

function ServerResult({ id, asked }: { id: string; asked: boolean }) {
  const { t } = useTranslation();
  const verification = useDrawVerification(id, asked);
  if (!asked) return <Typography.Text type="secondary">{t('draws.verify.notRun')}</Typography.Text>;
  if (verification.isPending) return <Typography.Text type="secondary">{t('draws.verify.running')}</Typography.Text>;
  if (verification.isError) return <Alert type="error" showIcon title={verification.error.message} />;
  const { matches, differences } = verification.data;
  if (matches) return <Alert type="success" showIcon title={t('draws.verify.match')} description={t('draws.verify.serverMatchDetail')} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('draws.verify.mismatch')}
      description={
        <ul className="shian-diff-list">
          {differences.map((line, index) => (
            <li key={index} lang="en">
              {line}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * 公开复核: how anyone can re-run the draw, a download of its input, and two checks side by side: the
 * browser re-runs the algorithm on the published input (the algorithm loads only when asked), the server
 * reports its own re-run.
 */
export function DrawVerification({ draw, picks }: { draw: Draw; picks: DrawPickRow[] }) {
  const { t } = useTranslation();
  const [browser, setBrowser] = useState<BrowserState>({ state: 'idle' });
  const [askedServer, setAskedServer] = useState(false);
  const inputUrl = `/api/v1/public/draws/${encodeURIComponent(draw.id)}/input`;

  const verify = async () => {
    setBrowser({ state: 'running' });
    setAskedServer(true);
    try {
      const [{ rerunDraw }, data] = await Promise.all([import('./draw-rerun.ts'), fetchDrawInput(draw.id)]);
      // Let the "running" state paint before the (synchronous) re-run takes the main thread.
      await new Promise((resolve) => setTimeout(resolve, 0));
      setBrowser({ state: 'done', report: rerunDraw(data.input, data.outcome, { draw, picks }) });
    } catch (error) {
      setBrowser({ state: 'failed', message: error instanceof Error ? error.message : t('app.error') });
    }
  };

  return (
    <Card size="small" title={t('draws.verify.title')} style={{ marginTop: 12 }}>
      <Typography.Paragraph>{t('draws.verify.howTo', { algorithm: draw.algorithm })}</Typography.Paragraph>
      <Typography.Paragraph>
        {t('draws.verify.cliIntro')} <Typography.Text code copyable>{`npm run shian -- verify-draw ${draw.number}`}</Typography.Text>
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<SafetyOutlined aria-hidden />} loading={browser.state === 'running'} onClick={() => void verify()}>
          {t('draws.verify.browserButton')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={inputUrl} download={`${draw.number}-input.json`}>
          {t('draws.verify.download')}
        </Button>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <section aria-label={t('draws.verify.browser')} aria-live="polite">
            <Typography.Title level={5}>
              <CheckCircleOutlined aria-hidden /> {t('draws.verify.browser')}
            </Typography.Title>
            <BrowserResult result={browser} />
          </section>
        </Col>
        <Col xs={24} md={12}>
          <section aria-label={t('draws.verify.server')} aria-live="polite">
            <Typography.Title level={5}>
              <CloudServerOutlined aria-hidden /> {t('draws.verify.server')}
            </Typography.Title>
            <ServerResult id={draw.id} asked={askedServer} />
          </section>
        </Col>
      </Row>
    </Card>
  );
}
