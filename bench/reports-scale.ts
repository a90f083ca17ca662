/**
 * 年度报告 at province scale (issue 12 §8), run by bench/run.ts or alone (`npx tsx bench/reports-scale.ts`):
 * builds a province — 1,000 units (the province, 27 counties, each with 24 departments and 12 townships),
 * 100,000 依申请公开 cases over three years (2 % with a 复议/诉讼, 1 % with a fee), 300,000 published
 * documents of which 30,000 are in the 规范性文件库, entered figures for every unit and reports in mixed
 * states — by inserting rows directly in batches, then prints the median of 5 runs of the dashboard of
 * the province's subtree (ReportDashboardService.rows: figures of every unit by the batch, last year's
 * figures, statuses, checks, deadlines, reminders) and of the batch figures alone, and for comparison
 * the per-unit `compute` over 50 units (extrapolated to 1,000).
 *   SQLite in a temp dir; PostgreSQL too when BENCH_PG_URL / TEST_PG_URL names a server.
 *   BENCH_REPORT_CASES / BENCH_REPORT_DOCS change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Insertable, type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { App } from '../src/app.ts';
import type { DB, Unit } from '../src/db/schema.ts';
import type { DocumentTable } from '../src/modules/publishing/publishing.tables.ts';
import type { InfoRequestTable } from '../src/modules/requests/info-request.tables.ts';
import { openApp } from './publishing.ts';

const UNITS_PER_COUNTY = { department: 24, township: 12 };
const COUNTIES = 27;
const CASES = Number(process.env.BENCH_REPORT_CASES ?? 100_000);
const DOCS = Number(process.env.BENCH_REPORT_DOCS ?? 300_000);
const LIBRARY_SHARE = 10; // one document in 10 is a 规章 / 行政规范性文件
const RUNS = 5;
const BATCH = 400;
const CATEGORIES = ['natural_person', 'natural_person', 'natural_person', 'commercial', 'research', 'other'];
const DECISIONS = ['granted', 'granted', 'partial', 'withheld_third_party', 'unavailable_not_held', null];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** A small deterministic generator, so every run builds the same province. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (year: number, r: () => number) =>
  `${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function insertUnit(db: Kysely<DB>, parent: Unit | null, kind: string, name: string, code: string) {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('units')
    .values({
      parent_id: parent?.id ?? null,
      path: '/',
      depth: parent ? parent.depth + 1 : 0,
      kind,
      name,
      code,
      credit_code_legacy: 0,
      sort_order: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = `${parent?.path ?? '/'}${id}/`;
  await db.updateTable('units').set({ path: p }).where('id', '=', id).execute();
  return (await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirstOrThrow()) as Unit;
}

async function inBatches<T>(n: number, make: (i: number) => T, write: (rows: T[]) => Promise<void>) {
  for (let start = 0; start < n; start += BATCH) {
    const rows: T[] = [];
    for (let i = start; i < Math.min(n, start + BATCH); i++) rows.push(make(i));
    await write(rows);
  }
}

/** The province: units, cases, documents, library entries, values and reports. */
export async function buildProvince(app: App, year: number): Promise<Unit> {
  const db = app.database.db;
  const root = await insertUnit(db, null, 'government', '基准省人民政府', 'BENCH-P');
  const units: Unit[] = [root];
  await db.transaction().execute(async (trx) => {
    for (let c = 0; c < COUNTIES; c++) {
      const county = await insertUnit(trx, root, 'government', `基准省第${c + 1}县人民政府`, `BENCH-C${c}`);
      units.push(county);
      for (const [kind, n] of Object.entries(UNITS_PER_COUNTY))
        for (let k = 0; k < n; k++)
          units.push(
            await insertUnit(
              trx,
              county,
              kind,
              `第${c + 1}县${kind === 'township' ? '镇' : '局'}${k + 1}`,
              `BENCH-C${c}-${kind}${k}`,
            ),
          );
    }
  });
  const r = prng(12);
  const now = new Date().toISOString();
  // Cases received in year − 1 … year + 1; most concluded within a month.
  const caseIds: { id: number; received: string }[] = [];
  await inBatches(
    CASES,
    (i): Insertable<InfoRequestTable> => {
      const received = dayOf(year - 1 + Math.floor(r() * 3), r);
      const decision = DECISIONS[Math.floor(r() * DECISIONS.length)] ?? null;
      const answered = decision ? addDays(received, 5 + Math.floor(r() * 30)) : null;
      const unit = units[1 + Math.floor(r() * (units.length - 1))]!;
      return {
        unit_id: unit.id,
        reference: `BENCH-${i}`,
        serial_year: Number(received.slice(0, 4)),
        lookup_code_hash: `h${i}`,
        lookup_code_enc: 'x',
        state: answered ? 'answered' : 'accepted',
        channel: 'online',
        applicant_kind: 'person',
        report_category: CATEGORIES[Math.floor(r() * CATEGORIES.length)]!,
        applicant_enc: 'x',
        delivery_method: 'electronic',
        carrier: 'email',
        submitted_at: `${received}T02:00:00.000Z`,
        received_on: received,
        decision,
        answered_on: answered,
        created_at: now,
        updated_at: now,
      };
    },
    async (rows) => {
      const ids = await db.insertInto('info_requests').values(rows).returning('id').execute();
      for (const [k, x] of ids.entries()) caseIds.push({ id: x.id, received: rows[k]!.received_on! });
    },
  );
  const appeals = caseIds.filter((_, i) => i % 50 === 0);
  await inBatches(
    appeals.length,
    (i) => ({
      request_id: appeals[i]!.id,
      kind: ['review', 'litigation_direct', 'litigation_after_review'][i % 3]!,
      filed_on: addDays(appeals[i]!.received, 40),
      body: '不服答复',
      result: ['upheld', 'corrected', 'other', 'pending'][i % 4]!,
      concluded_on: i % 4 === 3 ? null : addDays(appeals[i]!.received, 100),
      created_at: now,
    }),
    async (rows) => void (await db.insertInto('info_request_appeals').values(rows).execute()),
  );
  const fees = caseIds.filter((_, i) => i % 100 === 7);
  await inBatches(
    fees.length,
    (i) => {
      const paid = addDays(fees[i]!.received, 10);
      return {
        request_id: fees[i]!.id,
        method: 'per_item',
        quantity: 11,
        amount_fen: 10000,
        breakdown: '[]',
        notice_on: paid,
        pay_by: paid,
        paid_on: paid,
        status: 'paid',
        created_at: now,
      };
    },
    async (rows) => void (await db.insertInto('info_request_fees').values(rows).execute()),
  );
  // Documents; one in LIBRARY_SHARE filed in the library as a 规章 or 行政规范性文件.
  await inBatches(
    DOCS,
    (i): Insertable<DocumentTable> => {
      const day = dayOf(year - 3 + Math.floor(r() * 4), r);
      return {
        unit_id: units[Math.floor(r() * units.length)]!.id,
        state: 'published',
        index_number: `BENCH/${i}`,
        title: `基准文件第${i + 1}号`,
        genre: '通知',
        written_on: day,
        formed_on: day,
        published_on: day,
        published_at: `${day}T02:00:00.000Z`,
        disclosure_mode: 'proactive',
        keywords_json: '[]',
        summary: '基准',
        source: '基准',
        body_html: '<p>基准</p>',
        version: 1,
        ever_published: 1,
        created_at: now,
        updated_at: now,
      };
    },
    async (rows) => {
      const ids = await db.insertInto('documents').values(rows).returning('id').execute();
      const entries = ids.flatMap((x, k) =>
        x.id % LIBRARY_SHARE === 0
          ? [
              {
                document_id: x.id,
                unit_id: rows[k]!.unit_id,
                kind: x.id % 30 === 0 ? 'regulation' : 'normative',
                title: rows[k]!.title,
                doc_number: `基发〔${rows[k]!.published_on!.slice(0, 4)}〕${x.id}号`,
                published_on: rows[k]!.published_on!,
                effective_on: rows[k]!.published_on!,
                expires_on: x.id % 20 === 0 ? addDays(rows[k]!.published_on!, 700) : null,
                expiry_source: x.id % 20 === 0 ? 'metadata' : 'none',
                state: 'in_force',
                certainty: 'certain',
                created_at: now,
                updated_at: now,
              },
            ]
          : [],
      );
      if (entries.length) await db.insertInto('policy_entries').values(entries).execute();
    },
  );
  // Entered figures of every unit; reports: 40 % drafts, 20 % published, the rest not started.
  const cells = ['table2.行政许可', 'table2.行政处罚', 'table2.行政强制', 'table2.行政事业性收费'];
  await inBatches(
    units.length * cells.length,
    (i) => ({
      unit_id: units[Math.floor(i / cells.length)]!.id,
      year,
      cell: cells[i % cells.length]!,
      value: String(i % 97),
      origin: 'entered',
      import_id: null,
      entered_by: null,
      entered_at: now,
    }),
    async (rows) => void (await db.insertInto('annual_report_values').values(rows).execute()),
  );
  const sections = JSON.stringify({
    overview: '总体情况。',
    proactive: '',
    requests: '',
    appeals: '',
    problems: '问题。',
    other: '其他。',
  });
  const started = units.filter((_, i) => i % 5 < 3);
  await inBatches(
    started.length,
    (i) => ({
      unit_id: started[i]!.id,
      year,
      status: i % 3 === 2 ? 'published' : 'draft',
      sections,
      figures: null,
      document_id: null,
      created_by: null,
      created_at: now,
      updated_by: null,
      updated_at: now,
      submitted_at: null,
      published_on: i % 3 === 2 ? `${year + 1}-01-20` : null,
    }),
    async (rows) => void (await db.insertInto('annual_reports').values(rows).execute()),
  );
  await sql`analyze`.execute(db);
  return root;
}

async function measure(label: string, app: App, root: Unit, year: number) {
  const units = (await app.units.listSubtree(root.path)).filter((u) => u.active);
  const time = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  await app.reports.dashboard.rows(units, year); // warm-up
  const dashboard: number[] = [];
  const batch: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    dashboard.push(await time(() => app.reports.dashboard.rows(units, year)));
    batch.push(await time(() => app.reports.batch.computeMany(units, year)));
  }
  const sample = units.slice(0, 50);
  const perUnit = await time(async () => {
    for (const u of sample) await app.reports.figures.compute(u, year);
  });
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(
    `${label} dashboard of ${units.length} units (rows: batch figures of ${year} and ${year - 1}, statuses, checks, deadlines), median of ${RUNS}: ${median(dashboard).toFixed(0)} ms  [${list(dashboard)}]`,
  );
  console.log(
    `${label} batch figures of ${units.length} units (computeMany), median of ${RUNS}: ${median(batch).toFixed(0)} ms  [${list(batch)}]`,
  );
  console.log(
    `${label} per-unit compute, 50 units: ${perUnit.toFixed(0)} ms (≈ ${((perUnit / 50) * units.length).toFixed(0)} ms for ${units.length})`,
  );
}

export async function runReportsScaleBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-reports-'));
  try {
    const app = await openApp(`sqlite:${path.join(dir, 'bench.sqlite')}`, dir);
    const year = app.reports.reports.latestYear();
    const t0 = performance.now();
    const root = await buildProvince(app, year);
    console.log(
      `[sqlite reports] province built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${CASES} cases, ${DOCS} documents)`,
    );
    await measure('[sqlite reports]', app, root, year);
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const admin = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;
  if (!admin) return console.log('[postgres reports] skipped: set BENCH_PG_URL or TEST_PG_URL');
  const name = `gk_bench_reports_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  const pgDir = mkdtempSync(path.join(tmpdir(), 'gk-bench-reports-'));
  try {
    const app = await openApp(admin.replace(/\/[^/]*$/, `/${name}`), pgDir);
    const year = app.reports.reports.latestYear();
    const t0 = performance.now();
    const root = await buildProvince(app, year);
    console.log(`[postgres reports] province built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await measure('[postgres reports]', app, root, year);
    await app.close();
  } finally {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    rmSync(pgDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runReportsScaleBench();
