import { useState } from 'react';
import { Select } from 'antd';
import { useLocale } from '../../i18n/setup.ts';
import { useEnterpriseSearch } from './handling-api.ts';
import { H } from './handling-text.ts';

/**
 * A regulator's enterprise filter: type part of a name, pick one enterprise in scope (cleared for all).
 * `selectedName` keeps the chosen name shown when it came from the URL and no search has run yet.
 */
export function EnterpriseFilter({ value, onChange, selectedName }: { value: string | undefined; onChange: (id: string | undefined, name: string | undefined) => void; selectedName?: string | undefined }) {
  const locale = useLocale();
  const [q, setQ] = useState('');
  const found = useEnterpriseSearch(q, true);
  const options = (found.data ?? []).map((e) => ({ value: e.id, label: e.name }));
  if (value && selectedName && !options.some((o) => o.value === value)) options.unshift({ value, label: selectedName });
  return (
    <Select
      aria-label={H.enterprise[locale]}
      style={{ width: 280 }}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={H.allEnterprises[locale]}
      notFoundContent={H.searchEnterprise[locale]}
      loading={found.isFetching}
      value={value}
      options={options}
      onChange={(id: string | undefined) => onChange(id, options.find((o) => o.value === id)?.label)}
    />
  );
}
