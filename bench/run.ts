/**
 * `npm run bench`: start-up time and home-page throughput on the embedded default (SQLite).
 * Not a test: it prints figures. The machine is small and noisy, so compare ratios within a run.
 *   BENCH_RUNS (default 3) cold starts; BENCH_SECONDS (default 10) of load per endpoint.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not start');
}

/** Starts `gongkai serve`; returns ms until /healthz answers, and a stop function. */
async function startServer(dataDir: string, port: number) {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/gongkai.js', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(`http://127.0.0.1:${port}`, Date.now() + 60_000);
  const ms = performance.now() - t0;
  const stop = () => new Promise<void>((r) => child.once('exit', () => r()).kill('SIGTERM'));
  return { ms, stop };
}

async function load(url: string): Promise<{ rps: number; p50: number; p99: number }> {
  const r = await autocannon({ url, connections: 50, duration: SECONDS });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx responses`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

const port = 3900 + Math.floor(Math.random() * 90);
const firstStarts: number[] = [];
const warmStarts: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-'));
  const first = await startServer(dir, port);
  firstStarts.push(first.ms);
  await first.stop();
  const again = await startServer(dir, port);
  warmStarts.push(again.ms);
  await again.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `cold start, first run (migrate + demo data), median of ${RUNS}: ${median(firstStarts).toFixed(0)} ms  [${firstStarts.map((x) => x.toFixed(0)).join(', ')}]`,
);
console.log(
  `cold start, existing data, median of ${RUNS}: ${median(warmStarts).toFixed(0)} ms  [${warmStarts.map((x) => x.toFixed(0)).join(', ')}]`,
);

const dir = mkdtempSync(path.join(tmpdir(), 'gk-bench-'));
const server = await startServer(dir, port);
const base = `http://127.0.0.1:${port}`;
for (const [name, url] of [
  ['home page /', `${base}/`],
  ['unit page /units/2', `${base}/units/2`],
  ['/healthz (floor)', `${base}/healthz`],
] as const) {
  await load(url); // warm-up
  const r = await load(url);
  console.log(
    `${name}: ${r.rps.toFixed(0)} req/s (50 connections, ${SECONDS} s), latency p50 ${r.p50} ms, p99 ${r.p99} ms`,
  );
}
await server.stop();
rmSync(dir, { recursive: true, force: true });

// Publishing: search latency, document page and column list throughput, .docx import, database size.
const { runPublishingBench } = await import('./publishing.ts');
await runPublishingBench();

// 年度报告 at province scale: the dashboard of 1,000 units, 100,000 cases, 300,000 documents.
const { runReportsScaleBench } = await import('./reports-scale.ts');
await runReportsScaleBench();

// 政策问答 box: recall@3, correct citations, declined unanswerable questions, latency (alone: npx tsx bench/answers.ts).
await (await import('./answers.ts')).runAnswersBench();
