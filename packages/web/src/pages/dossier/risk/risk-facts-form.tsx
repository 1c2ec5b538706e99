import { useState, type ReactNode } from 'react';
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Radio, Row, Select, Switch, Typography, type FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  CREDIT_CLASSES,
  ENTERPRISE_SCALES,
  PRODUCTION_FOOD_CATEGORIES,
  RISK_SECTORS,
  SALES_SPECIAL_FOOD_ITEMS,
  STORAGE_TEMPERATURES,
  type EnterpriseScale,
  type ProductionFoodCategory,
  type RiskSector,
  type SalesSpecialFoodItem,
  type StorageTemperature,
} from '@shian/domain/risk/risk-rules.ts';
import { RISK_FACTOR_LABELS, RISK_VALUE_NAMES } from '@shian/domain/risk/risk-vocabulary.ts';
import { ApiError, apiSend } from '../../../api/client.ts';
import type { CreditClass, RiskProfile } from '../../../api/supervision-types.ts';
import { FormErrorAlert } from '../../../components/form-error-alert.tsx';
import { pickLocalised } from '../../../i18n/localised.ts';
import { useLocale, useMessages } from '../../../i18n/setup.ts';
import type { Messages } from '../../../i18n/zh-CN.ts';
import type { FormServerError } from '../../../lib/form-errors.ts';
import { formatDateTime } from '../../../lib/format.ts';

type SkuCounts = Record<StorageTemperature, number | null>;

interface FactsValues {
  sector: RiskSector;
  creditClass: CreditClass | null;
  production: {
    foodCategories: ProductionFoodCategory[];
    scale: EnterpriseScale | undefined;
    employees: number | null;
    hasExtraction: boolean;
    sharedLineWithGeneralFood: boolean;
    outsourcedProcessing: boolean;
  };
  sales: {
    areaM2: number | null;
    prepackagedSkus: SkuCounts;
    bulkSkus: SkuCounts;
    supplierCount: number | null;
    specialFoodItems: SalesSpecialFoodItem[];
    onlineSales: boolean;
  };
}

const NO_SKUS: SkuCounts = { ambient: null, chilled: null, frozen: null };

/** The form's values: what is on file for its sector, empty fields for the other (switching keeps both). */
function initialValues(profile: RiskProfile | null, kinds: readonly string[]): FactsValues {
  const values: FactsValues = {
    sector: profile?.risk.sector ?? (kinds.includes('producer') ? 'production' : 'sales'),
    creditClass: profile?.creditClass ?? null,
    production: { foodCategories: [], scale: undefined, employees: null, hasExtraction: false, sharedLineWithGeneralFood: false, outsourcedProcessing: false },
    sales: { areaM2: null, prepackagedSkus: { ...NO_SKUS }, bulkSkus: { ...NO_SKUS }, supplierCount: null, specialFoodItems: [], onlineSales: false },
  };
  if (profile?.risk.sector === 'production') values.production = { ...profile.risk.facts };
  if (profile?.risk.sector === 'sales') values.sales = { ...profile.risk.facts };
  return values;
}

/**
 * The form field a server detail points at: `risk.facts.employees` → `[sector, 'employees']`,
 * `risk.facts.bulkSkus.chilled` → `[sector, 'bulkSkus', 'chilled']`, `risk.facts.foodCategories.0` → the list.
 */
export function factsFieldOf(path: string, sector: RiskSector): (string | number)[] | null {
  const segments = path.split('.').filter((segment) => segment !== '' && segment !== 'body');
  if (segments[0] === 'creditClass') return ['creditClass'];
  if (segments[0] !== 'risk') return null;
  if (segments[1] === 'sector') return ['sector'];
  const field = segments[2];
  if (segments[1] !== 'facts' || !field) return null;
  const nested = segments[3];
  if ((field === 'prepackagedSkus' || field === 'bulkSkus') && nested && (STORAGE_TEMPERATURES as readonly string[]).includes(nested)) return [sector, field, nested];
  return [sector, field];
}

/** Puts every detail on its field (what was typed stays); the rest goes to the alert. */
function applyFactsErrors(form: FormInstance, error: unknown, sector: RiskSector, fallback: string): FormServerError {
  if (!(error instanceof ApiError)) return { code: 'unknown', message: error instanceof Error ? error.message : fallback, unmatched: [] };
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: FormServerError['unmatched'] = [];
  for (const detail of error.details) {
    const name = factsFieldOf(detail.path, sector);
    if (!name) {
      unmatched.push(detail);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  if (byField.size > 0) {
    form.setFields([...byField.values()]);
    const first = byField.values().next().value;
    if (first) form.scrollToField(first.name, { block: 'center' });
  }
  return { code: error.code, message: error.message, unmatched };
}

/**
 * A count (whole number) or a measure with its unit after the number. Only "required" is checked here; the
 * server checks the rest and its message lands on the field.
 */
function NumberField({ name, label, unit, help, measure = false }: { name: (string | number)[]; label: string; unit: string; help?: ReactNode; measure?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} name={name} extra={help} rules={[{ required: true, message: t('common.required') }]}>
      <InputNumber min={0} precision={measure ? undefined : 0} suffix={unit} style={{ width: '100%', maxWidth: 220 }} aria-label={label} />
    </Form.Item>
  );
}

function YesNoField({ name, label, help }: { name: (string | number)[]; label: string; help?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} name={name} valuePropName="checked" extra={help}>
      <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} aria-label={label} />
    </Form.Item>
  );
}

function ProductionFields({ messages }: { messages: Messages }) {
  const locale = useLocale();
  const label = (factor: string) => pickLocalised(locale, RISK_FACTOR_LABELS[factor], factor);
  const value = (code: string) => pickLocalised(locale, RISK_VALUE_NAMES[code], code);
  const help = messages.risk.help;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={label('foodCategory')} name={['production', 'foodCategories']} extra={help.foodCategories}>
          <Checkbox.Group options={PRODUCTION_FOOD_CATEGORIES.map((code) => ({ value: code, label: value(code) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={label('scale')} name={['production', 'scale']} extra={help.scale} rules={[{ required: true, message: messages.common.required }]}>
          <Radio.Group options={ENTERPRISE_SCALES.map((code) => ({ value: code, label: value(code) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <NumberField name={['production', 'employees']} label={label('employees')} unit={messages.risk.units.people} help={help.employees} />
      </Col>
      <Col xs={24} md={12}>
        <YesNoField name={['production', 'hasExtraction']} label={label('hasExtraction')} help={help.hasExtraction} />
      </Col>
      <Col xs={24} md={12}>
        <YesNoField name={['production', 'sharedLineWithGeneralFood']} label={label('sharedLineWithGeneralFood')} help={help.sharedLineWithGeneralFood} />
      </Col>
      <Col xs={24} md={12}>
        <YesNoField name={['production', 'outsourcedProcessing']} label={label('outsourcedProcessing')} help={help.outsourcedProcessing} />
      </Col>
    </Row>
  );
}

function SalesFields({ messages }: { messages: Messages }) {
  const locale = useLocale();
  const label = (factor: string) => pickLocalised(locale, RISK_FACTOR_LABELS[factor], factor);
  const value = (code: string) => pickLocalised(locale, RISK_VALUE_NAMES[code], code);
  const { help, units } = messages.risk;
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <NumberField name={['sales', 'areaM2']} label={label('areaM2')} unit={units.squareMetres} help={help.areaM2} measure />
      </Col>
      <Col xs={24} md={12}>
        <NumberField name={['sales', 'supplierCount']} label={label('supplierCount')} unit={units.suppliers} help={help.supplierCount} />
      </Col>
      {(['prepackagedSkus', 'bulkSkus'] as const).map((group) => (
        <Col xs={24} key={group}>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px' }}>
            {help[group]}
          </Typography.Text>
          <Row gutter={16}>
            {STORAGE_TEMPERATURES.map((temperature) => (
              <Col xs={24} sm={8} key={temperature}>
                <NumberField name={['sales', group, temperature]} label={label(`${group}.${temperature}`)} unit={units.skus} />
              </Col>
            ))}
          </Row>
        </Col>
      ))}
      <Col xs={24} md={12}>
        <Form.Item label={label('specialFoodItems')} name={['sales', 'specialFoodItems']} extra={help.specialFoodItems}>
          <Checkbox.Group options={SALES_SPECIAL_FOOD_ITEMS.map((code) => ({ value: code, label: value(code) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <YesNoField name={['sales', 'onlineSales']} label={label('onlineSales')} help={help.onlineSales} />
      </Col>
    </Row>
  );
}

interface RiskFactsFormProps {
  enterpriseId: string;
  enterpriseKinds: readonly string[];
  profile: RiskProfile | null;
  /** Regulators with risk.manage and the enterprise's own administrator. */
  canEdit: boolean;
  /** Only regulators set the credit class; the enterprise keeps what is on file. */
  canSetCreditClass: boolean;
  onChanged: () => Promise<void>;
}

/**
 * 风险因素: the facts the static score is computed from, per sector (生产 / 销售), with units and help texts.
 * The server checks every field; each problem is shown at its field. Saved facts count from the next grading.
 */
export function RiskFactsForm(props: RiskFactsFormProps) {
  const { t } = useTranslation();
  const { profile } = props;
  return (
    <Card
      size="small"
      title={t('risk.facts')}
      extra={profile && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('risk.factsUpdatedAt', { time: formatDateTime(profile.updatedAt) })}</Typography.Text>}
    >
      {!profile && <Typography.Paragraph type="secondary">{t('risk.factsMissing')}</Typography.Paragraph>}
      {/* A new version on file (saved here or elsewhere) starts a fresh form from it. */}
      <FactsForm key={profile?.version ?? 0} {...props} />
    </Card>
  );
}

function FactsForm({ enterpriseId, enterpriseKinds, profile, canEdit, canSetCreditClass, onChanged }: RiskFactsFormProps) {
  const { t } = useTranslation();
  const messages = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<FactsValues>();
  const sector = Form.useWatch('sector', form) ?? profile?.risk.sector ?? 'production';
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);

  const submit = async (values: FactsValues) => {
    setSaving(true);
    setServerError(null);
    try {
      await apiSend('PUT', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/risk-profile`, {
        risk: { sector: values.sector, facts: values.sector === 'production' ? values.production : values.sales },
        creditClass: canSetCreditClass ? (values.creditClass ?? null) : (profile?.creditClass ?? null),
        ...(profile ? { version: profile.version } : {}),
      });
      void message.success(t('risk.factsSaved'));
      await onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'resource.conflict') {
        void message.warning(t('risk.factsConflict'));
        await onChanged();
      } else {
        setServerError(applyFactsErrors(form, error, values.sector, t('app.error')));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<FactsValues>
      form={form}
      layout="vertical"
      disabled={!canEdit}
      initialValues={initialValues(profile, enterpriseKinds)}
      onFinish={(values) => void submit(values)}
      scrollToFirstError
    >
      <FormErrorAlert error={serverError} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('risk.sector')} name="sector" extra={t('risk.sectorHint')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={RISK_SECTORS.map((code) => ({ value: code, label: messages.risk.sectors[code] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('risk.creditClass')} name="creditClass" extra={t('risk.creditClassHint')}>
            <Select
              allowClear
              disabled={!canSetCreditClass}
              placeholder={t('risk.creditNone')}
              aria-label={t('risk.creditClass')}
              style={{ maxWidth: 220 }}
              options={CREDIT_CLASSES.map((code) => ({ value: code, label: t('risk.creditClassValue', { value: code }) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {sector === 'production' ? <ProductionFields messages={messages} /> : <SalesFields messages={messages} />}
      {canEdit && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('risk.factsSaveHint')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={saving}>
            {t('risk.saveFacts')}
          </Button>
        </>
      )}
    </Form>
  );
}
