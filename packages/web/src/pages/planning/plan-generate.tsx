import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { generateInspectionPlan, planningKeys } from '../../api/planning-queries.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';

/** Inspections one inspector takes part in per month unless the user says otherwise (the server's default). */
const DEFAULT_VISITS = 16;
const FIELDS = ['visitsPerInspectorPerMonth'] as const;

interface GenerateValues {
  visitsPerInspectorPerMonth: number | null;
}

/** Generates (or regenerates a draft of) the plan and refreshes what shows it. */
function useGenerate(jurisdictionCode: string, year: number) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<GenerateValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);

  const submit = async (values: GenerateValues, done: string): Promise<boolean> => {
    setSaving(true);
    setServerError(null);
    try {
      await generateInspectionPlan({ jurisdictionCode, year, visitsPerInspectorPerMonth: values.visitsPerInspectorPerMonth ?? undefined });
      await queryClient.invalidateQueries({ queryKey: planningKeys.planAll });
      await queryClient.invalidateQueries({ queryKey: planningKeys.planItemsAll });
      void message.success(done);
      return true;
    } catch (error) {
      setServerError(applyServerError(form, error, FIELDS, t('app.error')));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { form, saving, serverError, submit };
}

function VisitsField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="visitsPerInspectorPerMonth" label={t('planning.visitsPerInspector')} extra={t('planning.visitsHint')}>
      <InputNumber min={1} max={200} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
}

/** Shown where there is no plan yet: the capacity assumption and 生成计划. */
export function GeneratePlanForm({ jurisdictionCode, year }: { jurisdictionCode: string; year: number }) {
  const { t } = useTranslation();
  const { form, saving, serverError, submit } = useGenerate(jurisdictionCode, year);
  return (
    <Form<GenerateValues>
      form={form}
      layout="vertical"
      initialValues={{ visitsPerInspectorPerMonth: DEFAULT_VISITS }}
      onFinish={(values) => void submit(values, t('planning.generated'))}
      style={{ maxWidth: 360, margin: '0 auto', textAlign: 'start' }}
    >
      <FormErrorAlert error={serverError} />
      <VisitsField />
      <Button type="primary" htmlType="submit" icon={<ThunderboltOutlined aria-hidden />} loading={saving}>
        {t('planning.generate')}
      </Button>
    </Form>
  );
}

/** 重新生成 for a draft: asks for the capacity assumption again, then replaces the draft. */
export function RegeneratePlanButton({ jurisdictionCode, year, visits }: { jurisdictionCode: string; year: number; visits: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { form, saving, serverError, submit } = useGenerate(jurisdictionCode, year);
  return (
    <>
      <Button icon={<ReloadOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('planning.regenerate')}
      </Button>
      {open && (
        <Modal
          open
          title={t('planning.regenerateTitle', { year })}
          okText={t('planning.regenerate')}
          cancelText={t('common.cancel')}
          confirmLoading={saving}
          onOk={() => form.submit()}
          onCancel={() => setOpen(false)}
          destroyOnHidden
        >
          <Form<GenerateValues>
            form={form}
            layout="vertical"
            initialValues={{ visitsPerInspectorPerMonth: visits }}
            onFinish={(values) => void submit(values, t('planning.regenerated')).then((ok) => ok && setOpen(false))}
          >
            <Typography.Paragraph type="secondary">{t('planning.regenerateHint')}</Typography.Paragraph>
            <FormErrorAlert error={serverError} />
            <VisitsField />
          </Form>
        </Modal>
      )}
    </>
  );
}
