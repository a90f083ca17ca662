/**
 * A hand-computed library for the figures and 解读 rates tests (table 二, 解读率 …). The documents go through
 * the normal publishing flow (kinds 'normative' / 'regulation' / 'interpretation'); the entry each one's
 * published hook wrote is replaced here by a row stating the fixture's own dates and certainty;
 * 解读s are linked with `relations.addRelation`, validity events recorded with `policies.ledger`.
 *
 * Today is 2027-01-15 once built, so the year 2026 is complete (现行有效 counted on 2026-12-31).
 *
 * County 示范 (C) — its own documents:
 *   N1 normative, 公布 2026-01-01 (first day of the year)            issued · in force
 *   N2 normative, 公布 2026-03-10, 废止 2026-12-31 (last day)        issued · repealed · not in force
 *   N3 normative, 公布 2026-04-01, 有效期至 2026-09-30, 失效 event   issued · NOT repealed · not in force
 *   N4 normative, 公布 2026-06-01, 废止 recorded then cancelled,     issued · in force
 *      无需解读的理由 recorded (exempted from the rates)
 *   N5 normative, 公布 2025-12-31 (last year), 废止 2027-01-01         in force on 2026-12-31
 *   N6 normative, imported 2020-05-01, presumed 有效, no events      in force (presumed)
 *   R1 regulation, 公布 2026-02-01, 宣布失效 2026-11-01              issued · repealed · not in force
 * Department D under C:
 *   D1 normative, 公布 2026-05-01                                     counted only with the subtree
 *
 * Table 二 of C for 2026 (own): 规章 1 / 1 / 0; 行政规范性文件 4 (N1–N4) / 1 (N2) / 4 (N1, N4, N5, N6).
 * With the subtree: 行政规范性文件 5 / 1 / 5.
 *
 * 解读s (published unless said; due = 3 working days after 公布, 公布日 not counted):
 *   N1 (due 2026-01-06: 1–3 Jan 元旦, 4 Jan a make-up working day): 文字 on 01-01 by the 主要负责人,
 *      图解 on 01-05 → timely, 2 forms
 *   N2 (due 2026-03-13): 问答 on 03-16 → late
 *   N3 (due 2026-04-07: 4–6 Apr 清明 not counted): 文字 on 04-07 → timely only because of the holiday
 *   R1 (due 2026-02-04): a 解读 left as a draft → not interpreted
 *   N4 exempted; N5, N6 not published in 2026.
 * Rates of C for 2026: 解读率 3 ÷ 4 (N1, N2, N3 of N1, N2, N3, R1) = 75.0% < 90% → not met;
 *   及时率 2 ÷ 4 = 50.0%; ≥ 2 forms 1 ÷ 4 (N1); 主要负责人 1 ÷ 4 (N1).
 * Q1 2026 (01-01 to 03-31): N1, N2, R1 → 解读率 2 ÷ 3, 及时率 1 ÷ 3.
 */
import type { Unit } from '../../src/db/schema.ts';
import { SYSTEM } from './factories.ts';
import { buildStaff, documentInput, publishDocument, type Staff } from './publishing.ts';
import type { TestApp } from './test-app.ts';

const at = (day: string) => new Date(`${day}T02:00:00Z`);
/** Distinct 发文字号 (a deterministic serial: random ones could collide). */
let serial = 0;

export interface FiguresFixture {
  county: Unit;
  dept: Unit;
  staff: Staff;
  ids: Record<'N1' | 'N2' | 'N3' | 'N4' | 'N5' | 'N6' | 'R1' | 'D1', number>;
  interpretations: Record<'N1text' | 'N1graphic' | 'N2qa' | 'N3text' | 'R1draft', number>;
}

/** Publishes a policy on `day` and files its library entry by hand. */
async function policy(
  app: TestApp,
  unit: Unit,
  staff: Staff,
  p: {
    kind: 'normative' | 'regulation';
    title: string;
    day: string;
    expiresOn?: string;
    noInterpretationReason?: string;
    presumed?: boolean;
  },
): Promise<number> {
  app.clock.set(at(p.day));
  const id = await publishDocument(app.publishing, unit, staff, {
    kind: p.kind,
    title: p.title,
    writtenOn: p.day,
    formedOn: p.day,
    docNumber: `示政发〔${p.day.slice(0, 4)}〕${++serial}号`,
    'meta.publishedOn': p.day,
    'meta.expiresOn': p.expiresOn ?? '',
    'meta.interpretationPlan': p.noInterpretationReason ? '' : '同步发布文字解读和图解',
    'meta.noInterpretationReason': p.noInterpretationReason ?? '',
  });
  const now = at(p.day).toISOString();
  // The published hook has written the entry already; the fixture states its own dates and certainty.
  await app.db.deleteFrom('policy_entries').where('document_id', '=', id).execute();
  await app.db
    .insertInto('policy_entries')
    .values({
      document_id: id,
      unit_id: unit.id,
      kind: p.kind,
      title: p.title,
      doc_number: null,
      issuers: unit.name,
      registration_number: null,
      published_on: p.day,
      effective_on: p.presumed ? null : p.day,
      expires_on: p.expiresOn ?? null,
      expiry_source: p.expiresOn ? 'metadata' : 'none',
      topic_id: null,
      state: 'in_force',
      certainty: p.presumed ? 'presumed' : 'official',
      state_since: p.day,
      no_interpretation_reason: p.noInterpretationReason ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A 解读 of `policyId` with its form, published on `day` (or left as a draft). */
async function interpretation(
  app: TestApp,
  unit: Unit,
  staff: Staff,
  policyId: number,
  p: { title: string; day: string; form: string; byPrincipal?: boolean; draft?: boolean },
): Promise<number> {
  app.clock.set(at(p.day));
  const pub = app.publishing;
  const draft = await pub.documents.createDraft(
    staff.clerk,
    unit.id,
    documentInput({
      kind: 'interpretation',
      title: p.title,
      writtenOn: p.day,
      formedOn: p.day,
      docNumber: '',
      'meta.form': p.form,
      'meta.interpreter': p.byPrincipal ? '县长 张某' : '县司法局',
      'meta.byPrincipal': p.byPrincipal ? 'yes' : 'no',
    }),
  );
  await pub.relations.addRelation(staff.clerk, draft.id, {
    type: 'interpretation_of',
    toId: String(policyId),
  });
  if (!p.draft) {
    await pub.review.submit(staff.clerk, draft.id);
    await pub.review.reviewConfidentiality(staff.confidentiality, draft.id, { conclusion: 'disclose' });
    await pub.review.approve(staff.reviewer, draft.id);
  }
  return draft.id;
}

const record = (app: TestApp, id: number, raw: Record<string, unknown>) =>
  app.policies.ledger.record(SYSTEM, id, raw);

export async function buildFiguresFixture(app: TestApp, county: Unit, dept: Unit): Promise<FiguresFixture> {
  const staff = await buildStaff(app, county);
  const deptStaff = await buildStaff(app, dept);
  const n = (title: string, day: string, more: Partial<Parameters<typeof policy>[3]> = {}) =>
    policy(app, county, staff, { kind: 'normative', title, day, ...more });
  const ids = {
    N5: await n('关于规范农村集体资产管理的意见', '2025-12-31'),
    N6: await n('示范县城乡居民医疗救助办法', '2020-05-01', { presumed: true }),
    N1: await n('示范县养老服务补贴管理办法', '2026-01-01'),
    R1: await policy(app, county, staff, {
      kind: 'regulation',
      title: '示范县市容管理规定',
      day: '2026-02-01',
    }),
    N2: await n('示范县农村低保实施细则', '2026-03-10'),
    N3: await n('示范县春耕补贴暂行办法', '2026-04-01', { expiresOn: '2026-09-30' }),
    D1: await policy(app, dept, deptStaff, {
      kind: 'normative',
      title: '发改局价格监测办法',
      day: '2026-05-01',
    }),
    N4: await n('示范县机关公文处理细则', '2026-06-01', {
      noInterpretationReason: '机关内部工作规范，不涉及公众权利义务',
    }),
  };
  const i = (policyId: number, p: Parameters<typeof interpretation>[4]) =>
    interpretation(app, county, staff, policyId, p);
  const interpretations = {
    N1text: await i(ids.N1, {
      title: '县长解读养老服务补贴管理办法',
      day: '2026-01-01',
      form: 'text',
      byPrincipal: true,
    }),
    N1graphic: await i(ids.N1, { title: '一图读懂养老服务补贴管理办法', day: '2026-01-05', form: 'graphic' }),
    R1draft: await i(ids.R1, {
      title: '市容管理规定解读（草稿）',
      day: '2026-02-02',
      form: 'text',
      draft: true,
    }),
    N2qa: await i(ids.N2, { title: '农村低保实施细则问答', day: '2026-03-16', form: 'qa' }),
    N3text: await i(ids.N3, { title: '春耕补贴暂行办法解读', day: '2026-04-07', form: 'text' }),
  };
  app.clock.set(at('2027-01-15'));
  const repeal = { sourceTitle: '示范县人民政府关于废止部分规范性文件的决定' };
  await record(app, ids.N2, { type: 'repealed', occursOn: '2026-12-31', ...repeal });
  await record(app, ids.N3, { type: 'expired', occursOn: '2026-10-01' });
  const wrong = await record(app, ids.N4, { type: 'repealed', occursOn: '2026-08-01', ...repeal });
  await app.policies.ledger.cancel(SYSTEM, wrong, { reason: '误录' });
  await record(app, ids.N5, { type: 'repealed', occursOn: '2027-01-01', ...repeal });
  await record(app, ids.R1, { type: 'declared_invalid', occursOn: '2026-11-01', ...repeal });
  return { county, dept, staff, ids, interpretations };
}
