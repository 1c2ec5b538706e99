import { Form, Input, Radio } from 'antd';
import { FormModal } from '../../components/form-modal.tsx';
import { useLocale } from '../../i18n/setup.ts';
import { closeAlert, type MonitoringAlert } from './handling-api.ts';
import { H, fill } from './handling-text.ts';

interface CloseValues {
  falsePositive: boolean;
  note: string;
}

/** Closes an alert (关闭) with its outcome — a real problem or a false positive (误报) — and a required note. */
export function CloseAlertModal({ alert, onClose, onSaved }: { alert: MonitoringAlert; onClose: () => void; onSaved: () => void }) {
  const locale = useLocale();
  const [form] = Form.useForm<CloseValues>();
  return (
    <FormModal<CloseValues>
      form={form}
      title={fill(locale, H.closeTitle, { code: alert.deviceCode })}
      fields={['falsePositive', 'note']}
      successMessage={H.closed[locale]}
      onClose={onClose}
      onSaved={onSaved}
      submit={(values) => closeAlert(alert.id, { falsePositive: values.falsePositive, note: values.note ?? '' })}
    >
      <Form.Item name="falsePositive" label={H.outcome[locale]} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: false, label: H.outcomeReal[locale] },
            { value: true, label: H.outcomeFalse[locale] },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={H.closeNote[locale]} rules={[{ required: true, whitespace: true }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
