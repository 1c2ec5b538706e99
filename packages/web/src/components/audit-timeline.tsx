import { Alert, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuditTrail } from '../api/queries.ts';
import type { AuditChange, AuditEntry } from '../api/types.ts';
import { labelOf, useMessages } from '../i18n/setup.ts';
import type { Messages } from '../i18n/zh-CN.ts';
import { formatChangeValue, formatDateTime } from '../lib/format.ts';

/** Field labels per audited entity type, so `validUntil` reads 有效期至. */
function fieldLabels(messages: Messages, entityType: string): Readonly<Record<string, string>> {
  switch (entityType) {
    case 'licence':
      return messages.licence.fields;
    case 'product':
      return messages.product.fields;
    case 'person':
      return messages.person.fields;
    default:
      return messages.enterprise.fields;
  }
}

/** Labels for coded values of a field (`kinds: ['producer']` → 生产企业), where the field holds codes. */
function valueLabels(messages: Messages, entityType: string, field: string): Readonly<Record<string, string>> | undefined {
  const { enums } = messages;
  if (field === 'kinds') return enums.kind;
  if (field === 'category') return entityType === 'product' ? enums.productCategory : undefined;
  if (field === 'role') return entityType === 'person' ? enums.personRole : undefined;
  if (field === 'status') {
    if (entityType === 'licence') return enums.licenceStatus;
    if (entityType === 'product') return enums.productStatus;
    return enums.enterpriseStatus;
  }
  return undefined;
}

/** Replaces codes by their labels, inside lists too; other values pass through. */
function labelValue(value: unknown, labels: Readonly<Record<string, string>> | undefined): unknown {
  if (!labels) return value;
  if (typeof value === 'string') return labelOf(labels, value);
  if (Array.isArray(value)) return value.map((item) => labelValue(item, labels));
  return value;
}

function ChangeList({ entry, changes }: { entry: AuditEntry; changes: AuditChange[] }) {
  const messages = useMessages();
  const words = { yes: messages.common.yes, no: messages.common.no, none: messages.common.none };
  if (changes.length === 0) return <Typography.Text type="secondary">{messages.audit.noChanges}</Typography.Text>;
  const labels = fieldLabels(messages, entry.entityType);
  const show = (field: string, value: unknown) => formatChangeValue(labelValue(value, valueLabels(messages, entry.entityType, field)), words);
  return (
    <ul className="shian-change-list">
      {changes.map((change) => (
        <li key={change.field}>
          <Typography.Text strong>{labelOf(labels, change.field)}</Typography.Text>
          {messages.common.colon}
          <Typography.Text delete type="secondary">
            {show(change.field, change.before)}
          </Typography.Text>
          {' → '}
          <Typography.Text>{show(change.field, change.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** `enterprise.update` → 修改: actions are labelled by their verb. */
function actionVerb(action: string): string {
  return action.split('.').pop() ?? action;
}

/** The audit trail of one record as a timeline, newest first. */
export function AuditTimeline({ entityType, entityId }: { entityType: string; entityId: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const trail = useAuditTrail(entityType, entityId);

  if (trail.isPending) return <Skeleton active />;
  if (trail.isError) return <Alert type="error" showIcon title={trail.error.message} />;
  if (trail.data.length === 0) return <Empty description={t('audit.empty')} />;

  const entries = [...trail.data].sort((a, b) => Number(b.seq) - Number(a.seq));
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: String(entry.seq),
        color: actionVerb(entry.action) === 'create' ? 'green' : 'blue',
        content: (
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Typography.Text strong>{formatDateTime(entry.occurredAt)}</Typography.Text>
            <Space wrap size={4}>
              <Tag color={actionVerb(entry.action) === 'create' ? 'green' : 'blue'}>{labelOf(messages.enums.auditAction, actionVerb(entry.action))}</Tag>
              <Typography.Text type="secondary">
                {t('audit.actor')}: {entry.actorUsername}（{labelOf(messages.enums.role, entry.actorRole)}）
              </Typography.Text>
            </Space>
            <ChangeList entry={entry} changes={entry.changes} />
          </Space>
        ),
      }))}
    />
  );
}
