import { Button, Empty, List, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface CodeListProps {
  codes: readonly string[];
  onRemove: (index: number) => void;
  /** The server's problem with each code, by its position (`items.3` → 3). */
  problems: ReadonlyMap<number, string>;
  label: string;
}

/** The codes scanned so far, newest last, each removable and with the server's problem beside it, if any. */
export function CodeList({ codes, onRemove, problems, label }: CodeListProps) {
  const { t } = useTranslation();
  if (codes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('traceOps.codes.empty')} />;
  return (
    <List
      size="small"
      bordered
      aria-label={label}
      header={<Typography.Text type="secondary">{t('traceOps.codes.count', { count: codes.length })}</Typography.Text>}
      dataSource={codes.map((code, index) => ({ code, index }))}
      renderItem={({ code, index }) => (
        <List.Item
          actions={[
            <Button key="remove" type="text" size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={`${t('traceOps.codes.remove')} ${code}`} onClick={() => onRemove(index)} />,
          ]}
        >
          <div style={{ minWidth: 0 }}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {code}
            </Typography.Text>
            {problems.get(index) && (
              <div>
                <Typography.Text type="danger">{problems.get(index)}</Typography.Text>
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

/** The problems of one list field from an error's details: `items.3` → {3: message}. */
export function problemsOf(details: readonly { path: string; message: string }[], field: string): Map<number, string> {
  const result = new Map<number, string>();
  for (const detail of details) {
    const match = new RegExp(`^${field.replace('.', '\\.')}\\.(\\d+)$`).exec(detail.path);
    if (match?.[1]) result.set(Number(match[1]), detail.message);
  }
  return result;
}
