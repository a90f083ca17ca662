/**
 * Publishing benchmark (issue 3 §11), run by bench/run.ts: bulk-generates 10,000 and 100,000 published
 * documents (direct SQL inserts into the tables, their denormalised copies and the search index), then prints search latency for 20
 * fixed Chinese queries on SQLite and PostgreSQL, req/s for a document page and a column list
 * (autocannon, 50 connections, one server process per engine, page cache on and off), .docx import time
 * and database size.
 *   BENCH_QUICK=1 → 10,000 only. BENCH_PG_URL / TEST_PG_URL → that server, else a throw-away one.
 *   BENCH_RUNS (default 3) measurements per figure, median reported; BENCH_SECONDS (default 10) each.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Document, Packer, Paragraph } from 'docx';
import { type Insertable, sql } from 'kysely';
import mammoth from 'mammoth';
import pg from 'pg';
import { type App, createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { migrateUp } from '../src/db/migrator.ts';
import { NO_REQUEST, systemActor } from '../src/lib/actor.ts';
import type { DocumentTable } from '../src/modules/publishing/publishing.tables.ts';
import { tokensForIndex } from '../src/modules/publishing/search/segmenter.ts';

const QUERIES = [
  '低保',
  '乡村振兴',
  '政务公开',
  '优化营商环境',
  '减税降费',
  '双随机',
  '疫情防控',
  '预算',
  '公开招聘',
  '重大建设项目',
  '行政处罚',
  '惠民惠农',
  '一件事一次办',
  '社会救助',
  '安全生产',
  '张政办发〔2022〕14号',
  '年度报告',
  '农村 低保',
  '教育 收费',
  '统计 经济运行',
];
const SIZES = process.env.BENCH_QUICK === '1' ? [10_000] : [10_000, 100_000];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ctx = { actor: systemActor('基准测试'), meta: NO_REQUEST };
export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const SUBJECTS = [
  '农村最低生活保障',
  '乡村振兴衔接资金',
  '优化营商环境',
  '减税降费政策',
  '双随机抽查',
  '疫情防控',
  '部门预算',
  '公开招聘',
  '重大建设项目',
  '行政处罚决定',
  '惠民惠农财政补贴',
  '义务教育收费',
  '安全生产检查',
  '国民经济统计',
  '政务公开工作',
];
const GENRES = ['通知', '意见', '公告', '通告', '报告', '其他'];

/** A pool of bodies segmented once (jieba is the slow part); documents reuse them. */
function bodyPool() {
  return SUBJECTS.map((s, i) => {
    const body = `<p>为做好${s}工作，现就有关事项通知如下。一、提高认识，加强领导。二、明确任务，落实责任，推进政务公开和社会救助。三、强化监督，按月报送${s}进展情况，做到应公开尽公开。</p><p>经济运行平稳，教育收费规范，一件事一次办持续推进。</p>`;
    return {
      subject: s,
      body,
      tokens: tokensForIndex(`${s} ${body.replace(/<[^>]+>/g, '')}`),
      topic: (i % 21) + 1,
    };
  });
}

export async function openApp(url: string, dataDir: string): Promise<App> {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0',
  });
  const app = createApp(config);
  await migrateUp(app.database.db);
  return app;
}

/** Units (with their template columns) and `n` published documents, inserted in batches. */
export async function generate(app: App, n: number): Promise<{ docId: number; columnId: number }> {
  const county = await app.units.createUnit(ctx, null, { kind: 'government', name: '基准县人民政府' });
  const units = [county];
  for (let i = 0; i < 9; i++)
    units.push(
      await app.units.createUnit(ctx, county.id, { kind: 'department', name: `基准县第${i + 1}局` }),
    );
  const columns = await Promise.all(
    units.map(async (u) =>
      (await app.publishing.columns.listForUnit(u.id)).filter((c) => c.kind === 'list').map((c) => c.id),
    ),
  );
  const pool = bodyPool();
  const pgEngine = app.database.dialect === 'postgres';
  const db = app.database.db;
  const BATCH = 500;
  for (let start = 0; start < n; start += BATCH) {
    await db.transaction().execute(async (trx) => {
      const rows: Insertable<DocumentTable>[] = [];
      for (let i = start; i < Math.min(n, start + BATCH); i++) {
        const p = pool[i % pool.length]!;
        const u = i % units.length;
        const year = 2016 + (i % 10);
        const day = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
        const num = i % 997 === 0 ? '张政办发〔2022〕14号' : `基政发〔${year}〕${i + 1}号`;
        rows.push({
          unit_id: units[u]!.id,
          state: 'published',
          index_number: `BENCH${u}/${year}-${String(i).padStart(6, '0')}`,
          title: `关于${p.subject}的${GENRES[i % GENRES.length]}（第${i + 1}号）`,
          topic_id: p.topic,
          genre: GENRES[i % GENRES.length]!,
          doc_number: num,
          doc_number_key: num.replace(/[〔〕号]/g, ''),
          written_on: day,
          formed_on: day,
          published_on: day,
          published_at: `${day}T02:00:00.000Z`,
          disclosure_mode: 'proactive',
          keywords_json: JSON.stringify([p.subject]),
          summary: `${p.subject}相关工作安排。`,
          source: '基准',
          body_html: p.body,
          version: 1,
          ever_published: 1,
          created_at: `${day}T02:00:00.000Z`,
          updated_at: `${day}T02:00:00.000Z`,
        });
      }
      const ids = await trx.insertInto('documents').values(rows).returning('id').execute();
      await trx
        .insertInto('document_columns')
        .values(
          ids.map((r, k) => {
            const cols = columns[(start + k) % units.length]!;
            return {
              document_id: r.id,
              column_id: cols[(start + k) % cols.length]!,
              published_at: rows[k]!.published_at,
            };
          }),
        )
        .execute();
      await trx
        .insertInto('document_issuers')
        .values(
          ids.map((r, k) => ({
            document_id: r.id,
            position: 0,
            name: units[(start + k) % units.length]!.name,
          })),
        )
        .execute();
      const tokens = ids.map((_r, k) => {
        const i = start + k;
        return `${tokensForIndex(rows[k]!.title)} ${rows[k]!.doc_number_key ?? ''} ${pool[i % pool.length]!.tokens}`;
      });
      if (pgEngine)
        await trx
          .insertInto('document_search')
          .values(
            ids.map((r, k) => ({
              document_id: r.id,
              tsv: sql`to_tsvector('simple', ${tokens[k]!})`,
              title: rows[k]!.title,
              published_at: rows[k]!.published_at,
              published_on: rows[k]!.published_on,
              unit_id: rows[k]!.unit_id,
              topic_id: rows[k]!.topic_id,
              genre: rows[k]!.genre,
            })),
          )
          .execute();
      else
        await trx
          .insertInto('document_fts')
          .values(ids.map((r, k) => ({ rowid: r.id, tokens: tokens[k]! })))
          .execute();
    });
  }
  await sql`analyze`.execute(db);
  const first = columns[1]![0]!;
  const mid = await db
    .selectFrom('documents')
    .select('id')
    .orderBy('id')
    .offset(Math.floor(n / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  return { docId: mid.id, columnId: first };
}

export async function searchLatency(app: App) {
  for (const q of QUERIES) await app.publishing.search.search({ q }); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 5; round++)
    for (const q of QUERIES) {
      const t0 = performance.now();
      await app.publishing.search.search({ q, sort: round % 2 ? 'date' : 'relevance' });
      times.push(performance.now() - t0);
    }
  return { median: pct(times, 0.5), p95: pct(times, 0.95) };
}

/**
 * req/s of each path against one `gongkai serve` process: a warm-up, then BENCH_RUNS measurements
 * (median and all runs). `pageCache: false` sets PUBLIC_PAGE_CACHE_MB=0 (every request rendered).
 */
export async function rps(dbUrl: string, dataDir: string, paths: string[], pageCache: boolean) {
  const port = 4000 + Math.floor(Math.random() * 900);
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-0',
      DEMO_MODE: '0',
      JOBS_ENABLED: '0',
      PUBLIC_PAGE_CACHE_MB: pageCache ? '32' : '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const out: Record<string, number[]> = {};
  for (const p of paths) {
    await autocannon({ url: base + p, connections: 50, duration: 2 });
    out[p] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await autocannon({ url: base + p, connections: 50, duration: SECONDS });
      if (r.non2xx) throw new Error(`${p}: ${r.non2xx} non-2xx`);
      out[p].push(r.requests.average);
    }
  }
  await new Promise<void>((r) => child.once('exit', () => r()).kill('SIGTERM'));
  return out;
}

async function docxImport(): Promise<number> {
  const text = readFileSync('test/fixtures/seeds/003_b7eafef4efe96bfa.txt', 'utf8');
  const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph(l)) }] });
  const buf = await Packer.toBuffer(doc);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await mammoth.convertToHtml({ buffer: buf });
    times.push(performance.now() - t0);
  }
  return pct(times, 0.5);
}

async function pgAdminUrl(): Promise<{ url: string; stop: () => void }> {
  const given = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;
  if (given) return { url: given, stop: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-pg-'));
  const url = execFileSync('bash', ['scripts/pg-test-server.sh', 'start', dir], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  return { url, stop: () => execFileSync('bash', ['scripts/pg-test-server.sh', 'stop', dir]) };
}

/** Prints the req/s of the document page and the column list, with the page cache on and off. */
async function printRps(label: string, dbUrl: string, dataDir: string, paths: string[]) {
  for (const pageCache of [true, false]) {
    const r = await rps(dbUrl, dataDir, paths, pageCache);
    for (const [p, runs] of Object.entries(r))
      console.log(
        `${label} ${p}: ${pct(runs, 0.5).toFixed(0)} req/s, median of ${runs.length} [${runs.map((v) => v.toFixed(0)).join(', ')}] (page cache ${pageCache ? 'on' : 'off'}, 50 connections, ${SECONDS} s)`,
      );
  }
}

/** Runs the whole publishing benchmark and prints one line per figure. */
export async function runPublishingBench(): Promise<void> {
  console.log(
    `.docx import (mammoth, seed 003 as .docx), median of 5: ${(await docxImport()).toFixed(1)} ms`,
  );
  for (const n of SIZES) {
    const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-pub-'));
    const file = path.join(dir, 'bench.sqlite');
    const app = await openApp(`sqlite:${file}`, dir);
    const t0 = performance.now();
    const { docId, columnId } = await generate(app, n);
    console.log(`[sqlite ${n}] generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const s = await searchLatency(app);
    console.log(
      `[sqlite ${n}] search, 20 queries × 5: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
    );
    await app.close();
    console.log(`[sqlite ${n}] database size ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`);
    await printRps(`[sqlite ${n}]`, `sqlite:${file}`, dir, [`/documents/${docId}`, `/columns/${columnId}`]);
    rmSync(dir, { recursive: true, force: true });
  }
  const admin = await pgAdminUrl();
  try {
    for (const n of SIZES) {
      const name = `gk_bench_${n}_${process.pid}`;
      const c = new pg.Client({ connectionString: admin.url });
      await c.connect();
      await c.query(`create database ${name}`);
      const url = admin.url.replace(/\/[^/]*$/, `/${name}`);
      const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-pub-'));
      const app = await openApp(url, dir);
      const t0 = performance.now();
      const { docId, columnId } = await generate(app, n);
      console.log(`[postgres ${n}] generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const s = await searchLatency(app);
      console.log(
        `[postgres ${n}] search, 20 queries × 5: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`,
      );
      const size = await sql<{ s: string }>`select pg_database_size(current_database())::text as s`.execute(
        app.database.db,
      );
      console.log(`[postgres ${n}] database size ${(Number(size.rows[0]!.s) / 1024 / 1024).toFixed(1)} MB`);
      await app.close();
      await printRps(`[postgres ${n}]`, url, dir, [`/documents/${docId}`, `/columns/${columnId}`]);
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    admin.stop();
  }
}
