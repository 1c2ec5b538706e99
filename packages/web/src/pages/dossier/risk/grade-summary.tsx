import { useState } from 'react';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, MinusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import type { RiskDossier, RiskGradeRecord } from '../../../api/supervision-types.ts';
import { GradeBadge } from '../../../components/grade-badge.tsx';
import { useMessages } from '../../../i18n/setup.ts';
import { OverrideModal } from './override-modal.tsx';

const MOVEMENT_ICONS = {
  up: <ArrowUpOutlined aria-hidden style={{ color: '#cf1322' }} />,
  keep: <MinusOutlined aria-hidden />,
  down: <ArrowDownOutlined aria-hidden style={{ color: '#389e0d' }} />,
} as const;

/** 较上年: the movement against last year's grade. */
function Movement({ grade }: { grade: RiskGradeRecord }) {
  const { t } = useTranslation();
  const messages = useMessages();
  return (
    <span>
      <Typography.Text type="secondary">
        {t('risk.movement')}
        {t('common.colon')}
      </Typography.Text>
      {MOVEMENT_ICONS[grade.movement]} {messages.risk.movements[grade.movement]}
      <Typography.Text type="secondary"> {grade.previousGrade ? t('risk.previous', { grade: grade.previousGrade }) : t('risk.noPrevious')}</Typography.Text>
    </span>
  );
}

function GradeHeadline({ grade }: { grade: RiskGradeRecord }) {
  const { t } = useTranslation();
  const messages = useMessages();
  return (
    <Space size={16} align="center" wrap>
      <GradeBadge grade={grade.grade} size="large" />
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('risk.gradeLetter', { grade: grade.grade })}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 8 }}>
            {messages.risk.gradeNames[grade.grade]}
          </Typography.Text>
        </Typography.Title>
        <div style={{ marginTop: 4 }}>
          <Typography.Text type="secondary">{t('risk.year', { year: grade.year })}</Typography.Text>
          {grade.origin === 'override' && (
            <>
              {' '}
              <Tag color="purple">{messages.risk.origins.override}</Tag>
              <Typography.Text type="secondary">{t('risk.computed', { grade: grade.computedGrade })}</Typography.Text>
            </>
          )}
        </div>
        <div style={{ marginTop: 4 }}>
          <Movement grade={grade} />
        </div>
      </div>
    </Space>
  );
}

interface GradeSummaryProps {
  enterpriseId: string;
  risk: RiskDossier;
  canManage: boolean;
  onChanged: () => Promise<void>;
}

/**
 * The grade in force as a big coloured badge, its scores and rule set (未确认 while its figures are not checked
 * against the official text), the explanation sentence by sentence, and 重新评定 / 人工调整 for risk.manage.
 */
export function GradeSummary({ enterpriseId, risk, canManage, onChanged }: GradeSummaryProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [overriding, setOverriding] = useState(false);
  const [regrading, setRegrading] = useState(false);
  const grade = risk.current;
  const year = new Date().getFullYear();

  const regrade = async () => {
    setRegrading(true);
    try {
      const next = await apiSend<RiskGradeRecord>('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/risk-grade/regrade`, {});
      void message.success(t('risk.regraded', { grade: next.grade }));
      await onChanged();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('app.error'));
    } finally {
      setRegrading(false);
    }
  };

  const actions = canManage ? (
    <Space wrap>
      <Popconfirm title={t('risk.regradeConfirm', { year })} okText={t('risk.regrade')} cancelText={t('common.cancel')} onConfirm={() => void regrade()}>
        <Button icon={<ReloadOutlined aria-hidden />} loading={regrading}>
          {t('risk.regrade')}
        </Button>
      </Popconfirm>
      {grade && (
        <Button icon={<EditOutlined aria-hidden />} onClick={() => setOverriding(true)}>
          {t('risk.override')}
        </Button>
      )}
    </Space>
  ) : null;

  if (!grade) {
    return (
      <Card size="small" title={t('risk.currentTitle')} extra={actions}>
        <Empty description={risk.profile ? t('risk.notGraded') : t('risk.notGradedNoFacts')} />
      </Card>
    );
  }

  return (
    <Card size="small" title={t('risk.currentTitle')} extra={actions}>
      <GradeHeadline grade={grade} />
      <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
        <Col xs={8} md={6}>
          <Statistic title={t('risk.totalScore')} value={grade.totalScore} />
        </Col>
        <Col xs={8} md={6}>
          <Statistic title={t('risk.staticScore')} value={grade.staticScore} />
        </Col>
        <Col xs={8} md={6}>
          <Statistic title={t('risk.dynamicScore')} value={grade.dynamicScore} />
        </Col>
      </Row>
      <div style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">
          {t('risk.ruleSet')}
          {t('common.colon')}
        </Typography.Text>
        <Typography.Text code>{grade.ruleSetId}</Typography.Text>
        {!grade.confirmed && (
          <Tooltip title={t('risk.unconfirmedHint')}>
            <Tag color="warning" style={{ marginInlineStart: 8 }} tabIndex={0}>
              {t('risk.unconfirmed')}
            </Tag>
          </Tooltip>
        )}
      </div>
      {grade.origin === 'override' && grade.overrideReason && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            {t('risk.overrideReason')}
            {t('common.colon')}
          </Typography.Text>
          {grade.overrideReason}
        </div>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('risk.explanation')}
      </Typography.Title>
      <ol className="shian-risk-explanation" aria-label={t('risk.explanation')} style={{ margin: 0, paddingInlineStart: 20, lineHeight: 1.8 }}>
        {grade.explanation.map((sentence, index) => (
          <li key={index}>{sentence}</li>
        ))}
      </ol>
      {overriding && <OverrideModal enterpriseId={enterpriseId} current={grade} onClose={() => setOverriding(false)} onSaved={() => void onChanged()} />}
    </Card>
  );
}
