import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import type { Licence } from '../../../api/types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { useMessages } from '../../../i18n/setup.ts';
import { fromIsoDate, toIsoDate } from '../../../lib/format.ts';

interface LicenceValues {
  number: string;
  categories: string[];
  issuingAuthority: string;
  issuedOn: Dayjs | null;
  validUntil: Dayjs | null;
  status?: string;
}

const CREATE_FIELDS = ['number', 'kind', 'categories', 'issuingAuthority', 'issuedOn', 'validUntil'] as const;
const EDIT_FIELDS = ['categories', 'issuingAuthority', 'issuedOn', 'validUntil', 'status'] as const;
const STATUSES = ['valid', 'suspended', 'revoked', 'cancelled'] as const;
const SC_CATEGORIES = ['127', '128', '129'] as const;

interface LicenceFormModalProps {
  enterpriseId: string;
  licence?: Licence;
  onClose: () => void;
  onSaved: () => void;
}

/** Create (`POST /enterprises/:id/licences`) or edit (`PATCH /licences/:id`) a licence. */
export function LicenceFormModal({ enterpriseId, licence, onClose, onSaved }: LicenceFormModalProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<LicenceValues>();

  const submit = async (values: LicenceValues) => {
    const common = {
      categories: values.categories,
      issuingAuthority: values.issuingAuthority.trim(),
      issuedOn: toIsoDate(values.issuedOn),
      ...(values.validUntil ? { validUntil: toIsoDate(values.validUntil) } : {}),
    };
    if (licence) {
      await apiSend('PATCH', `/api/v1/licences/${licence.id}`, { version: licence.version, ...common, status: values.status });
    } else {
      await apiSend('POST', `/api/v1/enterprises/${enterpriseId}/licences`, { number: values.number.trim(), ...common });
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<LicenceValues>
      form={form}
      title={licence ? t('licence.editTitle') : t('licence.create')}
      fields={licence ? EDIT_FIELDS : CREATE_FIELDS}
      initialValues={
        licence
          ? {
              number: licence.number,
              categories: licence.categories,
              issuingAuthority: licence.issuingAuthority,
              issuedOn: fromIsoDate(licence.issuedOn) ?? null,
              validUntil: fromIsoDate(licence.validUntil) ?? null,
              status: licence.status,
            }
          : { categories: [] }
      }
      submit={submit}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onSaved}
      successMessage={licence ? t('common.saved') : t('common.created')}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {licence ? (
            <Form.Item label={t('licence.fields.number')}>
              <Typography.Text code>{licence.number}</Typography.Text>
            </Form.Item>
          ) : (
            // The kind (SC / JY) is read from the number's prefix by the server.
            <Form.Item label={t('licence.fields.number')} name="number" rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={20} autoComplete="off" placeholder="SC12731011500123" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('licence.fields.categories')} name="categories" extra={t('licence.categoriesHint')}>
            <Select
              mode="tags"
              aria-label={t('licence.fields.categories')}
              tokenSeparators={[',', '，', ' ']}
              options={SC_CATEGORIES.map((code) => ({ value: code, label: messages.enums.scCategory[code] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('licence.fields.issuingAuthority')} name="issuingAuthority" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('licence.fields.issuedOn')} name="issuedOn" rules={[required]}>
            <DatePicker style={{ width: '100%' }} aria-label={t('licence.fields.issuedOn')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('licence.fields.validUntil')}
            name="validUntil"
            dependencies={['issuedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value: Dayjs | null) => {
                  const issued: unknown = getFieldValue('issuedOn');
                  if (!value || !dayjs.isDayjs(issued) || value.isAfter(issued)) return Promise.resolve();
                  return Promise.reject(new Error(t('licence.invalidDates')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} aria-label={t('licence.fields.validUntil')} />
          </Form.Item>
        </Col>
        {licence && (
          <Col xs={24} md={12}>
            <Form.Item label={t('licence.fields.status')} name="status">
              <Select
                aria-label={t('licence.fields.status')}
                options={STATUSES.map((status) => ({ value: status, label: messages.enums.licenceStatus[status] }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
