import { Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEnterpriseList } from '../../api/queries.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';

/** The flags the home page lists, most serious first (codes of the registry's dossier flags). */
const FLAGS = ['no_food_safety_director', 'uscc_unconfirmed', 'licence_expired'] as const;
const SHOWN_PER_FLAG = 5;

function FlagSection({ flag }: { flag: string }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const list = useEnterpriseList({ q: '', district: '', kind: '', category: '', flag }, SHOWN_PER_FLAG);
  if (list.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  // A flag the server cannot filter by is simply not listed here; the count above stays true.
  if (list.isError) return null;
  const page = list.data.pages[0];
  if (!page || page.items.length === 0) return null;
  const label = labelOf(messages.enums.flag, flag);
  const total = page.totalIsEstimate ? `${page.total}+` : String(page.total);
  return (
    <section aria-label={label} style={{ marginBottom: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Space size={4}>
          <Tag color="red">{label}</Tag>
          <Typography.Text type="secondary">{t('common.total', { count: total })}</Typography.Text>
        </Space>
        <Link to={`/enterprises?flag=${encodeURIComponent(flag)}`}>{t('home.viewAll')}</Link>
      </Space>
      <ul className="shian-simple-list">
        {page.items.map((item) => (
          <li key={item.id}>
            <Link to={`/enterprises/${item.id}`} className="shian-simple-list-main">
              {item.name}
            </Link>
            <Typography.Text type="secondary">{item.jurisdictionName}</Typography.Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Enterprises with open issues (e.g. a special-food producer without 食品安全总监), grouped by flag. */
export function FlaggedEnterprises() {
  return (
    <>
      {FLAGS.map((flag) => (
        <FlagSection key={flag} flag={flag} />
      ))}
    </>
  );
}
