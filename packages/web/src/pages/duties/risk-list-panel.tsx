import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { DUTY_FREQUENCIES, DUTY_FREQUENCY_NAMES, dutyTemplate } from '@shian/domain/duties/templates.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useLocale } from '../../i18n/setup.ts';
import { addRiskItem, invalidateDuties, startRiskList, updateRiskItem, type DutyFrequency, type DutyOverview, type DutyRiskItem } from './duties-api.ts';
import { useDutyText } from './duties-text.ts';

interface ItemForm {
  area: string;
  hazard: string;
  control: string;
  frequency: DutyFrequency;
}

/** Runs a change, reports it, and refreshes the duty pages. */
function useChange() {
  const text = useDutyText();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async (change: () => Promise<unknown>): Promise<boolean> => {
    try {
      await change();
      await invalidateDuties(queryClient);
      void message.success(text('saved'));
      return true;
    } catch (error) {
      void message.error(error instanceof Error ? error.message : text('save'));
      return false;
    }
  };
}

/** Add or edit one item of the list. */
function ItemModal({ overview, item, open, onClose }: { overview: DutyOverview; item: DutyRiskItem | null; open: boolean; onClose: () => void }) {
  const text = useDutyText();
  const locale = useLocale();
  const change = useChange();
  const [form] = Form.useForm<ItemForm>();
  const submit = async (values: ItemForm) => {
    const ok = await change(() => (item ? updateRiskItem(item.id, { version: item.version, ...values }) : addRiskItem(overview.enterprise.id, values)));
    if (ok) onClose();
  };
  return (
    <Modal title={item ? text('edit') : text('addItem')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={text('save')} cancelText={text('cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={item ?? { frequency: 'daily' }} preserve={false}>
        <Form.Item name="area" label={text('area')} rules={[{ required: true, whitespace: true, message: text('area') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="hazard" label={text('hazard')} rules={[{ required: true, whitespace: true, message: text('hazard') }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="control" label={text('control')} rules={[{ required: true, whitespace: true, message: text('control') }]}>
          <Input.TextArea rows={2} maxLength={300} />
        </Form.Item>
        <Form.Item name="frequency" label={text('frequency')}>
          <Select options={DUTY_FREQUENCIES.map((f) => ({ value: f, label: DUTY_FREQUENCY_NAMES[f][locale] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 风险管控清单: started from a template by business kind, then the enterprise's own (add, edit, retire). */
export function RiskListPanel({ overview, canManage }: { overview: DutyOverview; canManage: boolean }) {
  const text = useDutyText();
  const locale = useLocale();
  const change = useChange();
  const [editing, setEditing] = useState<DutyRiskItem | null | 'new'>(null);
  const suggested = dutyTemplate(overview.suggestedTemplateId);

  if (!overview.list) {
    return (
      <Alert
        type="info"
        showIcon
        title={text('noList')}
        description={
          <Space direction="vertical">
            <span>{canManage ? text('noListHint', { source: suggested?.source ?? '' }) : text('noListStaff')}</span>
            {canManage && suggested && (
              <Button type="primary" onClick={() => void change(() => startRiskList(overview.enterprise.id, suggested.id))}>
                {text('startList', { name: suggested.name[locale] })}
              </Button>
            )}
          </Space>
        }
      />
    );
  }

  const actions = (item: DutyRiskItem) =>
    canManage && (
      <Space size={4}>
        {!item.retiredOn && (
          <Button size="small" onClick={() => setEditing(item)}>
            {text('edit')}
          </Button>
        )}
        <Button size="small" onClick={() => void change(() => updateRiskItem(item.id, { version: item.version, retired: !item.retiredOn }))}>
          {item.retiredOn ? text('restore') : text('retire')}
        </Button>
      </Space>
    );
  const frequency = (item: DutyRiskItem) => <Tag>{DUTY_FREQUENCY_NAMES[item.frequency][locale]}</Tag>;
  const columns: TableColumnsType<DutyRiskItem> = [
    { title: text('area'), dataIndex: 'area', width: 120, render: (v: string, r) => (r.retiredOn ? <Typography.Text delete>{v}</Typography.Text> : v) },
    { title: text('hazard'), dataIndex: 'hazard' },
    { title: text('control'), dataIndex: 'control' },
    { title: text('frequency'), key: 'frequency', width: 80, render: (_v, r) => frequency(r) },
    { title: '', key: 'actions', width: 140, render: (_v, r) => actions(r) },
  ];
  const list = overview.list;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        {text('templateSource', { name: list.templateName?.[locale] ?? list.templateId, id: list.templateId, source: list.source ?? '' })}
      </Typography.Paragraph>
      {canManage && (
        <Button onClick={() => setEditing('new')} style={{ alignSelf: 'flex-start' }}>
          {text('addItem')}
        </Button>
      )}
      <ResponsiveTable
        rows={overview.riskItems}
        rowKey="id"
        columns={columns}
        loading={false}
        pagination={{ hideOnSinglePage: true, pageSize: 50 }}
        scrollX={800}
        empty={null}
        renderCard={(r) => (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <strong>{r.area}</strong>
              {frequency(r)}
              {r.retiredOn && <Tag>{text('retired')}</Tag>}
            </Space>
            <span>{r.hazard}</span>
            <Typography.Text type="secondary">{r.control}</Typography.Text>
            {actions(r)}
          </Space>
        )}
      />
      {editing !== null && <ItemModal overview={overview} item={editing === 'new' ? null : editing} open onClose={() => setEditing(null)} />}
    </Space>
  );
}
