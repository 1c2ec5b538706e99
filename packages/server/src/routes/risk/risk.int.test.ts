import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeForScore } from '@shian/domain';
import { ACTIVE_RISK_RULE_SET, type EnterpriseRow } from '@shian/core';
import { buildEnterprise, buildUser } from '@shian/core/testing/factories.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let baoshan: Session;
let minhang: Session;

beforeAll(async () => {
  t = await createTestApp();
  const [a, b] = await Promise.all([
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310113' }),
    buildUser(t.database.db, 'district_supervisor', { jurisdictionCode: '310112' }),
  ]);
  baoshan = await signInAs(t.app, a.user.username);
  minhang = await signInAs(t.app, b.user.username);
});
afterAll(async () => t.close());

const putProfile = (session: Session, enterprise: EnterpriseRow, payload: unknown, headers: Record<string, string> = {}) =>
  session.request({ method: 'PUT', url: `/api/v1/enterprises/${enterprise.id}/risk-profile`, payload: payload as Record<string, unknown>, headers });

/** Static 15 + 8 + 4 + 5 + 4 = 36 under cn-2016-trial/shanghai-1. */
const largeInfantFormulaProducer = {
  sector: 'production',
  facts: { foodCategories: ['infant_formula'], scale: 'large', employees: 450, hasExtraction: true, sharedLineWithGeneralFood: true, outsourcedProcessing: false },
};

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('PUT /api/v1/enterprises/{id}/risk-profile', () => {
  it('answers bad facts with one detail per bad field, in Chinese by default', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310113' });
    const res = await putProfile(baoshan, e, {
      risk: {
        sector: 'production',
        facts: { foodCategories: [], scale: 'huge', employees: -3, hasExtraction: 'yes', sharedLineWithGeneralFood: false, outsourcedProcessing: false, colour: 'red' },
      },
      creditClass: 'E',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('request.invalid');
    const paths = body.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual([
      'creditClass',
      'risk.facts.colour',
      'risk.facts.employees',
      'risk.facts.foodCategories',
      'risk.facts.hasExtraction',
      'risk.facts.scale',
    ]);
    expect(body.message).toBe(`提交的内容有 ${paths.length} 处错误，请逐项修改`);
    for (const detail of body.details as { message: string }[]) expect(hasChinese(detail.message)).toBe(true);
    const messageOf = (path: string) => body.details.find((d: { path: string }) => d.path === path)?.message;
    expect(messageOf('risk.facts.foodCategories')).toBe('必填');
    expect(messageOf('risk.facts.scale')).toBe('取值不在允许范围内：large, medium, small');
    expect(messageOf('risk.facts.colour')).toBe('未知字段');
    expect(typeof body.requestId).toBe('string');

    // Nothing was saved.
    expect(await t.database.db.selectFrom('riskProfiles').select('enterpriseId').where('enterpriseId', '=', e.id).execute()).toEqual([]);

    const en = await putProfile(baoshan, e, { risk: { sector: 'sales', facts: {} }, creditClass: null }, { 'accept-language': 'en-US' });
    expect(en.statusCode).toBe(400);
    expect(en.json().details.length).toBeGreaterThan(1);
    expect(en.json().details.some((d: { message: string }) => hasChinese(d.message))).toBe(false);
  });

  it('saves facts with versions and answers a stale version with a conflict', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310113' });
    const first = await putProfile(baoshan, e, { risk: largeInfantFormulaProducer, creditClass: 'B' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ version: 1 });
    expect((await putProfile(baoshan, e, { risk: largeInfantFormulaProducer, creditClass: 'C', version: 1 })).json()).toEqual({ version: 2 });

    const stale = await putProfile(baoshan, e, { risk: largeInfantFormulaProducer, creditClass: 'D', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'resource.conflict', details: [] });
    expect(hasChinese(stale.json().message)).toBe(true);

    // A supervisor of another district does not learn that the enterprise exists.
    const foreign = await putProfile(minhang, e, { risk: largeInfantFormulaProducer, creditClass: 'D', version: 2 });
    expect(foreign.statusCode).toBe(404);
    const dossier = (await baoshan.get(`/api/v1/enterprises/${e.id}/risk`)).json();
    expect(dossier.profile).toMatchObject({ version: 2, creditClass: 'C', risk: largeInfantFormulaProducer, currentGrade: null });
  });
});

describe('grading over HTTP', () => {
  it('explains a grade in sentences that name the facts, and shows an override beside the computed grade', async () => {
    const e = await buildEnterprise(t.database.db, { jurisdictionCode: '310113' });
    expect((await baoshan.post(`/api/v1/enterprises/${e.id}/risk-grade/regrade`, { year: 2026 })).json()).toMatchObject({ code: 'risk.no_profile' });
    await putProfile(baoshan, e, { risk: largeInfantFormulaProducer, creditClass: null });

    const res = await baoshan.post(`/api/v1/enterprises/${e.id}/risk-grade/regrade`, { year: 2026 });
    expect(res.statusCode).toBe(200);
    const grade = res.json();
    // No inspection in 2025: the rule set's default dynamic score applies.
    const dynamicScore = ACTIVE_RISK_RULE_SET.dynamic.defaultWithoutInspection;
    const expected = gradeForScore(ACTIVE_RISK_RULE_SET, 36 + dynamicScore).grade;
    expect(grade).toMatchObject({ year: 2026, staticScore: 36, dynamicScore, totalScore: 36 + dynamicScore, grade: expected, computedGrade: expected, origin: 'regrade', isCurrent: true });
    expect(grade.explanation).toEqual(
      expect.arrayContaining([
        '【静态风险】食品类别：婴幼儿配方乳粉，计 15 分。',
        '【静态风险】业态规模：大型，计 8 分。',
        '【静态风险】原料前处理/提取：是，计 5 分。',
        '【静态风险】与普通食品共线生产：是，计 4 分。',
      ]),
    );
    expect(grade.explanation).toContain(`【动态风险】本年度无监督检查：0，计 ${dynamicScore} 分。本年度无监督检查记录，按默认动态分值 ${dynamicScore} 分计。`);
    expect(grade.explanation.at(-1)).toBe(`风险等级：${expected} 级（分值对应 ${expected} 级；上年 无，不变）。`);

    const tooShort = await baoshan.post(`/api/v1/enterprises/${e.id}/risk-grade/override`, { grade: 'D', reason: '短' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().details.map((d: { path: string }) => d.path)).toEqual(['reason']);
    const override = await baoshan.post(`/api/v1/enterprises/${e.id}/risk-grade/override`, { grade: 'D', reason: '婴幼儿配方乳粉专项整治，从严管理' });
    expect(override.statusCode).toBe(200);
    expect(override.json()).toMatchObject({ grade: 'D', computedGrade: expected, totalScore: 36 + dynamicScore, origin: 'override', overrideReason: '婴幼儿配方乳粉专项整治，从严管理' });
    expect(override.json().explanation.at(-1)).toBe('人工调整为 D 级，理由：婴幼儿配方乳粉专项整治，从严管理');

    const dossier = (await baoshan.get(`/api/v1/enterprises/${e.id}/risk`, { 'accept-language': 'en' })).json();
    expect(dossier.current).toMatchObject({ id: override.json().id, grade: 'D' });
    expect(dossier.history.map((g: { origin: string; isCurrent: boolean }) => [g.origin, g.isCurrent])).toEqual([
      ['override', true],
      ['regrade', false],
    ]);
    expect(dossier.current.explanation).toContain('[Static risk] Food category: Infant formula, 15 points.');
    expect((await baoshan.get('/api/v1/risk/summary')).json()).toMatchObject({ D: 1 });
  });
});
