import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../api/types.ts';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import type { DossierTabProps } from '../dossier-tabs.tsx';
import { RecordTable } from './record-table.tsx';
import { ProductFormModal } from '../forms/product-form-modal.tsx';

const STATUS_COLORS: Record<string, string> = { active: 'green', discontinued: 'orange', cancelled: 'default' };

/** 产品: registered or filed special-food products (国食健注 / 食健备 / 国食注字). */
export function ProductsTab({ dossier, can, refresh }: DossierTabProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const canWrite = can('product.write');
  const canAudit = can('audit.read');
  const licenceNumbers = new Map(dossier.licences.map((licence) => [licence.id, licence.number]));

  const columns: TableColumnsType<Product> = [
    { title: t('product.fields.name'), dataIndex: 'name', width: 200, fixed: 'start' },
    {
      title: t('product.fields.category'),
      dataIndex: 'category',
      width: 150,
      render: (category: string) => labelOf(messages.enums.productCategory, category),
    },
    {
      title: t('product.fields.registrationNumber'),
      dataIndex: 'registrationNumber',
      width: 220,
      render: (value: string, product) => (
        <Space size={4} wrap>
          <Typography.Text code>{value}</Typography.Text>
          {product.registrationKind && <Tag>{labelOf(messages.enums.registrationKind, product.registrationKind)}</Tag>}
          {product.legacy && <Tag color="orange">{t('product.legacyTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('product.fields.functions'),
      dataIndex: 'functions',
      width: 200,
      render: (functions: string[]) => (functions.length > 0 ? functions.join('、') : t('common.none')),
    },
    { title: t('product.fields.gtins'), dataIndex: 'gtins', width: 160, render: (gtins: string[]) => (gtins.length > 0 ? gtins.join(', ') : t('common.none')) },
    {
      title: t('product.fields.licenceId'),
      dataIndex: 'licenceId',
      width: 170,
      render: (id: string | null) => (id ? (licenceNumbers.get(id) ?? t('common.none')) : t('common.none')),
    },
    {
      title: t('product.fields.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: string) => <Tag color={STATUS_COLORS[status]}>{labelOf(messages.enums.productStatus, status)}</Tag>,
    },
  ];
  return (
    <RecordTable<Product>
      rows={dossier.products}
      columns={columns}
      entityType="product"
      nameOf={(row) => row.name}
      canWrite={canWrite}
      canAudit={canAudit}
      createLabel={t('product.create')}
      emptyLabel={t('product.empty')}
      scrollX={1360}
      renderForm={(row, close) => <ProductFormModal enterpriseId={dossier.enterprise.id} product={row} licences={dossier.licences} onClose={close} onSaved={() => void refresh()} />}
    />
  );
}
