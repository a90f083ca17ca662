/**
 * The PostgreSQL (or SQLite) read path at one size, quickly, on a database kept between runs, so that a
 * change can be measured before and after on the same data (docs/performance.md):
 *   BENCH_DB_URL=postgres://…/gk_read  npx tsx bench/read-path.ts generate   (creates the documents)
 *   BENCH_DB_URL=postgres://…/gk_read  npx tsx bench/read-path.ts measure    (migrates, then measures)
 * BENCH_N (default 100,000) documents; `measure` prints search median/p95 over the 20 fixed queries
 * (5 rounds, three times) and req/s of the document page and the column list with PUBLIC_PAGE_CACHE_MB=0
 * (every request rendered; median of BENCH_RUNS × BENCH_SECONDS). BENCH_SKIP_RPS=1 → search only.
 * The PostgreSQL database named in the URL is created by `generate` if missing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { generate, openApp, pct, rps, searchLatency } from './publishing.ts';

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error('BENCH_DB_URL is required');
const n = Number(process.env.BENCH_N ?? 100_000);
const dataDir = process.env.BENCH_DATA_DIR ?? path.join('/tmp', `gk-read-path-${n}`);
const stateFile = path.join(dataDir, 'ids.json');
mkdirSync(dataDir, { recursive: true });

if (process.argv[2] === 'generate') {
  if (url.startsWith('postgres')) {
    const c = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    await c.connect();
    await c.query(`create database ${url.replace(/^.*\//, '')}`);
    await c.end();
  }
  const app = await openApp(url, dataDir);
  const t0 = performance.now();
  const ids = await generate(app, n);
  console.log(`generated ${n} in ${((performance.now() - t0) / 1000).toFixed(1)} s`, ids);
  writeFileSync(stateFile, JSON.stringify(ids));
  await app.close();
} else {
  const { docId, columnId } = JSON.parse(readFileSync(stateFile, 'utf8')) as {
    docId: number;
    columnId: number;
  };
  const app = await openApp(url, dataDir);
  const searches = [];
  for (let i = 0; i < 3; i++) searches.push(await searchLatency(app));
  await app.close();
  for (const s of searches)
    console.log(`search: median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`);
  if (process.env.BENCH_SKIP_RPS !== '1') {
    const r = await rps(url, dataDir, [`/documents/${docId}`, `/columns/${columnId}`], false);
    for (const [p, runs] of Object.entries(r))
      console.log(
        `${p} (page cache off): ${pct(runs, 0.5).toFixed(0)} req/s [${runs.map((v) => v.toFixed(0)).join(', ')}]`,
      );
  }
}
