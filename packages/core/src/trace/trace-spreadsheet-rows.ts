import { canonicalEpc, type Locale, type Localised } from '@shian/domain';
import { containmentOf, liveEvents, movedIds, stepOf } from './trace-graph.ts';
import type { LotTraceRun } from './trace-lot.ts';
import { enterpriseOf, lotRef, type TraceEnterprise } from './trace-present.ts';

/**
 * The rows of the sortable trace spreadsheet (FSMA 204's "electronic sortable spreadsheet", answered in
 * seconds): one per critical tracking event (CTE) of the lot, its items, the cases and pallets they travelled
 * in and what was made of them, with the key data elements (KDEs) as columns.
 */
export interface CteRow {
  /** `2026-03-01 08:00:00+08:00`: the time in the event's own offset, sortable as text. */
  eventTime: string;
  eventType: string;
  action: string;
  bizStep: string;
  disposition: string;
  /** Traceability lot codes (TLC) of the tracked lots in the event: `(01)06901234567892(10)L1`. */
  lotCodes: string;
  productNames: string;
  quantity: number | null;
  unit: string;
  locationId: string;
  premisesName: string;
  district: string;
  enterpriseName: string;
  enterpriseUscc: string;
  sources: string;
  destinations: string;
  bizTransactions: string;
  eventId: string;
}

const EVENT_TYPE_NAMES: Record<string, Localised> = {
  ObjectEvent: { 'zh-CN': '对象事件', 'en-US': 'ObjectEvent' },
  AggregationEvent: { 'zh-CN': '聚合事件', 'en-US': 'AggregationEvent' },
  TransactionEvent: { 'zh-CN': '交易事件', 'en-US': 'TransactionEvent' },
  TransformationEvent: { 'zh-CN': '转换事件', 'en-US': 'TransformationEvent' },
  AssociationEvent: { 'zh-CN': '关联事件', 'en-US': 'AssociationEvent' },
};

/** CBV 2.0 business steps a food chain uses, named in Chinese beside the standard's word. */
const STEP_NAMES: Record<string, string> = {
  commissioning: '赋码',
  packing: '装箱',
  unpacking: '拆箱',
  shipping: '发货',
  receiving: '收货',
  inspecting: '检验',
  sampling: '抽样',
  holding: '扣留',
  repackaging: '分装',
  retail_selling: '零售',
  destroying: '销毁',
  decommissioning: '停用',
  storing: '储存',
  transporting: '运输',
  void_shipping: '撤销发货',
};

const ITEMS_UNIT: Localised = { 'zh-CN': '件', 'en-US': 'items' };

/** `2026-03-01 08:00:00+08:00` from an instant and the offset it was recorded in. */
export function formatEventTime(at: Date, offset: string): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(at.getTime() + minutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${m ? offset : 'Z'}`;
}

/** The TLC of a lot class in GS1 element-string form. */
export function lotCode(classKey: string): string {
  const c = canonicalEpc(classKey);
  return c.gtin === null ? classKey : `(01)${c.gtin}${c.lot === null ? '' : `(10)${c.lot}`}`;
}

const stepName = (step: string | null, locale: Locale): string =>
  step === null ? '' : locale === 'zh-CN' && STEP_NAMES[step] ? `${STEP_NAMES[step]} (${step})` : step;

const districtName = (e: TraceEnterprise | null, locale: Locale): string => (e?.district ? (locale === 'zh-CN' ? e.district.nameZh : e.district.nameEn) : '');

/** One row per live event of the forward walk, in event-time order. */
export function cteRows(run: LotTraceRun, locale: Locale): CteRow[] {
  const { state } = run.walk;
  const { names } = run;
  const contained = containmentOf(state);
  const placeName = (id: string): string => {
    const p = names.places.get(id);
    if (!p) return id;
    return `${p.name}（${names.enterprises.get(p.enterpriseId)?.name ?? ''}）`;
  };
  const events = liveEvents(state).sort((a, b) => a.row.eventTime.getTime() - b.row.eventTime.getTime() || a.row.id - b.row.id);
  return events.map(({ row, doc }) => {
    const items = contained([...movedIds(row), ...row.inputEpcs, ...row.outputEpcs], row.eventTime);
    const classes = new Set<string>();
    for (const item of items) {
      const lot = state.members.get(item);
      if (lot) classes.add(lot);
    }
    const tracked = doc.quantities.filter((q) => state.classes.has(q.epcClass));
    for (const q of tracked) classes.add(q.epcClass);
    const firstUnit = tracked[0]?.uom ?? null;
    const quantity = items.size > 0 ? items.size : tracked.length > 0 ? tracked.filter((q) => q.uom === firstUnit).reduce((n, q) => n + q.quantity, 0) : null;
    const location = row.bizLocation ?? row.readPoint;
    const place = location ? names.places.get(location) : undefined;
    const enterprise = enterpriseOf(names, row.enterpriseId ?? place?.enterpriseId ?? null);
    const placeEnterprise = place ? enterpriseOf(names, place.enterpriseId) : null;
    return {
      eventTime: formatEventTime(row.eventTime, row.eventTimeZoneOffset),
      eventType: EVENT_TYPE_NAMES[row.eventType]?.[locale] ?? row.eventType,
      action: row.action ?? '',
      bizStep: stepName(stepOf(row), locale),
      disposition: row.disposition ?? '',
      lotCodes: [...classes].sort().map(lotCode).join('; '),
      productNames: [...new Set([...classes].map((c) => lotRef(names, c).productName).filter((n): n is string => n !== null))].join('; '),
      quantity,
      unit: quantity === null ? '' : items.size > 0 ? ITEMS_UNIT[locale] : (firstUnit ?? ''),
      locationId: location ?? '',
      premisesName: place?.name ?? '',
      district: districtName(placeEnterprise ? { ...placeEnterprise, district: names.districts.get(place?.jurisdictionCode ?? '') ?? placeEnterprise.district } : enterprise, locale),
      enterpriseName: enterprise?.name ?? '',
      enterpriseUscc: enterprise?.uscc ?? '',
      sources: doc.sources.map((s) => `${s.type}: ${placeName(canonicalEpc(s.id).epc)}`).join('; '),
      destinations: doc.destinations.map((d) => `${d.type}: ${placeName(canonicalEpc(d.id).epc)}`).join('; '),
      bizTransactions: doc.bizTransactions.map((t) => `${t.type || 'ref'}: ${t.id}`).join('; '),
      eventId: row.eventId,
    };
  });
}
