import { useMemo, useState } from 'react';
import { Alert, Checkbox, Col, Form, Input, Row, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../api/client.ts';
import { useJurisdictions } from '../api/queries.ts';
import { ENTERPRISE_KINDS, type Enterprise } from '../api/types.ts';
import { FormModal } from '../components/form-modal.tsx';
import { localName, useLocale, useMessages } from '../i18n/setup.ts';
import { buildJurisdictionTree } from '../lib/jurisdiction-tree.ts';

interface EnterpriseValues {
  uscc: string;
  confirmUscc?: boolean;
  name: string;
  legalRepresentative: string;
  kinds: string[];
  jurisdictionCode: string;
  address: string;
  phone?: string;
  status?: string;
}

const CREATE_FIELDS = ['uscc', 'confirmUscc', 'name', 'legalRepresentative', 'kinds', 'jurisdictionCode', 'address', 'phone'] as const;
const EDIT_FIELDS = ['name', 'legalRepresentative', 'kinds', 'jurisdictionCode', 'address', 'phone', 'status'] as const;
const STATUSES = ['active', 'suspended', 'closed'] as const;

interface EnterpriseFormModalProps {
  /** The enterprise to edit; absent to create one. */
  enterprise?: Enterprise;
  onClose: () => void;
  /** Called with the server's answer (the created or updated enterprise). */
  onSaved: (response: unknown) => void;
  /** Reload the enterprise after a version conflict; the next save then carries the new version. */
  onConflict?: () => void;
}

/** The values of `next` that differ from `before` (a PATCH sends only what changed). */
function changedFields(before: Enterprise, next: EnterpriseValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const phone = next.phone?.trim() ? next.phone.trim() : null;
  if (next.name !== before.name) changes.name = next.name;
  if (next.legalRepresentative !== before.legalRepresentative) changes.legalRepresentative = next.legalRepresentative;
  if ([...next.kinds].sort().join() !== [...before.kinds].sort().join()) changes.kinds = next.kinds;
  if (next.jurisdictionCode !== before.jurisdictionCode) changes.jurisdictionCode = next.jurisdictionCode;
  if (next.address !== before.address) changes.address = next.address;
  if (phone !== (before.phone ?? null)) changes.phone = phone;
  if (next.status && next.status !== before.status) changes.status = next.status;
  return changes;
}

/**
 * Create or edit an enterprise. When the server answers `registry.uscc_unconfirmed` (the check character
 * does not match), the form shows the message and a "确认代码无误" checkbox; submitting again with it ticked
 * sends `confirmUscc: true`.
 */
export function EnterpriseFormModal({ enterprise, onClose, onSaved, onConflict }: EnterpriseFormModalProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const locale = useLocale();
  const [form] = Form.useForm<EnterpriseValues>();
  const jurisdictions = useJurisdictions();
  const [usccWarning, setUsccWarning] = useState<string | null>(null);
  const editing = Boolean(enterprise);

  const tree = useMemo(
    () => buildJurisdictionTree(jurisdictions.data ?? [], (item) => localName(locale, item)),
    [jurisdictions.data, locale],
  );

  const submit = async (values: EnterpriseValues) => {
    if (enterprise) {
      const response = await apiSend<unknown>('PATCH', `/api/v1/enterprises/${enterprise.id}`, {
        version: enterprise.version,
        ...changedFields(enterprise, values),
      });
      onSaved(response);
      return;
    }
    const response = await apiSend<unknown>('POST', '/api/v1/enterprises', {
      uscc: values.uscc.trim(),
      ...(values.confirmUscc ? { confirmUscc: true } : {}),
      name: values.name.trim(),
      legalRepresentative: values.legalRepresentative.trim(),
      kinds: values.kinds,
      jurisdictionCode: values.jurisdictionCode,
      address: values.address.trim(),
      phone: values.phone?.trim() ? values.phone.trim() : null,
    });
    onSaved(response);
  };

  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  const initialValues: Partial<EnterpriseValues> = enterprise
    ? {
        uscc: enterprise.uscc,
        name: enterprise.name,
        legalRepresentative: enterprise.legalRepresentative,
        kinds: enterprise.kinds,
        jurisdictionCode: enterprise.jurisdictionCode,
        address: enterprise.address,
        phone: enterprise.phone ?? '',
        status: enterprise.status,
      }
    : { kinds: [] };

  return (
    <FormModal<EnterpriseValues>
      form={form}
      title={editing ? t('enterprise.editTitle') : t('enterprise.createTitle')}
      fields={editing ? EDIT_FIELDS : CREATE_FIELDS}
      initialValues={initialValues}
      submit={submit}
      onClose={onClose}
      onConflict={onConflict}
      successMessage={editing ? t('common.saved') : t('common.created')}
      onServerError={(error) => {
        if (error.code === 'registry.uscc_unconfirmed') setUsccWarning(error.message);
      }}
      width={720}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {editing ? (
            <Form.Item label={t('enterprise.fields.uscc')}>
              <Typography.Text copyable>{enterprise?.uscc}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('enterprise.fields.uscc')} name="uscc" rules={required}>
              <Input maxLength={18} autoComplete="off" onChange={() => setUsccWarning(null)} />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.fields.name')} name="name" rules={required}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {!editing && usccWarning && (
          <Col span={24}>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={usccWarning}
              description={
                <>
                  <Form.Item name="confirmUscc" valuePropName="checked" noStyle>
                    <Checkbox>{t('enterprise.confirmUscc')}</Checkbox>
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                    {t('enterprise.confirmUsccHint')}
                  </Typography.Text>
                </>
              }
            />
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.fields.legalRepresentative')} name="legalRepresentative" rules={required}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.fields.kinds')} name="kinds" rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}>
            <Select
              mode="multiple"
              aria-label={t('enterprise.fields.kinds')}
              options={ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: messages.enums.kind[kind] }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.fields.jurisdictionCode')} name="jurisdictionCode" rules={required}>
            <TreeSelect
              aria-label={t('enterprise.fields.jurisdictionCode')}
              treeData={tree}
              loading={jurisdictions.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll={tree.length === 1 && (jurisdictions.data?.length ?? 0) < 40}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('enterprise.fields.phone')} name="phone">
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('enterprise.fields.address')} name="address" rules={required}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        {editing && (
          <Col xs={24} md={12}>
            <Form.Item label={t('enterprise.fields.status')} name="status">
              <Select
                aria-label={t('enterprise.fields.status')}
                options={STATUSES.map((status) => ({ value: status, label: messages.enums.enterpriseStatus[status] }))}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
    </FormModal>
  );
}
