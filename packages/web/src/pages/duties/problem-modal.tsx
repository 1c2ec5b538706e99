import { useState } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';
import { invalidateDuties, recordDailyCheck, type DutyOverview } from './duties-api.ts';
import { useDutyText } from './duties-text.ts';

interface ProblemForm {
  riskItemId?: string;
  description: string;
  ownerName: string;
  dueOn: string;
}

const FIELDS = ['riskItemId', 'description', 'ownerName', 'dueOn'];

/** 发现问题: one problem of today's check becomes a hazard (隐患) with its owner and deadline. */
export function ProblemModal({ overview, open, onClose }: { overview: DutyOverview; open: boolean; onClose: () => void }) {
  const text = useDutyText();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProblemForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormServerError | null>(null);
  const items = overview.riskItems.filter((i) => i.retiredOn === null);

  const submit = async (values: ProblemForm) => {
    setBusy(true);
    setError(null);
    try {
      await recordDailyCheck(overview.enterprise.id, [{ riskItemId: values.riskItemId ?? null, description: values.description, ownerName: values.ownerName, dueOn: values.dueOn }]);
      await invalidateDuties(queryClient);
      form.resetFields();
      onClose();
    } catch (caught) {
      // The server names the one problem's fields `problems.0.<field>`: the form's fields are the last segment.
      const mapped =
        caught instanceof ApiError
          ? new ApiError(caught.status, caught.code, caught.message, caught.details.map((d) => ({ ...d, path: d.path.replace(/^problems\.\d+\./, '') })), caught.requestId)
          : caught;
      setError(applyServerError(form, mapped, FIELDS, text('save')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={text('problemTitle')}
      open={open}
      onCancel={onClose}
      okText={text('save')}
      cancelText={text('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ dueOn: overview.asOf }}>
        <Form.Item name="riskItemId" label={text('riskItem')}>
          <Select allowClear options={items.map((i) => ({ value: i.id, label: `${i.area} · ${i.hazard}` }))} />
        </Form.Item>
        <Form.Item name="description" label={text('description')} rules={[{ required: true, whitespace: true, message: text('description') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="ownerName" label={text('owner')} rules={[{ required: true, whitespace: true, message: text('owner') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="dueOn" label={text('dueOn')} rules={[{ required: true, message: text('dueOn') }]}>
          <Input type="date" min={overview.asOf} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
