/**
 * Prints, per real plan of test/fixtures/work-plans, how many tasks the plan parser finds against the
 * hand-made expectations, and the share of expected tasks found with the right units and deadline.
 * Run: npx tsx scripts/parser-corpus-report.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '../src/modules/tasks/plan-parser/index.ts';
import { CORPUS, rowProblems, textMatches } from '../test/fixtures/work-plans/expectations.ts';

const DIR = new URL('../test/fixtures/work-plans/', import.meta.url);
const verbose = process.argv.includes('--verbose');
let expectedTotal = 0;
let foundTotal = 0;
let rightTotal = 0;
console.log('file                                            expected  found  right');
for (const entry of CORPUS) {
  const text = readFileSync(new URL(`${entry.file}.txt`, DIR), 'utf8');
  const plan = parsePlanText(text.split('\n').slice(1).join('\n'));
  const carried = entry.carried?.units.split('|') ?? [];
  let right = 0;
  const notes: string[] = [];
  for (const row of entry.tasks) {
    const task = plan.tasks.find((t) => textMatches(t, row[1]));
    const problems = task ? rowProblems(task, row, carried) : ['not found'];
    if (problems.length === 0) right++;
    else notes.push(`  ${row[0]} ${row[1].slice(0, 12)}: ${problems.join('; ')}`);
  }
  expectedTotal += entry.tasks.length;
  foundTotal += plan.tasks.length;
  rightTotal += right;
  console.log(
    `${entry.file.padEnd(48)}${String(entry.tasks.length).padStart(8)}${String(plan.tasks.length).padStart(7)}${String(right).padStart(7)}`,
  );
  if (verbose) for (const note of notes) console.log(note);
}
const share = expectedTotal === 0 ? 0 : Math.round((rightTotal / expectedTotal) * 1000) / 10;
console.log(`total: ${expectedTotal} expected, ${foundTotal} found, ${rightTotal} right (${share} %)`);
