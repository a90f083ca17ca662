/**
 * What the annual-report importer (src/modules/reports/report-parse/) reads on the shared corpus of published
 * reports (../shared/corpus/annual-reports): per file, the year, how many cells of tables 二 (10), 三 (175)
 * and 四 (15) and of the prose totals (6) were read or left null, and how many notes it gives. A report,
 * not a test: the importer must not know these files (their expectations are checked in corpus.test.ts).
 *
 * Run: npx tsx scripts/report-parse-corpus.ts [corpus directory, default ../shared/corpus/annual-reports] [-v]
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Cell, ParsedReport } from '../src/modules/reports/report.model.ts';
import { parseReportFile } from '../src/modules/reports/report-parse/index.ts';

const args = process.argv.slice(2);
const verbose = args.includes('-v');
const root = path.resolve(args.find((a) => a !== '-v') ?? '../shared/corpus/annual-reports');

const TABLE2_CELLS = 10;
const TABLE3_CELLS = 25 * 7;
const TABLE4_CELLS = 15;

function count(cells: Cell[], size: number): { read: number; nulls: number } {
  const read = cells.filter((c) => c !== null).length;
  return { read, nulls: size - read };
}

function cellsOf(r: ParsedReport) {
  const t2 = r.table2
    ? [
        ...Object.values(r.table2.规章),
        ...Object.values(r.table2.行政规范性文件),
        r.table2.行政许可,
        r.table2.行政处罚,
        r.table2.行政强制,
        r.table2.行政事业性收费,
      ]
    : [];
  return {
    表二: count(t2, TABLE2_CELLS),
    表三: count(r.table3 ? Object.values(r.table3).flat() : [], TABLE3_CELLS),
    表四: count(r.table4 ?? [], TABLE4_CELLS),
    正文: count(Object.values(r.prose), 6),
  };
}

const files = readdirSync(root)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const totals = { read: 0, nulls: 0, notes: 0 };
console.log(
  ['file', 'year', '表二 read/null', '表三 read/null', '表四 read/null', '正文 read/null', 'notes'].join(
    '\t',
  ),
);
for (const file of files) {
  const r = await parseReportFile(readFileSync(path.join(root, file)), file);
  const c = cellsOf(r);
  const parts = Object.values(c);
  totals.read += parts.reduce((s, p) => s + p.read, 0);
  totals.nulls += parts.reduce((s, p) => s + p.nulls, 0);
  totals.notes += r.unreadable.length;
  console.log(
    [
      file.replace(/\.txt$/, ''),
      r.year ?? '—',
      ...parts.map((p) => `${p.read}/${p.nulls}`),
      r.unreadable.length,
    ].join('\t'),
  );
  if (verbose) for (const note of r.unreadable) console.log(`\t- ${note}`);
}
console.log(`${files.length} files: ${totals.read} cells read, ${totals.nulls} null, ${totals.notes} notes`);
