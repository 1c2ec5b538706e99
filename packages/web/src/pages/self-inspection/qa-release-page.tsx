import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { apiSend } from '../../api/client.ts';
import { useDossier } from '../../api/queries.ts';
import { useCurrentUser } from '../../app/current-user.tsx';
import { hasGrant } from '../../app/grants.ts';
import { FormErrorAlert } from '../../components/form-error-alert.tsx';
import { pickLocalised } from '../../i18n/localised.ts';
import { useLocale } from '../../i18n/setup.ts';
import { applyServerError, type FormServerError } from '../../lib/form-errors.ts';
import { CONCLUSION, DECISION, L } from './labels.ts';
import { selfInspectionKeys, useQaReleases, type QaRelease } from './self-inspection-api.ts';

interface ReleaseValues {
  productId: string;
  lot: string;
  tests: { name: string; result: string; conclusion: 'pass' | 'fail' }[];
  decision: 'release' | 'reject';
  personId: string;
  decidedAt: string;
  note: string;
}
const FIELDS = ['productId', 'lot', 'tests', 'decision', 'personId', 'decidedAt', 'note', 'correctsId'] as const;

/**
 * 出厂放行: the quality authorised person's (质量安全受权人) decision per lot — the tests done and release or
 * reject. One decision per lot; a correction is a new record naming the standing one (the list keeps both).
 */
export function QaReleasePage() {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const user = useCurrentUser();
  const releases = useQaReleases();
  const [editing, setEditing] = useState<{ corrects: QaRelease | null } | null>(null);
  const canWrite = hasGrant(user, 'self_inspection.write') && user.enterpriseId !== null;

  const columns: TableColumnsType<QaRelease> = [
    { title: text(L.number), dataIndex: 'number', key: 'number', width: 190 },
    ...(canWrite ? [] : [{ title: text(L.enterprise), key: 'enterprise', width: 200, render: (_v: unknown, r: QaRelease) => r.enterprise.name }]),
    { title: text(L.product), key: 'product', width: 200, render: (_v, r) => r.product.name },
    { title: text(L.lot), dataIndex: 'lot', key: 'lot', width: 110 },
    { title: text(L.tests), key: 'tests', width: 260, render: (_v, r) => r.tests.map((x) => `${x.name}：${x.result}（${pickLocalised(locale, CONCLUSION[x.conclusion])}）`).join('；') },
    {
      title: text(L.decision),
      key: 'decision',
      width: 150,
      render: (_v, r) => (
        <Space size={4} wrap>
          <Tag color={r.decision === 'release' ? 'green' : 'red'}>{pickLocalised(locale, DECISION[r.decision])}</Tag>
          {r.superseded && <Tag>{text(L.superseded)}</Tag>}
          {r.correctsId && <Tag color="blue">{text(L.corrects)}</Tag>}
        </Space>
      ),
    },
    { title: text(L.person), dataIndex: 'personName', key: 'person', width: 120 },
    { title: text(L.decidedAt), key: 'decidedAt', width: 150, render: (_v, r) => dayjs(r.decidedAt).format('YYYY-MM-DD HH:mm') },
    { title: text(L.reason), dataIndex: 'note', key: 'note', width: 200 },
    ...(canWrite
      ? [
          {
            title: '',
            key: 'actions',
            width: 90,
            render: (_v: unknown, r: QaRelease) =>
              r.superseded ? null : (
                <Button size="small" onClick={() => setEditing({ corrects: r })}>
                  {text(L.correct)}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="shian-page-header">
        <Typography.Title level={3}>{text(L.releasesTitle)}</Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ corrects: null })}>
            {text(L.newRelease)}
          </Button>
        )}
      </div>
      <Card size="small">
        <Table<QaRelease>
          size="small"
          rowKey="id"
          loading={releases.isPending}
          dataSource={releases.data ?? []}
          columns={columns}
          scroll={{ x: 1400 }}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{ emptyText: <Empty description={text(L.empty)} /> }}
        />
      </Card>
      {editing && user.enterpriseId && <ReleaseForm enterpriseId={user.enterpriseId} corrects={editing.corrects} onDone={() => setEditing(null)} />}
    </>
  );
}

function ReleaseForm({ enterpriseId, corrects, onDone }: { enterpriseId: string; corrects: QaRelease | null; onDone: () => void }) {
  const locale = useLocale();
  const text = (entry: (typeof L)[keyof typeof L]) => pickLocalised(locale, entry);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const dossier = useDossier(enterpriseId);
  const [form] = Form.useForm<ReleaseValues>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormServerError | null>(null);
  const products = (dossier.data?.products ?? []).filter((p) => p.status === 'active').map((p) => ({ value: p.id, label: p.name }));
  const people = (dossier.data?.people ?? []).filter((p) => p.role === 'quality_authorised_person' && p.endedOn === null).map((p) => ({ value: p.id, label: p.name }));

  const save = async (values: ReleaseValues) => {
    setSaving(true);
    setServerError(null);
    try {
      await apiSend('POST', '/api/v1/qa-releases', { ...values, decidedAt: dayjs(values.decidedAt).format(), correctsId: corrects?.id ?? null });
      await queryClient.invalidateQueries({ queryKey: selfInspectionKeys.releases });
      void message.success(text(L.saved));
      onDone();
    } catch (error) {
      setServerError(applyServerError(form, error, FIELDS, error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  };

  const initial: Partial<ReleaseValues> = corrects
    ? { productId: corrects.product.id, lot: corrects.lot, tests: corrects.tests, decision: corrects.decision, personId: corrects.personId, decidedAt: dayjs().format('YYYY-MM-DDTHH:mm'), note: '' }
    : { tests: [{ name: '', result: '', conclusion: 'pass' }], decision: 'release', decidedAt: dayjs().format('YYYY-MM-DDTHH:mm'), note: '' };

  return (
    <Modal open title={corrects ? `${text(L.correct)} ${corrects.number}` : text(L.newRelease)} onCancel={onDone} onOk={() => form.submit()} confirmLoading={saving} width={720}>
      <FormErrorAlert error={serverError} />
      <Form<ReleaseValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)}>
        <Form.Item name="productId" label={text(L.product)} rules={[{ required: true }]}>
          <Select options={products} disabled={corrects !== null} loading={dossier.isPending} />
        </Form.Item>
        <Form.Item name="lot" label={text(L.lot)} rules={[{ required: true }]}>
          <Input maxLength={20} disabled={corrects !== null} />
        </Form.Item>
        <Typography.Text strong>{text(L.tests)}</Typography.Text>
        <Form.List name="tests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={text(L.testName)} aria-label={text(L.testName)} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'result']} rules={[{ required: true }]} noStyle>
                    <Input placeholder={text(L.testResult)} aria-label={text(L.testResult)} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'conclusion']} noStyle>
                    <Radio.Group optionType="button" options={(['pass', 'fail'] as const).map((c) => ({ value: c, label: pickLocalised(locale, CONCLUSION[c]) }))} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="remove" onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', result: '', conclusion: 'pass' })} style={{ marginTop: 8, marginBottom: 16 }}>
                {text(L.addTest)}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="decision" label={text(L.decision)}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(['release', 'reject'] as const).map((d) => ({ value: d, label: pickLocalised(locale, DECISION[d]) }))} />
        </Form.Item>
        <Form.Item name="personId" label={text(L.person)} rules={[{ required: true }]}>
          <Select options={people} loading={dossier.isPending} />
        </Form.Item>
        <Form.Item name="decidedAt" label={text(L.decidedAt)} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="note" label={text(L.reason)} rules={corrects ? [{ required: true }] : []}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
