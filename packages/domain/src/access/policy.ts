import { isWithin, scopePrefix } from '../jurisdiction/scope.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, Role } from './roles.ts';

/**
 * Authorisation, in one place. An action is allowed when the actor's role grants it (`GRANTS`) AND the
 * target lies in the actor's scope (`actorScope`). Query modules narrow every read with the same scope.
 */
export const ACTIONS = [
  'dashboard.read',
  'registry.read',
  'registry.create', // create an enterprise
  'registry.update', // edit an enterprise, its premises
  'licence.write',
  'product.write',
  'person.write',
  'registry.import',
  'registry.export',
  'audit.read',
  'user.manage',
  'workqueue.read', // one's own open deadlines (待办)
  'risk.read', // risk grades (风险等级) and their explanation
  'risk.manage', // risk facts, triggers, regrade, override (with a reason)
  'plan.read', // annual inspection plans
  'plan.manage', // generate and approve plans
  'draw.create', // random draws (双随机抽取)
  'recusal.declare', // conflict-of-interest declarations (回避)
  'inspection.read',
  'inspection.schedule', // schedule an inspection, assign inspectors
  'inspection.perform', // fill and sign the on-site form (only the assigned inspectors)
  'inspection.publish', // publish a result (公开)
  'rectification.respond', // the enterprise answers an order with evidence
  'rectification.verify', // the inspector verifies the fix
  'clock.extend', // approve an extension of a statutory clock
  'trace.read', // trace codes, EPCIS events, traces, recalls, traceability KPIs
  'trace.write', // issue codes, capture EPCIS events (aggregate, ship, receive)
  'apikey.manage', // an enterprise's API keys for its own systems
  'recall.create', // mark a lot or serials recalled (召回): a regulator, or the maker for its own products
  'recall.acknowledge', // a downstream enterprise confirms it has acted on a recall notice
  'trace.alerts', // review and close possible-copy alerts from the scan page
  'self_inspection.read', // self-inspection reports (自查报告), rectification items (整改项), QA release records, their KPIs
  'self_inspection.write', // an enterprise fills and submits its reports, closes rectification items, records QA releases
  'self_inspection.verify', // the enterprise confirms a closed rectification item (企业验证)
  'self_inspection.review', // the bureau acknowledges or returns a submitted report
  'duties.read', // enterprise duties (主体责任): risk-control list, daily checks, hazards, weekly reports, monthly minutes, rates
  'duties.record', // the officer's daily check (日管控) and closing a hazard (隐患整改)
  'duties.manage', // edit the risk-control list, the weekly report (周排查) and the monthly minutes (月调度)
  'training.read', // training records (培训记录), spot-check exam sessions and results (抽查考核), their KPIs
  'training.record', // the enterprise records its managers' training hours
  'exam.manage', // the bureau creates spot-check exam sessions (抽查考核) for its jurisdiction
  'exam.take', // an enterprise user sits a spot-check exam for one of the enterprise's managers
  'monitoring.read', // monitoring devices (智慧监管), readings, roll-ups, alerts, rule precision
  'monitoring.manage', // register devices, set their rule set, make a site's rule-set override (a new version)
  'monitoring.handle', // the bureau handles alerts: acknowledge, send to the enterprise, verify, close (or false positive)
] as const;
export type Action = (typeof ACTIONS)[number];

const REGULATOR_WRITE: Action[] = ['registry.create', 'registry.update', 'licence.write', 'product.write', 'person.write'];
const INSPECTION_READ: Action[] = ['workqueue.read', 'risk.read', 'plan.read', 'inspection.read'];
const SUPERVISION: Action[] = [
  ...INSPECTION_READ,
  'risk.manage',
  'plan.manage',
  'draw.create',
  'recusal.declare',
  'inspection.schedule',
  'inspection.publish',
  'rectification.verify',
  'clock.extend',
];
const INSPECTING: Action[] = [...INSPECTION_READ, 'recusal.declare', 'inspection.perform', 'inspection.publish', 'rectification.verify'];
const ENTERPRISE_INSPECTION: Action[] = ['workqueue.read', 'risk.read', 'inspection.read', 'rectification.respond'];
const TRACE_SUPERVISION: Action[] = ['trace.read', 'recall.create', 'trace.alerts'];
const ENTERPRISE_TRACE: Action[] = ['trace.read', 'trace.write', 'recall.acknowledge'];
const SELF_INSPECTION_SUPERVISION: Action[] = ['self_inspection.read', 'self_inspection.review'];
const ENTERPRISE_SELF_INSPECTION: Action[] = ['self_inspection.read', 'self_inspection.write'];
/** Duties: regulators read (rates, flagged producers); the enterprise records, its admin also manages. */
const ENTERPRISE_DUTIES: Action[] = ['duties.read', 'duties.record'];

export const GRANTS: Record<Role, readonly Action[]> = {
  city_admin: [...ACTIONS],
  city_supervisor: ['dashboard.read', 'registry.read', ...REGULATOR_WRITE, 'registry.import', 'registry.export', 'audit.read', ...SUPERVISION, ...TRACE_SUPERVISION, 'duties.read', ...SELF_INSPECTION_SUPERVISION, 'training.read', 'exam.manage', 'monitoring.read', 'monitoring.manage', 'monitoring.handle'],
  district_supervisor: ['dashboard.read', 'registry.read', ...REGULATOR_WRITE, 'registry.import', 'registry.export', 'audit.read', ...SUPERVISION, ...TRACE_SUPERVISION, 'duties.read', ...SELF_INSPECTION_SUPERVISION, 'training.read', 'exam.manage', 'monitoring.read', 'monitoring.manage', 'monitoring.handle'],
  inspector: ['dashboard.read', 'registry.read', 'registry.update', 'person.write', 'registry.export', 'audit.read', ...INSPECTING, 'trace.read', 'trace.alerts', 'duties.read', 'self_inspection.read', 'training.read', 'monitoring.read', 'monitoring.handle'],
  enterprise_admin: ['dashboard.read', 'registry.read', 'registry.update', 'product.write', 'person.write', 'audit.read', ...ENTERPRISE_INSPECTION, ...ENTERPRISE_TRACE, 'apikey.manage', 'recall.create', ...ENTERPRISE_DUTIES, 'duties.manage', ...ENTERPRISE_SELF_INSPECTION, 'self_inspection.verify', 'training.read', 'training.record', 'exam.take', 'monitoring.read', 'monitoring.manage'],
  enterprise_staff: ['dashboard.read', 'registry.read', 'audit.read', ...ENTERPRISE_INSPECTION, ...ENTERPRISE_TRACE, ...ENTERPRISE_DUTIES, ...ENTERPRISE_SELF_INSPECTION, 'training.read', 'training.record', 'exam.take', 'monitoring.read'],
  public: [],
};

/** What part of the data an actor can see at all. */
export type Scope =
  | { kind: 'jurisdiction'; prefix: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'none' };

export function actorScope(actor: Actor): Scope {
  if (actor.role === 'enterprise_admin' || actor.role === 'enterprise_staff') {
    return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
  }
  if (actor.role === 'public' || !actor.jurisdictionCode) return { kind: 'none' };
  return { kind: 'jurisdiction', prefix: scopePrefix(actor.jurisdictionCode) };
}

/** Where a record lives: every scoped record carries both. */
export interface ScopedTarget {
  jurisdictionCode: string;
  enterpriseId: string | null;
}

export function hasGrant(actor: Actor, action: Action): boolean {
  return GRANTS[actor.role].includes(action);
}

export function inScope(actor: Actor, target: ScopedTarget): boolean {
  const scope = actorScope(actor);
  switch (scope.kind) {
    case 'jurisdiction':
      return isWithin(target.jurisdictionCode, actor.jurisdictionCode ?? '');
    case 'enterprise':
      return target.enterpriseId === scope.enterpriseId;
    case 'none':
      return false;
  }
}

/** True when the actor may take `action` (on `target`, when the action concerns one record). */
export function can(actor: Actor, action: Action, target?: ScopedTarget): boolean {
  if (!hasGrant(actor, action)) return false;
  return target ? inScope(actor, target) : true;
}

/**
 * Throws unless allowed. A target out of scope answers `resource.not_found`, never `forbidden`, so that
 * nobody learns that a record exists outside what they may see.
 */
export function assertCan(actor: Actor, action: Action, target?: ScopedTarget): void {
  if (target && !inScope(actor, target)) throw new AppError('resource.not_found');
  if (!hasGrant(actor, action)) throw new AppError(actor.userId ? 'auth.forbidden' : 'auth.unauthenticated');
}

/** The abilities the client may show for one record (buttons it can offer). */
export function abilitiesFor(actor: Actor, target: ScopedTarget): Action[] {
  return ACTIONS.filter((action) => can(actor, action, target));
}
