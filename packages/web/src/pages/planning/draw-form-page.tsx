import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { ArrowLeftOutlined, ExperimentOutlined } from '@ant-design/icons';
import { CN_2016_TRIAL_SHANGHAI_1 } from '@shian/domain/risk/rule-sets/cn-2016-trial.ts';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createDraw, planningKeys } from '../../api/planning-queries.ts';
import { CREDIT_CLASSES, RISK_GRADES, type CreateDrawBody, type CreditClass, type GradeFilter } from '../../api/planning-types.ts';
import { ENTERPRISE_KINDS, type EnterpriseKind } from '../../api/types.ts';
import { useGrant } from '../../app/grants.ts';
import { ForbiddenPage } from '../../app/status-pages.tsx';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { useMessages } from '../../i18n/setup.ts';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';
import { toIsoDate } from '../../lib/format.ts';
import { useDistrictOptions } from './district-options.ts';
import { DRAW_FIELDS, toDrawFormError, type SizeMode } from './draw-form-errors.ts';

interface DrawValues {
  title: string;
  jurisdictionCode: string | undefined;
  kinds: EnterpriseKind[];
  grades: GradeFilter[];
  creditClasses: CreditClass[];
  specialFoodProducersOnly: boolean;
  sizeMode: SizeMode;
  count: number | null;
  /** Per cent, 0.1–100; sent as a fraction. */
  proportion: number | null;
  inspectorsPerTarget: number;
  weighted: boolean;
  scheduledOn: Dayjs | null;
}

/** The draw weights of the platform's risk rule set, as the server applies them (`drawWeight`). */
const WEIGHTS = CN_2016_TRIAL_SHANGHAI_1.drawWeights;
const pairs = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');

/** The request body from the form: empty filters left out, the proportion as a fraction. */
function toBody(values: DrawValues): CreateDrawBody {
  const filters: CreateDrawBody['filters'] = {};
  if (values.kinds.length) filters.kinds = values.kinds;
  if (values.grades.length) filters.grades = values.grades;
  if (values.creditClasses.length) filters.creditClasses = values.creditClasses;
  if (values.specialFoodProducersOnly) filters.specialFoodProducersOnly = true;
  return {
    title: values.title.trim(),
    jurisdictionCode: values.jurisdictionCode ?? '',
    filters,
    size:
      values.sizeMode === 'count'
        ? { mode: 'count', count: values.count ?? 0 }
        : { mode: 'proportion', proportion: Math.round((values.proportion ?? 0) * 1000) / 100_000 },
    inspectorsPerTarget: values.inspectorsPerTarget,
    weighted: values.weighted,
    scheduledOn: toIsoDate(values.scheduledOn) ?? '',
  };
}

/**
 * 双随机抽查: choose the roster (filters), how many to draw, inspectors per target and risk weighting; the
 * server draws with a fresh public seed and publishes at once, so the user lands on the public page.
 */
export function DrawFormPage() {
  const { t } = useTranslation();
  const messages = useMessages();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const allowed = useGrant('draw.create');
  const districts = useDistrictOptions();
  const [form] = Form.useForm<DrawValues>();
  const sizeMode = Form.useWatch('sizeMode', form) ?? 'count';
  const weighted = Form.useWatch('weighted', form) ?? true;
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);

  if (!allowed) return <ForbiddenPage />;

  const submit = async (values: DrawValues) => {
    setSaving(true);
    setServerError(null);
    try {
      const draw = await createDraw(toBody(values));
      void queryClient.invalidateQueries({ queryKey: planningKeys.publicDrawsAll });
      await navigate(`/public/draws/${draw.id}`);
    } catch (error) {
      setServerError(applyServerError(form, toDrawFormError(error, values.sizeMode), DRAW_FIELDS, t('app.error')));
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('common.required') };
  const gradeOptions = [
    ...RISK_GRADES.map((grade) => ({ value: grade, label: t('planning.gradeValue', { grade }) })),
    { value: 'none', label: t('planning.ungraded') },
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{t('draws.form.title')}</Typography.Title>
        <Link to="/public/draws">
          <ArrowLeftOutlined aria-hidden /> {t('draws.form.toList')}
        </Link>
      </div>
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('draws.form.intro')}</Typography.Paragraph>
        <Form<DrawValues>
          form={form}
          layout="vertical"
          scrollToFirstError
          disabled={saving}
          onFinish={(values) => void submit(values)}
          // The jurisdiction arrives with the user's scope; a city user picks a district.
          initialValues={{
            title: '',
            jurisdictionCode: districts.defaultCode ?? undefined,
            kinds: [],
            grades: [],
            creditClasses: [],
            specialFoodProducersOnly: false,
            sizeMode: 'count',
            count: 10,
            proportion: 5,
            inspectorsPerTarget: 2,
            weighted: true,
            scheduledOn: dayjs().add(7, 'day'),
          }}
        >
          <FormErrorAlert error={serverError} />
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item name="title" label={t('draws.fields.title')} rules={[required, { min: 2, max: 200, message: t('draws.form.titleLength') }]}>
                <Input placeholder={t('draws.form.titlePlaceholder')} maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="jurisdictionCode" label={t('draws.fields.jurisdictionCode')} rules={[required]}>
                <Select
                  placeholder={t('planning.pickDistrict')}
                  loading={districts.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={districts.options}
                  disabled={saving || (districts.options.length <= 1 && districts.defaultCode !== null)}
                />
              </Form.Item>
            </Col>
          </Row>

          <Typography.Title level={5}>{t('draws.form.scope')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('draws.form.scopeHint')}
          </Typography.Paragraph>
          <Form.Item name="kinds" label={t('draws.fields.kinds')}>
            <Checkbox.Group options={ENTERPRISE_KINDS.map((kind) => ({ value: kind, label: messages.enums.kind[kind] }))} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="grades" label={t('draws.fields.grades')}>
                <Checkbox.Group options={gradeOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="creditClasses" label={t('draws.fields.creditClasses')}>
                <Checkbox.Group options={CREDIT_CLASSES.map((value) => ({ value, label: t('draws.creditClassValue', { value }) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="specialFoodProducersOnly" valuePropName="checked">
            <Checkbox>{t('draws.fields.specialFoodProducersOnly')}</Checkbox>
          </Form.Item>

          <Typography.Title level={5}>{t('draws.form.sizeAndTeam')}</Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="sizeMode" label={t('draws.fields.sizeMode')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'count', label: t('draws.sizeModes.count') },
                    { value: 'proportion', label: t('draws.sizeModes.proportion') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              {sizeMode === 'count' ? (
                <Form.Item name="count" label={t('draws.fields.count')} rules={[required]}>
                  <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              ) : (
                <Form.Item name="proportion" label={t('draws.fields.proportion')} rules={[required]}>
                  <InputNumber min={0.1} max={100} step={1} precision={1} suffix="%" style={{ width: '100%' }} />
                </Form.Item>
              )}
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="inspectorsPerTarget" label={t('draws.fields.inspectorsPerTarget')} rules={[required]} extra={t('draws.form.inspectorsHint')}>
                <InputNumber min={2} max={6} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item label={t('draws.fields.weighted')}>
                <Space align="start">
                  <Form.Item name="weighted" valuePropName="checked" noStyle>
                    <Switch aria-label={t('draws.fields.weighted')} />
                  </Form.Item>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {weighted
                      ? t('draws.form.weightedHint', {
                          grades: pairs(WEIGHTS.byGrade),
                          ungraded: WEIGHTS.ungradedAs,
                          credit: pairs(WEIGHTS.byCreditClass),
                          unknownCredit: WEIGHTS.unknownCreditMultiplier,
                        })
                      : t('draws.form.unweightedHint')}
                  </Typography.Text>
                </Space>
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="scheduledOn" label={t('draws.fields.scheduledOn')} rules={[required]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Alert type="info" showIcon title={t('draws.form.publicNotice')} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" icon={<ExperimentOutlined aria-hidden />} loading={saving}>
            {t('draws.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
