import { Form, Input, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RISK_GRADES } from '@shian/domain/risk/risk-rules.ts';
import { apiSend } from '../../../api/client.ts';
import type { RiskGrade, RiskGradeRecord } from '../../../api/supervision-types.ts';
import { FormModal } from '../../../components/form-modal.tsx';
import { useMessages } from '../../../i18n/setup.ts';

interface OverrideValues {
  grade: RiskGrade;
  reason: string;
}

const FIELDS = ['grade', 'reason'] as const;

/** 人工调整: set the grade in force by hand, with the reason (`POST /enterprises/:id/risk-grade/override`, audited). */
export function OverrideModal({ enterpriseId, current, onClose, onSaved }: { enterpriseId: string; current: RiskGradeRecord; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [form] = Form.useForm<OverrideValues>();
  return (
    <FormModal<OverrideValues>
      form={form}
      title={t('risk.overrideTitle')}
      fields={FIELDS}
      initialValues={{ grade: current.grade, reason: '' }}
      submit={(values) => apiSend('POST', `/api/v1/enterprises/${encodeURIComponent(enterpriseId)}/risk-grade/override`, { grade: values.grade, reason: values.reason.trim() })}
      onClose={onClose}
      onSaved={onSaved}
      successMessage={t('risk.overridden')}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('risk.computed', { grade: current.computedGrade })}</Typography.Paragraph>
      <Form.Item label={t('risk.overrideFields.grade')} name="grade" rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={RISK_GRADES.map((grade) => ({ value: grade, label: grade, title: messages.risk.gradeNames[grade] }))}
        />
      </Form.Item>
      <Form.Item
        label={t('risk.overrideFields.reason')}
        name="reason"
        extra={t('risk.overrideHint')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { min: 4, message: t('risk.minLength', { min: 4 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
