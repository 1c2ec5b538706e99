import { Form, Input, Select } from 'antd';
import { CLEAN_CLASSES, DEVICE_KINDS, DEVICE_KIND_LABELS, PRESSURE_BOUNDARIES, type CleanClass, type DeviceKind, type PressureBoundary } from '@shian/domain';
import { FormModal } from '../../components/form-modal.tsx';
import { useLocale } from '../../i18n/setup.ts';
import { registerDevice, usePremises, useRuleSets } from './handling-api.ts';
import { BOUNDARY_LABELS, H } from './handling-text.ts';

interface DeviceFormValues {
  kind: DeviceKind;
  code: string;
  area: string;
  cleanClass: CleanClass;
  boundary?: PressureBoundary;
  premisesId?: string;
  ruleSetId?: string;
}

const FIELDS = ['kind', 'code', 'area', 'cleanClass', 'boundary', 'premisesId', 'ruleSetId', 'enterpriseId'] as const;

/**
 * Registers a device (登记设备) at one of the enterprise's sites: kind, code, area and clean class; what a
 * pressure gauge compares with only for pressure gauges; premises and rule set optional. Server errors land on
 * their fields.
 */
export function DeviceFormModal({ enterpriseId, onClose, onSaved }: { enterpriseId: string; onClose: () => void; onSaved: () => void }) {
  const locale = useLocale();
  const [form] = Form.useForm<DeviceFormValues>();
  const kind = Form.useWatch('kind', form);
  const premises = usePremises(enterpriseId);
  const ruleSets = useRuleSets(enterpriseId);

  return (
    <FormModal<DeviceFormValues>
      form={form}
      title={H.register[locale]}
      fields={FIELDS}
      initialValues={{ kind: 'temperature', ruleSetId: 'gmp-clean-area/1' }}
      successMessage={H.registered[locale]}
      onClose={onClose}
      onSaved={onSaved}
      submit={(values) =>
        registerDevice({
          enterpriseId,
          kind: values.kind,
          code: values.code ?? '',
          area: values.area ?? '',
          cleanClass: values.cleanClass,
          boundary: values.kind === 'pressure_differential' ? (values.boundary ?? null) : null,
          premisesId: values.premisesId ?? null,
          ...(values.ruleSetId ? { ruleSetId: values.ruleSetId } : {}),
        })
      }
    >
      <Form.Item name="kind" label={H.kind[locale]} rules={[{ required: true }]}>
        <Select options={DEVICE_KINDS.map((k) => ({ value: k, label: DEVICE_KIND_LABELS[k][locale] }))} />
      </Form.Item>
      <Form.Item name="code" label={H.code[locale]} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="area" label={H.area[locale]} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="cleanClass" label={H.cleanClass[locale]} rules={[{ required: true }]}>
        <Select options={CLEAN_CLASSES.map((c) => ({ value: c.code, label: c.label[locale] }))} />
      </Form.Item>
      {kind === 'pressure_differential' && (
        <Form.Item name="boundary" label={H.boundary[locale]} rules={[{ required: true }]}>
          <Select options={PRESSURE_BOUNDARIES.map((b) => ({ value: b, label: BOUNDARY_LABELS[b][locale] }))} />
        </Form.Item>
      )}
      <Form.Item name="premisesId" label={H.premises[locale]}>
        <Select allowClear placeholder={H.premisesNone[locale]} loading={premises.isPending} options={(premises.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${p.address}` }))} />
      </Form.Item>
      <Form.Item name="ruleSetId" label={H.ruleSet[locale]}>
        <Select loading={ruleSets.isPending} options={(ruleSets.data ?? []).map((r) => ({ value: r.id, label: `${r.name[locale]} (v${r.version})` }))} />
      </Form.Item>
    </FormModal>
  );
}
