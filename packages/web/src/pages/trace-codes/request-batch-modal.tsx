import { useRef } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import type { Product } from '../../api/types.ts';
import { FormModal } from '../../components/form-modal.tsx';
import { toIsoDate } from '../../lib/format.ts';
import { MAX_BATCH_QUANTITY, type CodeBatch, type CodeBatchRequest } from './trace-codes-api.ts';

interface RequestValues {
  productId: string;
  gtin: string;
  lot: string;
  productionDate: Dayjs | null;
  expiryDate: Dayjs | null;
  quantity: number;
}

const FIELDS = ['productId', 'gtin', 'lot', 'productionDate', 'expiryDate', 'quantity'] as const;
/** GS1 AI 82 characters (what a lot may hold), checked again by the server. */
const LOT_PATTERN = /^[!"%-?A-Z_a-z]{1,20}$/;

interface RequestBatchModalProps {
  /** The enterprise's active products that carry a GTIN. */
  products: readonly Product[];
  onClose: () => void;
  onSaved: (batch: CodeBatch) => void;
}

/** 申请赋码: a lot of one of the enterprise's products, its dates, and how many item codes. */
export function RequestBatchModal({ products, onClose, onSaved }: RequestBatchModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequestValues>();
  const productId = Form.useWatch('productId', form);
  const gtins = products.find((p) => p.id === productId)?.gtins ?? [];
  const created = useRef<CodeBatch | null>(null);

  const submit = async (values: RequestValues) => {
    const body: CodeBatchRequest = {
      productId: values.productId,
      gtin: values.gtin,
      lot: values.lot.trim(),
      productionDate: toIsoDate(values.productionDate) ?? '',
      expiryDate: toIsoDate(values.expiryDate) ?? '',
      quantity: values.quantity,
    };
    created.current = await apiSend<CodeBatch>('POST', '/api/v1/trace/code-batches', body);
  };

  const required = { required: true, message: t('common.required') };
  const first = products[0];
  return (
    <FormModal<RequestValues>
      form={form}
      title={t('traceCodes.requestTitle')}
      fields={FIELDS}
      initialValues={{ productId: first?.id, gtin: first?.gtins[0], quantity: 1000, productionDate: dayjs() }}
      submit={submit}
      onClose={onClose}
      onSaved={() => created.current && onSaved(created.current)}
      successMessage={t('traceCodes.requested')}
    >
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item label={t('traceCodes.fields.product')} name="productId" rules={[required]}>
            <Select
              aria-label={t('traceCodes.fields.product')}
              options={products.map((p) => ({ value: p.id, label: `${p.name}（${p.registrationNumber}）` }))}
              onChange={(id: string) => form.setFieldValue('gtin', products.find((p) => p.id === id)?.gtins[0])}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label={t('traceCodes.fields.gtin')} name="gtin" rules={[required]}>
            <Select aria-label={t('traceCodes.fields.gtin')} options={gtins.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            label={t('traceCodes.fields.lot')}
            name="lot"
            extra={t('traceCodes.hints.lot')}
            rules={[{ ...required, whitespace: true }, { pattern: LOT_PATTERN, message: t('traceCodes.hints.lotInvalid') }]}
          >
            <Input maxLength={20} autoComplete="off" placeholder="B20260301" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('traceCodes.fields.quantity')} name="quantity" extra={t('traceCodes.hints.quantity')} rules={[required]}>
            <InputNumber min={1} max={MAX_BATCH_QUANTITY} precision={0} style={{ width: '100%' }} aria-label={t('traceCodes.fields.quantity')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item label={t('traceCodes.fields.productionDate')} name="productionDate" rules={[required]}>
            <DatePicker style={{ width: '100%' }} aria-label={t('traceCodes.fields.productionDate')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            label={t('traceCodes.fields.expiryDate')}
            name="expiryDate"
            dependencies={['productionDate']}
            rules={[
              required,
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null) => {
                  const made: unknown = getFieldValue('productionDate');
                  if (!value || !dayjs.isDayjs(made) || !value.isBefore(made, 'day')) return Promise.resolve();
                  return Promise.reject(new Error(t('traceCodes.hints.datesInvalid')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} aria-label={t('traceCodes.fields.expiryDate')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
