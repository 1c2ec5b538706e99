import { useMemo } from 'react';
import { Button, Col, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseFilters } from '../../api/queries.ts';
import { useJurisdictions } from '../../api/queries.ts';
import { ENTERPRISE_KINDS } from '../../api/types.ts';
import { localName, useLocale, useMessages } from '../../i18n/setup.ts';

const SC_CATEGORIES = ['127', '128', '129'] as const;
const PRODUCT_CATEGORIES = ['health_food', 'infant_formula', 'fsmp'] as const;

interface RegistryFiltersProps {
  filters: EnterpriseFilters;
  onChange: (next: EnterpriseFilters) => void;
}

/** Search box and filters; every change goes to the URL (the page reads the filters back from there). */
export function RegistryFilters({ filters, onChange }: RegistryFiltersProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const locale = useLocale();
  const jurisdictions = useJurisdictions();

  const districts = useMemo(
    () =>
      (jurisdictions.data ?? [])
        .filter((item) => item.level === 'district')
        .map((item) => ({ value: item.code, label: localName(locale, item) })),
    [jurisdictions.data, locale],
  );
  const set = (key: keyof EnterpriseFilters, value: string | undefined) => onChange({ ...filters, [key]: value ?? '' });
  const hasFilters = Object.values(filters).some((value) => value !== '');

  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={24} xl={8} lg={24}>
        <Input.Search
          // Remount when the URL changes (back/forward) so the box shows the query in force.
          key={filters.q}
          defaultValue={filters.q}
          aria-label={t('registry.search')}
          placeholder={t('registry.searchPlaceholder')}
          enterButton={t('registry.search')}
          allowClear
          onSearch={(value) => set('q', value.trim())}
        />
      </Col>
      <Col xs={12} sm={6} lg={5} xl={3}>
        <Select
          aria-label={t('registry.district')}
          placeholder={t('registry.district')}
          style={{ width: '100%' }}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={jurisdictions.isPending}
          value={filters.district || undefined}
          options={districts}
          onChange={(value: string | undefined) => set('district', value)}
        />
      </Col>
      <Col xs={12} sm={6} lg={5} xl={3}>
        <Select
          aria-label={t('registry.kind')}
          placeholder={t('registry.kind')}
          style={{ width: '100%' }}
          allowClear
          value={filters.kind || undefined}
          options={ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: messages.enums.kind[kind] }))}
          onChange={(value: string | undefined) => set('kind', value)}
        />
      </Col>
      <Col xs={12} sm={6} lg={5} xl={3}>
        <Select
          aria-label={t('registry.category')}
          placeholder={t('registry.category')}
          style={{ width: '100%' }}
          allowClear
          popupMatchSelectWidth={false}
          value={filters.category || undefined}
          options={[
            {
              label: t('registry.categoryGroupLicence'),
              options: SC_CATEGORIES.map((code) => ({ value: code, label: messages.enums.scCategory[code] })),
            },
            {
              label: t('registry.categoryGroupProduct'),
              options: PRODUCT_CATEGORIES.map((code) => ({ value: code, label: messages.enums.productCategory[code] })),
            },
          ]}
          onChange={(value: string | undefined) => set('category', value)}
        />
      </Col>
      <Col xs={12} sm={6} lg={5} xl={3}>
        <Select
          aria-label={t('registry.flag')}
          placeholder={t('registry.flag')}
          style={{ width: '100%' }}
          allowClear
          popupMatchSelectWidth={false}
          value={filters.flag || undefined}
          options={Object.entries(messages.enums.flag).map(([value, label]) => ({ value, label }))}
          onChange={(value: string | undefined) => set('flag', value)}
        />
      </Col>
      <Col xs={24} lg={4} xl={4}>
        <Button block disabled={!hasFilters} onClick={() => onChange({ q: '', district: '', kind: '', category: '', flag: '' })}>
          {t('registry.reset')}
        </Button>
      </Col>
    </Row>
  );
}
