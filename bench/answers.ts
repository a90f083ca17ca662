/**
 * 问答 box evaluation (issue 14 §3), run by bench/run.ts or alone: `npx tsx bench/answers.ts`.
 * Builds a throw-away SQLite site with the demo data plus every corpus page the evaluation set refers
 * to (imported as a published document of the county government), asks every question and prints
 * recall@3 (an expected source among the first 3 items' citations — or, for a source no longer in force,
 * among the first 3 under 历史文件), the share answered with a correct citation (the expected document, and
 * its article when given, among those 3), the share
 * of unanswerable questions declined, citations of not-in-force documents shown as in force (must be 0),
 * and the answer latency median / p95 (index built before timing). Figures: docs/qa-answers.md.
 *   BENCH_ANSWER_EVAL=<file> → that set, else test/data/answer-eval.json, else the 10-question sample.
 *   BENCH_CORPUS=<dir> → corpus root (default ../shared/corpus beside the repository).
 *   BENCH_THRESHOLDS=0.34,0.5,0.67 → also report each coverage threshold (choosing ANSWER_MIN_COVERAGE).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemo } from '../src/db/seeds/demo.ts';
import type { AnswerItem } from '../src/modules/qa/answers/answer.model.ts';
import { buildStaff, publishDocument } from '../test/support/publishing.ts';
import { createTestApp } from '../test/support/test-app.ts';

interface Expected {
  docNumber?: string;
  title?: string;
  article?: string;
}
interface EvalItem {
  id: string;
  question: string;
  expect: { sources: Expected[]; notInForce?: string[] } | { unanswerable: true };
  origin: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fold = (s: string) => s.normalize('NFKC').replace(/[\s〔〕[\]()（）【】]/g, '');

function evalSet(): { file: string; items: EvalItem[] } {
  const candidates = [
    process.env.BENCH_ANSWER_EVAL,
    path.join(root, 'test/data/answer-eval.json'),
    path.join(root, 'test/data/answer-eval.sample.json'),
  ];
  const file = candidates.find((f): f is string => !!f && existsSync(f));
  if (!file) throw new Error('no evaluation set');
  return { file, items: JSON.parse(readFileSync(file, 'utf8')) as EvalItem[] };
}

/**
 * A corpus page as a document: its title is the one the evaluation set names for it when the page
 * contains it (the set was written with the page's own title), else its first line after the address.
 */
function corpusDocument(file: string, items: EvalItem[], origin: string) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.join('\n');
  const named = items
    .filter((i) => i.origin === origin && 'sources' in i.expect)
    .flatMap((i) => ('sources' in i.expect ? i.expect.sources : []))
    .map((s) => s.title)
    .find((t): t is string => !!t);
  const title = named ?? lines[0]?.slice(0, 100) ?? origin;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return {
    title,
    bodyHtml: lines.map((l) => `<p>${esc(l)}</p>`).join(''),
    inText: fold(text).includes(fold(title)),
  };
}

const cites = (r: { items: readonly AnswerItem[] }, e: Expected, n = 3, withArticle = false) =>
  r.items
    .slice(0, n)
    .some((i) =>
      i.citations.some(
        (c) =>
          ((e.docNumber && c.docNumber && fold(c.docNumber) === fold(e.docNumber)) ||
            (e.title && fold(c.title) === fold(e.title))) &&
          (!withArticle || !e.article || c.article === e.article),
      ),
    );

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

export async function runAnswersBench(): Promise<void> {
  const { file, items } = evalSet();
  const corpusRoot = process.env.BENCH_CORPUS ?? path.resolve(root, '../shared/corpus');
  const app = await createTestApp({ now: new Date().toISOString() });
  try {
    const t0 = performance.now();
    await seedDemo(app, () => {});
    const county = (await app.units.activeUnits())[0]!;
    const staff = await buildStaff(app, county);
    let imported = 0;
    const skipped: string[] = [];
    for (const origin of new Set(items.map((i) => i.origin).filter((o) => o.startsWith('corpus:')))) {
      const f = path.join(corpusRoot, origin.slice('corpus:'.length));
      if (!existsSync(f)) {
        skipped.push(`${origin} (missing)`);
        continue;
      }
      const doc = corpusDocument(f, items, origin);
      try {
        await publishDocument(app.publishing, county, staff, {
          title: doc.title,
          docNumber: '',
          keywords: '',
          summary: '',
          issuers: county.name,
          bodyHtml: doc.bodyHtml,
        });
        imported++;
      } catch (e) {
        skipped.push(
          `${origin} (${(e as { problems?: { message: string }[] }).problems?.map((p) => p.message).join('；') ?? String(e)})`,
        );
      }
    }
    const box = app.qa.answers.box;
    const tb = performance.now();
    const corpus = await box.corpus();
    const buildMs = performance.now() - tb;
    console.log(
      `answers: demo site + ${imported} corpus pages in ${((tb - t0) / 1000).toFixed(1)} s; index of ${corpus.items.length} items (${corpus.entries.size} 问答 entries, ${corpus.passages.size} passages of ${corpus.documents.size} documents) built in ${buildMs.toFixed(0)} ms`,
    );
    if (skipped.length) console.log(`answers: corpus pages not imported: ${skipped.join(', ')}`);
    const thresholds = (process.env.BENCH_THRESHOLDS ?? '').split(',').filter(Boolean).map(Number);
    for (const minCoverage of [undefined, ...thresholds]) {
      const latencies: number[] = [];
      let answerable = 0;
      let recall3 = 0;
      let correct = 0;
      let unanswerable = 0;
      let declined = 0;
      let falseInForce = 0;
      let inHistory = 0;
      const misses: string[] = [];
      for (const it of items) {
        const s = performance.now();
        const r = await box.ask({ q: it.question, minCoverage, includeHistory: true });
        latencies.push(performance.now() - s);
        if ('unanswerable' in it.expect) {
          unanswerable++;
          if (!r.answered) declined++;
          else misses.push(`${it.id} answered`);
          continue;
        }
        answerable++;
        const ex = it.expect;
        // A source no longer in force is a right answer only under 历史文件 (never among the answers).
        const old = { items: r.history };
        if (ex.sources.some((e) => cites(r, e))) recall3++;
        else if (ex.sources.some((e) => cites(old, e))) {
          recall3++;
          inHistory++;
        } else misses.push(`${it.id} not in top 3`);
        if (ex.sources.some((e) => cites(r, e, 3, true) || cites(old, e, 3, true))) correct++;
        const notInForce = new Set((ex.notInForce ?? []).map(fold));
        for (const i of r.items)
          for (const c of i.citations)
            if (c.validity.inForce && notInForce.has(fold(c.title))) falseInForce++;
      }
      const label = minCoverage === undefined ? 'ANSWER_MIN_COVERAGE' : `coverage ≥ ${minCoverage}`;
      console.log(
        `answers [${label}] on ${path.relative(root, file)} (${items.length} questions: ${answerable} answerable, ${unanswerable} not): ` +
          `recall@3 ${pct(recall3, answerable)} (${inHistory} of them under 历史文件), answered with a correct citation ${pct(correct, answerable)}, ` +
          `unanswerable declined ${pct(declined, unanswerable)}, not-in-force cited as in force ${falseInForce}, ` +
          `latency median ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms`,
      );
      if (minCoverage === undefined && process.env.BENCH_VERBOSE)
        console.log(`answers: misses ${misses.join('; ')}`);
    }
  } finally {
    await app.destroy();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runAnswersBench();
