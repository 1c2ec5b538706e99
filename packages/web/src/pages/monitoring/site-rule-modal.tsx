import { Form, Input, InputNumber, Select, Space } from 'antd';
import type { LimitKey } from '@shian/domain';
import { FormModal } from '../../components/form-modal.tsx';
import { useLocale } from '../../i18n/setup.ts';
import { createSiteRuleSet, useRuleSets, type LimitChange } from './handling-api.ts';
import { H, LIMIT_LABELS } from './handling-text.ts';

type LimitFields = Partial<Record<`${LimitKey}Min` | `${LimitKey}Max`, number | null>>;

interface SiteRuleValues extends LimitFields {
  parentId: string;
  nameZh: string;
  nameEn: string;
  source: string;
  sustainSeconds?: number | null;
  silenceSeconds?: number | null;
}

const LIMIT_KEYS: readonly LimitKey[] = ['temperature', 'humidity', 'pressure_to_non_clean', 'pressure_between_classes'];
/** Server errors of these go on their field; those of the name and the limits (nested paths) to the form's alert. */
const FIELDS = ['parentId', 'source'] as const;

/** Only the limits the user filled in change; everything else is inherited from the parent rule set. */
function limitsOf(values: SiteRuleValues): Partial<Record<LimitKey, LimitChange>> {
  const limits: Partial<Record<LimitKey, LimitChange>> = {};
  for (const key of LIMIT_KEYS) {
    const min = values[`${key}Min`];
    const max = values[`${key}Max`];
    if (min == null && max == null) continue;
    limits[key] = { ...(min != null ? { min } : {}), ...(max != null ? { max } : {}) };
  }
  return limits;
}

/**
 * A site's rule set (现场规则): a new version of a rule set with the site's own limits and timings, and the
 * reason (its validated process, a standard). Devices are then put under it in the device list.
 */
export function SiteRuleModal({ enterpriseId, onClose, onSaved }: { enterpriseId: string; onClose: () => void; onSaved: () => void }) {
  const locale = useLocale();
  const [form] = Form.useForm<SiteRuleValues>();
  const ruleSets = useRuleSets(enterpriseId);
  return (
    <FormModal<SiteRuleValues>
      form={form}
      title={H.siteRule[locale]}
      fields={FIELDS}
      initialValues={{ parentId: 'gmp-clean-area/1' }}
      successMessage={H.siteRuleMade[locale]}
      onClose={onClose}
      onSaved={onSaved}
      submit={(values) =>
        createSiteRuleSet({
          enterpriseId,
          parentId: values.parentId,
          name: { 'zh-CN': values.nameZh ?? '', 'en-US': values.nameEn ?? '' },
          source: values.source ?? '',
          override: {
            limits: limitsOf(values),
            ...(values.sustainSeconds != null ? { sustainSeconds: values.sustainSeconds } : {}),
            ...(values.silenceSeconds != null ? { silenceSeconds: values.silenceSeconds } : {}),
          },
        })
      }
    >
      <Form.Item name="parentId" label={H.siteRuleParent[locale]} rules={[{ required: true }]}>
        <Select loading={ruleSets.isPending} options={(ruleSets.data ?? []).map((r) => ({ value: r.id, label: `${r.name[locale]} (v${r.version})` }))} />
      </Form.Item>
      <Form.Item name="nameZh" label={H.siteRuleNameZh[locale]} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="nameEn" label={H.siteRuleNameEn[locale]} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="source" label={H.siteRuleSource[locale]} rules={[{ required: true, whitespace: true }]} extra={H.siteRuleSourceHint[locale]}>
        <Input.TextArea maxLength={1000} rows={2} />
      </Form.Item>
      {LIMIT_KEYS.map((key) => (
        <Form.Item key={key} label={LIMIT_LABELS[key][locale]}>
          <Space.Compact>
            <Form.Item name={`${key}Min`} noStyle>
              <InputNumber aria-label={`${LIMIT_LABELS[key][locale]} ${H.min[locale]}`} placeholder={H.min[locale]} />
            </Form.Item>
            <Form.Item name={`${key}Max`} noStyle>
              <InputNumber aria-label={`${LIMIT_LABELS[key][locale]} ${H.max[locale]}`} placeholder={H.max[locale]} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      ))}
      <Form.Item name="sustainSeconds" label={H.sustainSeconds[locale]}>
        <InputNumber min={0} max={86_400} />
      </Form.Item>
      <Form.Item name="silenceSeconds" label={H.silenceSeconds[locale]}>
        <InputNumber min={0} max={86_400} />
      </Form.Item>
    </FormModal>
  );
}
