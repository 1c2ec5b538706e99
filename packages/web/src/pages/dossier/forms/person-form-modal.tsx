import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../../api/client.ts';
import type { Person } from '../../../api/types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { labelOf, useMessages } from '../../../i18n/setup.ts';
import { fromIsoDate, toIsoDate } from '../../../lib/format.ts';

interface PersonValues {
  name: string;
  role: string;
  appointedOn: Dayjs | null;
  endedOn: Dayjs | null;
  phone?: string;
}

const CREATE_FIELDS = ['name', 'role', 'appointedOn', 'endedOn', 'phone'] as const;
const EDIT_FIELDS = ['name', 'appointedOn', 'endedOn', 'phone'] as const;
const ROLES = ['food_safety_director', 'food_safety_officer', 'quality_authorised_person'] as const;

interface PersonFormModalProps {
  enterpriseId: string;
  person?: Person;
  onClose: () => void;
  onSaved: () => void;
}

/** Create (`POST /enterprises/:id/people`) or edit (`PATCH /people/:id`) a key person; the role is fixed once set. */
export function PersonFormModal({ enterpriseId, person, onClose, onSaved }: PersonFormModalProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<PersonValues>();

  const submit = async (values: PersonValues) => {
    const common = {
      name: values.name.trim(),
      appointedOn: toIsoDate(values.appointedOn),
      endedOn: toIsoDate(values.endedOn),
      phone: values.phone?.trim() ? values.phone.trim() : null,
    };
    if (person) {
      await apiSend('PATCH', `/api/v1/people/${person.id}`, { version: person.version, ...common });
    } else {
      await apiSend('POST', `/api/v1/enterprises/${enterpriseId}/people`, { ...common, role: values.role });
    }
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal<PersonValues>
      form={form}
      title={person ? t('person.editTitle') : t('person.create')}
      fields={person ? EDIT_FIELDS : CREATE_FIELDS}
      initialValues={
        person
          ? {
              name: person.name,
              role: person.role,
              appointedOn: fromIsoDate(person.appointedOn) ?? null,
              endedOn: fromIsoDate(person.endedOn) ?? null,
              phone: person.phone ?? '',
            }
          : { appointedOn: null, endedOn: null }
      }
      submit={submit}
      onClose={onClose}
      onSaved={onSaved}
      onConflict={onSaved}
      successMessage={person ? t('common.saved') : t('common.created')}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('person.fields.name')} name="name" rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {person ? (
            <Form.Item label={t('person.fields.role')}>
              <Typography.Text>{labelOf(messages.enums.personRole, person.role)}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('person.fields.role')} name="role" rules={[required]}>
              <Select aria-label={t('person.fields.role')} options={ROLES.map((role) => ({ value: role, label: messages.enums.personRole[role] }))} />
            </Form.Item>
          )}
        </Col>
        <Col xs={12} md={12}>
          <Form.Item label={t('person.fields.appointedOn')} name="appointedOn" rules={[required]}>
            <DatePicker style={{ width: '100%' }} aria-label={t('person.fields.appointedOn')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={12}>
          <Form.Item label={t('person.fields.endedOn')} name="endedOn">
            <DatePicker style={{ width: '100%' }} aria-label={t('person.fields.endedOn')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('person.fields.phone')} name="phone">
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
