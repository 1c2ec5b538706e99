import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Form, Input, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { UPGRADE_TRIGGER_KINDS } from '@shian/domain/risk/risk-rules.ts';
import { CN_2016_TRIAL_SHANGHAI_1 } from '@shian/domain/risk/rule-sets/cn-2016-trial.ts';
import { apiSend } from '../../../api/client.ts';
import type { RiskTrigger, UpgradeTriggerKind } from '../../../api/supervision-types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { pickLocalised } from '../../../i18n/localised.ts';
import { labelOf, useLocale, useMessages } from '../../../i18n/setup.ts';
import { formatDate, toIsoDate } from '../../../lib/format.ts';

interface TriggerValues {
  kind: UpgradeTriggerKind | undefined;
  occurredOn: Dayjs | null;
  note: string;
}

const TRIGGER_FIELDS = ['kind', 'occurredOn', 'note'] as const;

/** 新增升级情形: the kinds of the rule set in force, by their names in the active language. */
function TriggerModal({ enterpriseId, onClose, onSaved }: { enterpriseId: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form] = Form.useForm<TriggerValues>();
  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<TriggerValues>
      form={form}
      title={t('risk.addTrigger')}
      fields={TRIGGER_FIELDS}
      initialValues={{ kind: undefined, occurredOn: null, note: '' }}
      submit={(values) =>
        apiSend('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/risk-triggers`, {
          kind: values.kind,
          occurredOn: toIsoDate(values.occurredOn),
          note: values.note.trim(),
        })
      }
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('common.created')}
      width={560}
    >
      <Form.Item label={t('risk.triggerFields.kind')} name="kind" rules={[required]}>
        <Select
          aria-label={t('risk.triggerFields.kind')}
          options={UPGRADE_TRIGGER_KINDS.map((kind) => ({ value: kind, label: pickLocalised(locale, CN_2016_TRIAL_SHANGHAI_1.upgradeTriggers[kind].name, kind) }))}
        />
      </Form.Item>
      <Form.Item label={t('risk.triggerFields.occurredOn')} name="occurredOn" rules={[required]}>
        <DatePicker style={{ width: '100%', maxWidth: 240 }} aria-label={t('risk.triggerFields.occurredOn')} />
      </Form.Item>
      <Form.Item
        label={t('risk.triggerFields.note')}
        name="note"
        extra={t('risk.triggerNoteHint')}
        rules={[
          { ...required, whitespace: true },
          { min: 2, message: t('risk.minLength', { min: 2 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface WithdrawValues {
  reason: string;
}

/** 撤销: a trigger recorded in error is withdrawn with the reason (it stays on file, struck through). */
function WithdrawModal({ trigger, onClose, onSaved }: { trigger: RiskTrigger; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WithdrawValues>();
  return (
    <FormModal<WithdrawValues>
      form={form}
      title={t('risk.withdrawTitle')}
      fields={['reason']}
      initialValues={{ reason: '' }}
      submit={(values) => apiSend('POST', `/api/v1/risk-triggers/${encodeURIComponent(trigger.id)}/withdrawal`, { reason: values.reason.trim() })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('risk.withdrawn')}
      width={520}
    >
      <Typography.Paragraph>
        <Typography.Text strong>{trigger.kindName}</Typography.Text> · {formatDate(trigger.occurredOn)}
      </Typography.Paragraph>
      <Form.Item
        label={t('risk.withdrawReason')}
        name="reason"
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 2, message: t('risk.minLength', { min: 2 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface RiskTriggersProps {
  enterpriseId: string;
  triggers: RiskTrigger[];
  canManage: boolean;
  onChanged: () => Promise<void>;
}

/** 升级情形: triggers on file (withdrawn ones struck through), with 新增 and 撤销 for risk.manage. */
export function RiskTriggers({ enterpriseId, triggers, canManage, onChanged }: RiskTriggersProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [adding, setAdding] = useState(false);
  const [withdrawing, setWithdrawing] = useState<RiskTrigger | null>(null);
  return (
    <Card
      size="small"
      title={t('risk.triggers')}
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('risk.addTrigger')}
          </Button>
        )
      }
    >
      {triggers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('risk.triggersEmpty')} />
      ) : (
        <ul className="shian-simple-list" aria-label={t('risk.triggers')}>
          {triggers.map((trigger) => (
            <li key={trigger.id}>
              <div className="shian-simple-list-main">
                <Typography.Text strong delete={trigger.withdrawnAt !== null}>
                  {trigger.kindName}
                </Typography.Text>
                {trigger.withdrawnAt && (
                  <Tag style={{ marginInlineStart: 8 }}>{t('risk.withdrawn')}</Tag>
                )}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {formatDate(trigger.occurredOn)} · {t('risk.triggerSource', { source: labelOf(messages.risk.sources, trigger.source) })}
                </Typography.Text>
                {trigger.note && <div style={{ fontSize: 13 }}>{trigger.note}</div>}
                {trigger.withdrawnReason && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('risk.withdrawnReason', { reason: trigger.withdrawnReason })}
                  </Typography.Text>
                )}
              </div>
              {canManage && !trigger.withdrawnAt && (
                <Button size="small" type="link" danger onClick={() => setWithdrawing(trigger)} aria-label={`${t('risk.withdraw')} ${trigger.kindName}`}>
                  {t('risk.withdraw')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {adding && <TriggerModal enterpriseId={enterpriseId} onClose={() => setAdding(false)} onSaved={() => void onChanged()} />}
      {withdrawing && <WithdrawModal trigger={withdrawing} onClose={() => setWithdrawing(null)} onSaved={() => void onChanged()} />}
    </Card>
  );
}
