import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import type { Licence, Product } from '../../../api/types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { labelOf, useMessages } from '../../../i18n/setup.ts';

interface ProductValues {
  name: string;
  category: string;
  registrationNumber: string;
  functions: string[];
  gtins: string[];
  specification?: string;
  licenceId?: string | null;
  status?: string;
}

const CREATE_FIELDS = ['name', 'category', 'registrationNumber', 'functions', 'gtins', 'specification', 'licenceId'] as const;
const EDIT_FIELDS = ['name', 'functions', 'gtins', 'specification', 'licenceId', 'status'] as const;
const CATEGORIES = ['health_food', 'infant_formula', 'fsmp'] as const;
const STATUSES = ['active', 'discontinued', 'cancelled'] as const;

interface ProductFormModalProps {
  enterpriseId: string;
  product?: Product;
  /** The enterprise's licences, to link the product to the SC licence it is made under. */
  licences: Licence[];
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Create (`POST /enterprises/:id/products`) or edit (`PATCH /products/:id`) a product. Registration kind and
 * the legacy marker are derived by the server from the number (国食健注 / 食健备 / 卫食健字…).
 */
export function ProductFormModal({ enterpriseId, product, licences, onClose, onSaved }: ProductFormModalProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<ProductValues>();
  const category = Form.useWatch('category', form) ?? product?.category;

  const submit = async (values: ProductValues) => {
    const common = {
      name: values.name.trim(),
      functions: values.functions,
      gtins: values.gtins,
      specification: values.specification?.trim() ? values.specification.trim() : null,
      licenceId: values.licenceId ?? null,
    };
    if (product) {
      await apiSend('PATCH', `/api/v1/products/${product.id}`, { version: product.version, ...common, status: values.status });
    } else {
      await apiSend('POST', `/api/v1/enterprises/${enterpriseId}/products`, {
        ...common,
        category: values.category,
        registrationNumber: values.registrationNumber.trim(),
      });
    }
  };

  const required = { required: true, message: t('common.required') };
  const productionLicences = licences.filter((licence) => licence.kind === 'SC');
  return (
    <FormModal<ProductValues>
      form={form}
      title={product ? t('product.editTitle') : t('product.create')}
      fields={product ? EDIT_FIELDS : CREATE_FIELDS}
      initialValues={
        product
          ? {
              name: product.name,
              category: product.category,
              registrationNumber: product.registrationNumber,
              functions: product.functions,
              gtins: product.gtins,
              specification: product.specification ?? '',
              licenceId: product.licenceId,
              status: product.status,
            }
          : { functions: [], gtins: [], licenceId: null }
      }
      submit={submit}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onSaved}
      successMessage={product ? t('common.saved') : t('common.created')}
      width={720}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('product.fields.name')} name="name" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {product ? (
            <Form.Item label={t('product.fields.category')}>
              <Typography.Text>{labelOf(messages.enums.productCategory, product.category)}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('product.fields.category')} name="category" rules={[required]}>
              <Select
                aria-label={t('product.fields.category')}
                options={CATEGORIES.map((code) => ({ value: code, label: messages.enums.productCategory[code] }))}
              />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          {product ? (
            <Form.Item label={t('product.fields.registrationNumber')}>
              <Typography.Text code>{product.registrationNumber}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('product.fields.registrationNumber')} name="registrationNumber" rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={40} autoComplete="off" placeholder="国食健注G20200123" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('product.fields.licenceId')} name="licenceId">
            <Select
              aria-label={t('product.fields.licenceId')}
              allowClear
              options={productionLicences.map((licence) => ({
                value: licence.id,
                label: `${licence.number}${licence.categoryNames.length ? `（${licence.categoryNames.join('、')}）` : ''}`,
              }))}
            />
          </Form.Item>
        </Col>
        {category === 'health_food' && (
          <Col span={24}>
            <Form.Item label={t('product.fields.functions')} name="functions" extra={t('product.tagsHint')}>
              <Select mode="tags" aria-label={t('product.fields.functions')} tokenSeparators={[',', '，', '、']} open={false} />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item label={t('product.fields.gtins')} name="gtins" extra={t('product.tagsHint')}>
            <Select mode="tags" aria-label={t('product.fields.gtins')} tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('product.fields.specification')} name="specification">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {product && (
          <Col xs={24} md={12}>
            <Form.Item label={t('product.fields.status')} name="status">
              <Select
                aria-label={t('product.fields.status')}
                options={STATUSES.map((status) => ({ value: status, label: messages.enums.productStatus[status] }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
