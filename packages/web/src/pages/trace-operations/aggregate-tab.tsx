import { useState } from 'react';
import { App, Button, Form, Input, Modal, QRCode, Segmented, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { CodeList, problemsOf } from './code-list.tsx';
import { OperationProblemAlert, messageAt, toProblem, type OperationProblem } from './operation-error.tsx';
import { OwnPremisesSelect } from './premises-select.tsx';
import { ScanInput } from './scan-input.tsx';
import type { OperationAnswer } from './trace-ops-api.ts';

/** The label of a container the platform made (平台箱码): its id as a QR code, to print and stick on the case. */
function ContainerLabel({ parentId, onClose }: { parentId: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('traceOps.aggregate.labelTitle')}
      onCancel={onClose}
      footer={
        <Space>
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('traceOps.aggregate.printLabel')}
          </Button>
          <Button type="primary" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Space>
      }
    >
      <div className="shian-print-area" style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
        <QRCode value={parentId} size={180} bordered={false} />
        <Typography.Text code copyable>
          {parentId}
        </Typography.Text>
      </div>
    </Modal>
  );
}

/**
 * 装箱 / 拆箱: pack scanned items or cases into a container (an SSCC scanned, or a container the platform makes
 * for an enterprise without a GS1 prefix), or take them out. One AggregationEvent per submit.
 */
export function AggregateTab({ enterpriseId, premisesId, onPremisesChange }: { enterpriseId: string; premisesId: string | undefined; onPremisesChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [action, setAction] = useState<'ADD' | 'DELETE'>('ADD');
  const [parent, setParent] = useState('');
  const [children, setChildren] = useState<string[]>([]);
  const [problem, setProblem] = useState<OperationProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [label, setLabel] = useState<string | null>(null);

  const addChild = (code: string) => {
    if (children.includes(code)) {
      void message.warning(t('traceOps.codes.duplicate'));
      return;
    }
    setChildren((list) => [...list, code]);
  };

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const answer = await apiSend<OperationAnswer>('POST', '/api/v1/trace/operations/aggregate', {
        premisesId,
        action,
        parent: parent.trim() || null,
        children,
      });
      void message.success(action === 'ADD' ? t('traceOps.aggregate.done', { parent: answer.parentId ?? '' }) : t('traceOps.aggregate.doneUnpack'));
      if (action === 'ADD' && answer.parentId?.startsWith('urn:shian:pack:')) setLabel(answer.parentId);
      setChildren([]);
      setParent('');
    } catch (error) {
      setProblem(toProblem(error, t('app.error')));
    } finally {
      setSaving(false);
    }
  };

  const canSubmit = Boolean(premisesId) && (action === 'DELETE' ? parent.trim() !== '' : children.length > 0);
  return (
    <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 720 }}>
      <OperationProblemAlert problem={problem} shown={['premisesId', 'parent', 'children']} shownLists={['children']} />
      <Form.Item label={t('traceOps.premises')} htmlFor="aggregate-premises" validateStatus={messageAt(problem, 'premisesId') ? 'error' : undefined} help={messageAt(problem, 'premisesId')}>
        <OwnPremisesSelect id="aggregate-premises" enterpriseId={enterpriseId} value={premisesId} onChange={onPremisesChange} />
      </Form.Item>
      <Form.Item label={t('traceOps.aggregate.action')}>
        <Segmented<'ADD' | 'DELETE'>
          value={action}
          onChange={setAction}
          options={[
            { value: 'ADD', label: t('traceOps.aggregate.pack') },
            { value: 'DELETE', label: t('traceOps.aggregate.unpack') },
          ]}
        />
      </Form.Item>
      <Form.Item
        label={t('traceOps.aggregate.parent')}
        htmlFor="aggregate-parent"
        extra={action === 'ADD' ? t('traceOps.aggregate.parentHint') : undefined}
        validateStatus={messageAt(problem, 'parent') ? 'error' : undefined}
        help={messageAt(problem, 'parent')}
      >
        <Input id="aggregate-parent" value={parent} onChange={(event) => setParent(event.target.value)} autoComplete="off" onPressEnter={(event) => event.preventDefault()} />
      </Form.Item>
      <Form.Item label={t('traceOps.aggregate.children')} htmlFor="aggregate-scan" help={messageAt(problem, 'children')} validateStatus={messageAt(problem, 'children') ? 'error' : undefined}>
        <ScanInput id="aggregate-scan" label={t('traceOps.aggregate.children')} onScan={addChild} />
      </Form.Item>
      <CodeList codes={children} label={t('traceOps.aggregate.children')} problems={problemsOf(problem?.details ?? [], 'children')} onRemove={(index) => setChildren((list) => list.filter((_, i) => i !== index))} />
      <Button type="primary" htmlType="submit" loading={saving} disabled={!canSubmit} style={{ marginTop: 16 }}>
        {action === 'ADD' ? t('traceOps.aggregate.submit') : t('traceOps.aggregate.submitUnpack')}
      </Button>
      {label && <ContainerLabel parentId={label} onClose={() => setLabel(null)} />}
    </Form>
  );
}
