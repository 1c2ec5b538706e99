import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { closeHazard, invalidateDuties, type DutyHazard, type DutyOverview } from './duties-api.ts';
import { useDutyText, type DutyTextKey } from './duties-text.ts';

const STANDING: Record<DutyHazard['standing'], { color: string; label: DutyTextKey }> = {
  open: { color: 'blue', label: 'standingOpen' },
  escalated: { color: 'red', label: 'standingEscalated' },
  fixed: { color: 'green', label: 'standingFixed' },
};

export function HazardStandingTag({ standing }: { standing: DutyHazard['standing'] }) {
  const text = useDutyText();
  return <Tag color={STANDING[standing].color}>{text(STANDING[standing].label)}</Tag>;
}

/** 整改完成: closes a hazard with the fix made (整改情况). */
function CloseHazardButton({ hazard }: { hazard: DutyHazard }) {
  const text = useDutyText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ fixNote: string }>();
  const submit = async ({ fixNote }: { fixNote: string }) => {
    setBusy(true);
    try {
      await closeHazard(hazard.id, fixNote);
      await invalidateDuties(queryClient);
      setOpen(false);
      void message.success(text('saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : text('save'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)}>
        {text('close')}
      </Button>
      <Modal title={text('close')} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={text('save')} cancelText={text('cancel')} confirmLoading={busy} destroyOnHidden>
        <Typography.Paragraph>{hazard.description}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
          <Form.Item name="fixNote" label={text('fixNote')} rules={[{ required: true, whitespace: true, message: text('fixNote') }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Hazards (隐患) of the daily checks: open and escalated first, each with owner, deadline and fix. */
export function HazardsPanel({ overview, canRecord }: { overview: DutyOverview; canRecord: boolean }) {
  const text = useDutyText();
  const director = overview.appointments.find((a) => a.role === 'food_safety_director' && a.current);
  if (overview.hazards.length === 0) return <Empty description={text('noHazards')} />;
  return (
    <List
      dataSource={overview.hazards}
      renderItem={(h) => (
        <List.Item>
          <Card size="small" style={{ width: '100%' }}>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <HazardStandingTag standing={h.standing} />
                {h.riskItemArea && <Tag>{h.riskItemArea}</Tag>}
              </Space>
              <Typography.Text strong>{h.description}</Typography.Text>
              <Typography.Text type="secondary">
                {text('foundOn')} {h.foundOn} · {text('owner')} {h.ownerName} · {text('dueOn')} {h.dueOn}
              </Typography.Text>
              {h.standing === 'escalated' && director && <Typography.Text type="danger">{`${text('roleDirector')}：${director.name}`}</Typography.Text>}
              {h.fixNote && (
                <Typography.Text>
                  {text('fixNote')}：{h.fixNote}（{h.fixedOn}）
                </Typography.Text>
              )}
              {canRecord && h.standing !== 'fixed' && <CloseHazardButton hazard={h} />}
            </Space>
          </Card>
        </List.Item>
      )}
    />
  );
}
