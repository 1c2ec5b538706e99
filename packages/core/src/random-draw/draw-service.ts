import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import {
  AppError,
  assertCan,
  drawWeight,
  randomSeed,
  runDraw,
  scopePrefix,
  verifyDraw,
  type DrawInput,
  type DrawInspector,
  type DrawOutcome,
  type DrawSize,
  type DrawTarget,
} from '@shian/domain';
import { recordAudit } from '../audit/record-audit.ts';
import type { Db } from '../db/connect.ts';
import { nextNumber } from '../db/counters.ts';
import type { DrawsTable } from '../db/schema.ts';
import { withTransaction, type Ctx } from '../db/transaction.ts';
import { loadEnterpriseRoster, type RosterFilters } from '../inspection/enterprise-roster.ts';
import { insertInspection } from '../inspection/inspection-schedule.ts';
import { loadInspectorRoster } from '../inspection/inspector-roster.ts';
import { ACTIVE_RISK_RULE_SET } from '../risk/risk-grading.ts';

export type DrawRow = Selectable<DrawsTable>;

export interface CreateDrawInput {
  jurisdictionCode: string;
  title: string;
  filters: RosterFilters;
  size: DrawSize;
  inspectorsPerTarget: number;
  /** Weight targets by risk grade and credit class (风险加权); false = every target equally likely. */
  weighted: boolean;
  templateId?: string | undefined;
  scheduledOn: string;
}

/**
 * A random draw (双随机抽取): targets from the roster by the filters, weighted by risk, then ≥2 inspectors each
 * from the inspector roster, never one who declared a conflict or works outside the target's jurisdiction.
 * The seed is made here from the system's random source before anyone sees the outcome; seed, algorithm and
 * the full input are stored and published, so anyone can re-run the draw and get the same list. Each staffed
 * pick becomes a scheduled inspection.
 */
export async function createDraw(ctx: Ctx, input: CreateDrawInput): Promise<DrawRow> {
  assertCan(ctx.actor, 'draw.create', { jurisdictionCode: input.jurisdictionCode, enterpriseId: null });
  const roster = await loadEnterpriseRoster(ctx.db, input.jurisdictionCode, input.filters);
  if (roster.length === 0) throw new AppError('draw.empty_roster');
  const inspectors = await loadInspectorRoster(ctx.db, input.jurisdictionCode);
  if (inspectors.length < input.inspectorsPerTarget) throw new AppError('draw.too_few_inspectors', { params: { needed: input.inspectorsPerTarget } });
  const targets: DrawTarget[] = roster.map((e) => ({
    id: e.id,
    jurisdictionCode: e.jurisdictionCode,
    weight: input.weighted ? drawWeight(ACTIVE_RISK_RULE_SET, e.grade, e.creditClass) : 1,
  }));
  // Only the recusals that bear on this roster are part of the draw's (published) input.
  const inRoster = new Set(targets.map((t) => t.id));
  const drawInspectors: DrawInspector[] = inspectors.map((i) => ({ id: i.id, jurisdictionCode: i.jurisdictionCode, recusedTargetIds: i.recusedEnterpriseIds.filter((id) => inRoster.has(id)) }));
  const drawInput: DrawInput = { seed: randomSeed(randomBytes(16)), targets, size: input.size, inspectors: drawInspectors, inspectorsPerTarget: input.inspectorsPerTarget };
  const outcome = runDraw(drawInput);

  return withTransaction(ctx, async (trx) => {
    const year = Number(input.scheduledOn.slice(0, 4));
    const draw = await trx.db
      .insertInto('draws')
      .values({
        id: randomUUID(),
        number: await nextNumber(trx.db, 'SJ', input.jurisdictionCode, year),
        jurisdictionCode: input.jurisdictionCode,
        title: input.title,
        filters: JSON.stringify(input.filters),
        size: JSON.stringify(input.size),
        inspectorsPerTarget: input.inspectorsPerTarget,
        weighting: JSON.stringify(input.weighted ? { ruleSetId: ACTIVE_RISK_RULE_SET.id, ...ACTIVE_RISK_RULE_SET.drawWeights } : null),
        algorithm: outcome.algorithm,
        seed: outcome.seed,
        rosterDigest: outcome.rosterDigest,
        inspectorRosterDigest: outcome.inspectorRosterDigest,
        rosterSize: targets.length,
        pickedCount: outcome.picked.length,
        unstaffedCount: outcome.unstaffed.length,
        templateId: input.templateId ?? 'auto',
        scheduledOn: input.scheduledOn,
        createdBy: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.db.insertInto('drawInputs').values({ drawId: draw.id, targets: JSON.stringify(targets), inspectors: JSON.stringify(drawInspectors) }).execute();

    const enterprises = new Map(
      (await trx.db.selectFrom('enterprises').selectAll().where('id', 'in', outcome.picked.length ? outcome.picked.map((p) => p.targetId) : [''] ).execute()).map((e) => [e.id, e]),
    );
    const picks = [];
    for (const pick of outcome.picked) {
      const enterprise = enterprises.get(pick.targetId);
      let inspectionId: string | null = null;
      if (enterprise && pick.inspectorIds.length > 0) {
        const inspection = await insertInspection(trx, enterprise, {
          enterpriseId: enterprise.id,
          kind: 'routine',
          origin: 'draw',
          scheduledOn: input.scheduledOn,
          inspectorIds: pick.inspectorIds,
          templateId: input.templateId,
          drawId: draw.id,
          followUpOf: null,
        });
        inspectionId = inspection.id;
      }
      picks.push({ drawId: draw.id, position: pick.position, enterpriseId: pick.targetId, inspectorIds: pick.inspectorIds, inspectionId });
    }
    for (let i = 0; i < picks.length; i += 1000) await trx.db.insertInto('drawPicks').values(picks.slice(i, i + 1000)).execute();
    await recordAudit(trx, {
      action: 'draw.create',
      entityType: 'draw',
      entityId: draw.id,
      jurisdictionCode: draw.jurisdictionCode,
      enterpriseId: null,
      before: null,
      after: { ...draw, picked: outcome.picked.length, unstaffed: outcome.unstaffed },
    });
    return draw;
  });
}

/** A draw as published (公开): anyone may read it. */
export interface PublicDraw {
  draw: DrawRow;
  picks: { position: number; enterpriseId: string; enterpriseName: string; uscc: string; inspectorNames: string[]; inspectionNumber: string | null }[];
}

export async function findPublicDraw(db: Db, id: string): Promise<PublicDraw> {
  const draw = await db.selectFrom('draws').selectAll().where('id', '=', id).executeTakeFirst();
  if (!draw) throw new AppError('resource.not_found');
  const rows = await db
    .selectFrom('drawPicks')
    .innerJoin('enterprises', 'enterprises.id', 'drawPicks.enterpriseId')
    .leftJoin('inspections', 'inspections.id', 'drawPicks.inspectionId')
    .select(['drawPicks.position', 'drawPicks.enterpriseId', 'enterprises.name', 'enterprises.uscc', 'drawPicks.inspectorIds', 'inspections.number as inspectionNumber'])
    .where('drawPicks.drawId', '=', id)
    .orderBy('drawPicks.position')
    .execute();
  const userIds = [...new Set(rows.flatMap((r) => r.inspectorIds))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', userIds).execute() : [];
  const nameOf = new Map(users.map((u) => [u.id, u.displayName]));
  return {
    draw,
    picks: rows.map((r) => ({
      position: r.position,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.name,
      uscc: r.uscc,
      inspectorNames: r.inspectorIds.map((u) => nameOf.get(u) ?? u),
      inspectionNumber: r.inspectionNumber,
    })),
  };
}

export async function listPublicDraws(db: Db, query: { jurisdictionCode?: string | undefined; limit?: number; offset?: number }): Promise<{ items: DrawRow[]; total: number }> {
  let base = db.selectFrom('draws');
  if (query.jurisdictionCode) base = base.where('jurisdictionCode', 'like', `${scopePrefix(query.jurisdictionCode)}%`);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const items = await base.selectAll().orderBy('createdAt', 'desc').orderBy('id').limit(query.limit ?? 20).offset(query.offset ?? 0).execute();
  return { items, total };
}

/** Everything needed to re-run a draw: the published input and the published outcome. */
export async function loadDrawForRerun(db: Db, id: string): Promise<{ input: DrawInput; outcome: DrawOutcome }> {
  const draw = await db.selectFrom('draws').selectAll().where('id', '=', id).executeTakeFirst();
  const stored = await db.selectFrom('drawInputs').selectAll().where('drawId', '=', id).executeTakeFirst();
  if (!draw || !stored) throw new AppError('resource.not_found');
  const picks = await db.selectFrom('drawPicks').select(['position', 'enterpriseId', 'inspectorIds']).where('drawId', '=', id).orderBy('position').execute();
  const input: DrawInput = {
    seed: draw.seed,
    targets: stored.targets as DrawTarget[],
    inspectors: stored.inspectors as DrawInspector[],
    size: draw.size as DrawSize,
    inspectorsPerTarget: draw.inspectorsPerTarget,
  };
  const outcome: DrawOutcome = {
    algorithm: draw.algorithm as DrawOutcome['algorithm'],
    seed: draw.seed,
    rosterDigest: draw.rosterDigest,
    inspectorRosterDigest: draw.inspectorRosterDigest,
    picked: picks.map((p) => ({ position: p.position, targetId: p.enterpriseId, inspectorIds: p.inspectorIds })),
    unstaffed: picks.filter((p) => p.inspectorIds.length === 0).map((p) => p.enterpriseId),
  };
  return { input, outcome };
}

/** Re-runs a stored draw and compares (the `verify-draw` command and the public check). */
export async function verifyStoredDraw(db: Db, id: string): Promise<{ matches: boolean; differences: string[] }> {
  const { input, outcome } = await loadDrawForRerun(db, id);
  return verifyDraw(input, outcome);
}

