import { useState } from 'react';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { apiSend } from '../../api/client.ts';
import { labelOf, useMessages } from '../../i18n/setup.ts';
import { CodeList, problemsOf } from './code-list.tsx';
import { OperationProblemAlert, messageAt, toProblem, type OperationProblem } from './operation-error.tsx';
import { OwnPremisesSelect, premisesLabel } from './premises-select.tsx';
import { ScanInput } from './scan-input.tsx';
import { traceOpsKeys, useLotStock, useTradingPartners, type LotStock, type OperationAnswer, type TradingPartner } from './trace-ops-api.ts';

interface LotLine {
  key: number;
  epcClass: string | undefined;
  quantity: number | null;
}

const lotLabel = (l: LotStock, available: string) => `${l.productName ?? l.gtin} · ${l.lot}（${available}）`;

/** 收货企业: an enterprise found by name or credit code, then one of its premises. */
function ReceiverPicker(props: {
  partner: TradingPartner | null;
  onPartner: (p: TradingPartner | null) => void;
  premisesId: string | undefined;
  onPremises: (id: string) => void;
  problem: OperationProblem | null;
}) {
  const { t } = useTranslation();
  const messages = useMessages();
  const [q, setQ] = useState('');
  const partners = useTradingPartners(q);
  const found = partners.data ?? [];
  const kind = (k: string) => labelOf(messages.enums.premisesKind, k);
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label={t('traceOps.ship.to')} htmlFor="ship-to" validateStatus={messageAt(props.problem, 'to.enterpriseId') ? 'error' : undefined} help={messageAt(props.problem, 'to.enterpriseId')}>
          <Select<string>
            id="ship-to"
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={props.partner?.id}
            placeholder={t('traceOps.ship.toPlaceholder')}
            loading={partners.isFetching}
            notFoundContent={[...q.trim()].length >= 2 && !partners.isFetching ? t('common.empty') : null}
            onChange={(id) => props.onPartner(found.find((p) => p.id === id) ?? null)}
            options={(props.partner && !found.some((p) => p.id === props.partner?.id) ? [props.partner, ...found] : found).map((p) => ({ value: p.id, label: `${p.name}（${p.uscc}）` }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label={t('traceOps.ship.toPremises')} htmlFor="ship-to-premises" validateStatus={messageAt(props.problem, 'to.premisesId') ? 'error' : undefined} help={messageAt(props.problem, 'to.premisesId')}>
          <Select<string>
            id="ship-to-premises"
            value={props.premisesId}
            onChange={props.onPremises}
            disabled={!props.partner}
            showSearch={{ optionFilterProp: 'label' }}
            options={(props.partner?.premises ?? []).map((p) => ({ value: p.id, label: premisesLabel(p, kind) }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * 发货: ship to another enterprise's premises, by scanning codes (items, cases, pallets) and/or choosing lots of
 * the enterprise's stock with a quantity. One ObjectEvent (shipping) per submit, with a new shipment number.
 */
export function ShipTab({ enterpriseId, premisesId, onPremisesChange }: { enterpriseId: string; premisesId: string | undefined; onPremisesChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const stock = useLotStock();
  const [partner, setPartner] = useState<TradingPartner | null>(null);
  const [toPremises, setToPremises] = useState<string | undefined>();
  const [items, setItems] = useState<string[]>([]);
  const [lots, setLots] = useState<LotLine[]>([]);
  const [reference, setReference] = useState('');
  const [problem, setProblem] = useState<OperationProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [nextKey, setNextKey] = useState(1);

  const stockOf = (epcClass: string | undefined) => stock.data?.find((l) => l.epcClass === epcClass);
  const updateLot = (key: number, change: Partial<LotLine>) => setLots((list) => list.map((l) => (l.key === key ? { ...l, ...change } : l)));

  const submit = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const chosen = lots.flatMap((l) => {
        const s = stockOf(l.epcClass);
        return s && l.quantity ? [{ gtin: s.gtin, lot: s.lot, quantity: l.quantity }] : [];
      });
      const answer = await apiSend<OperationAnswer>('POST', '/api/v1/trace/operations/ship', {
        premisesId,
        to: { enterpriseId: partner?.id, premisesId: toPremises },
        items,
        lots: chosen,
        reference: reference.trim() || null,
      });
      void message.success(t('traceOps.ship.done', { desadv: answer.desadv ?? '' }));
      setItems([]);
      setLots([]);
      setReference('');
      void queryClient.invalidateQueries({ queryKey: traceOpsKeys.lotStock });
      void queryClient.invalidateQueries({ queryKey: traceOpsKeys.events });
    } catch (error) {
      setProblem(toProblem(error, t('app.error')));
    } finally {
      setSaving(false);
    }
  };

  const canSubmit = Boolean(premisesId && partner && toPremises) && (items.length > 0 || lots.some((l) => l.epcClass && l.quantity));
  return (
    <Form layout="vertical" onFinish={() => void submit()} style={{ maxWidth: 880 }}>
      <OperationProblemAlert problem={problem} shown={['premisesId', 'to.enterpriseId', 'to.premisesId', 'items']} shownLists={['items', 'lots']} />
      <Form.Item label={t('traceOps.premises')} htmlFor="ship-premises" validateStatus={messageAt(problem, 'premisesId') ? 'error' : undefined} help={messageAt(problem, 'premisesId')}>
        <OwnPremisesSelect id="ship-premises" enterpriseId={enterpriseId} value={premisesId} onChange={onPremisesChange} />
      </Form.Item>
      <ReceiverPicker
        partner={partner}
        onPartner={(p) => {
          setPartner(p);
          setToPremises(p?.premises[0]?.id);
        }}
        premisesId={toPremises}
        onPremises={setToPremises}
        problem={problem}
      />
      <Form.Item label={t('traceOps.ship.items')} htmlFor="ship-scan" validateStatus={messageAt(problem, 'items') ? 'error' : undefined} help={messageAt(problem, 'items')}>
        <ScanInput id="ship-scan" label={t('traceOps.ship.items')} onScan={(code) => setItems((list) => (list.includes(code) ? list : [...list, code]))} />
      </Form.Item>
      <CodeList codes={items} label={t('traceOps.ship.items')} problems={problemsOf(problem?.details ?? [], 'items')} onRemove={(index) => setItems((list) => list.filter((_, i) => i !== index))} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('traceOps.ship.lots')}
      </Typography.Title>
      {lots.map((line, index) => {
        const available = stockOf(line.epcClass)?.available;
        const error = messageAt(problem, `lots.${index}.quantity`) ?? messageAt(problem, `lots.${index}.lot`) ?? messageAt(problem, `lots.${index}`);
        return (
          <Space key={line.key} align="start" wrap style={{ display: 'flex', marginBottom: 8 }}>
            <Select<string>
              aria-label={t('traceOps.ship.lot')}
              value={line.epcClass}
              placeholder={t('traceOps.ship.lotPlaceholder')}
              notFoundContent={t('traceOps.ship.noLots')}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 320, maxWidth: '80vw' }}
              onChange={(epcClass) => updateLot(line.key, { epcClass })}
              options={(stock.data ?? []).map((l) => ({ value: l.epcClass, label: lotLabel(l, t('traceOps.ship.available', { count: l.available })) }))}
            />
            <InputNumber<number>
              aria-label={t('traceOps.ship.quantity')}
              min={1}
              max={available}
              precision={0}
              value={line.quantity}
              onChange={(quantity) => updateLot(line.key, { quantity })}
              style={{ width: 140 }}
              status={error ? 'error' : undefined}
            />
            <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('traceOps.codes.remove')} onClick={() => setLots((list) => list.filter((l) => l.key !== line.key))} />
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
          </Space>
        );
      })}
      <Button
        icon={<PlusOutlined aria-hidden />}
        onClick={() => {
          setLots((list) => [...list, { key: nextKey, epcClass: undefined, quantity: null }]);
          setNextKey((k) => k + 1);
        }}
      >
        {t('traceOps.ship.addLot')}
      </Button>

      <Form.Item label={t('traceOps.ship.reference')} htmlFor="ship-reference" style={{ marginTop: 24, maxWidth: 360 }}>
        <Input id="ship-reference" value={reference} maxLength={100} onChange={(event) => setReference(event.target.value)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} disabled={!canSubmit}>
        {t('traceOps.ship.submit')}
      </Button>
    </Form>
  );
}
