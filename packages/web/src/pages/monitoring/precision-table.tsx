import { Card, Empty, Table } from 'antd';
import { RULE_KIND_LABELS } from '@shian/domain';
import { useLocale } from '../../i18n/setup.ts';
import { usePrecision, type RulePrecision } from './handling-api.ts';
import { H } from './handling-text.ts';

/** Per-rule precision (规则准确率): closed alerts, false positives (误报), and the share that were real. */
export function PrecisionTable({ enterpriseId }: { enterpriseId: string | undefined }) {
  const locale = useLocale();
  const precision = usePrecision(enterpriseId);
  return (
    <Card size="small" title={H.precisionTitle[locale]} style={{ marginBottom: 16 }}>
      <Table<RulePrecision>
        size="small"
        rowKey="ruleKind"
        loading={precision.isPending}
        dataSource={precision.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={H.noPrecision[locale]} /> }}
        columns={[
          { title: H.ruleKind[locale], key: 'rule', render: (_v, r) => RULE_KIND_LABELS[r.ruleKind][locale] },
          { title: H.closedCount[locale], dataIndex: 'closed', key: 'closed', align: 'right' },
          { title: H.falsePositives[locale], dataIndex: 'falsePositives', key: 'falsePositives', align: 'right' },
          { title: H.precision[locale], key: 'precision', align: 'right', render: (_v, r) => (r.precision === null ? '—' : `${(r.precision * 100).toFixed(1)}%`) },
        ]}
      />
    </Card>
  );
}
