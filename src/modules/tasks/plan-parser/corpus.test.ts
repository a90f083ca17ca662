import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CORPUS,
  type CorpusExpectation,
  rowProblems,
  STATEMENT_WORDS,
  textMatches,
} from '../../../../test/fixtures/work-plans/expectations.ts';
import { parsePlanText } from './index.ts';

// Real plans of other governments (shared/corpus, copied verbatim into the repository for CI); the
// expectations are transcribed as tables in test/fixtures/work-plans/expectations.ts.
const DIR = new URL('../../../../test/fixtures/work-plans/', import.meta.url);

function parseCorpusFile(file: string) {
  const text = readFileSync(new URL(`${file}.txt`, DIR), 'utf8');
  return parsePlanText(text.split('\n').slice(1).join('\n')); // line 1 is the source address
}

const isCut = (row: CorpusExpectation['tasks'][number]) => row.slice(2).includes('?');

describe.each(CORPUS.map((entry) => [entry.file, entry] as const))('corpus %s', (_file, entry) => {
  const plan = parseCorpusFile(entry.file);
  const carried = entry.carried?.units.split('|') ?? [];

  it(`finds the ${entry.tasks.length} visible tasks in order`, () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(entry.tasks.map((row) => row[0]));
  });

  it.each(entry.tasks.map((row) => [row[0], row] as const))(
    'task %s: text, units and deadline',
    (_n, row) => {
      const task = plan.tasks.find((t) => t.number === row[0]);
      expect(task, `task ${row[0]}`).toBeDefined();
      expect(rowProblems(task!, row, carried)).toEqual([]);
    },
  );

  it('never lists a statement or a sentence as a unit', () => {
    for (const unit of plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units])) {
      expect(unit).not.toMatch(STATEMENT_WORDS);
      expect(unit.length).toBeLessThanOrEqual(40);
    }
  });

  it('does not take headings for tasks', () => {
    for (const heading of entry.notTasks ?? []) {
      expect(plan.tasks.some((t) => textMatches(t, heading) && t.content === '')).toBe(false);
      expect(plan.tasks.some((t) => t.title === heading)).toBe(false);
    }
  });

  it('flags the tasks cut off by the end of the excerpt', () => {
    for (const row of entry.tasks.filter(isCut)) {
      const task = plan.tasks.find((t) => t.number === row[0])!;
      expect(task.uncertain.length, `task ${row[0]}`).toBeGreaterThan(0);
    }
  });
});

describe('corpus: units carried from a statement or a chapter heading', () => {
  it.each(CORPUS.filter((e) => e.carried).map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const plan = parseCorpusFile(entry.file);
    const { from, units } = entry.carried!;
    // After the task that makes the statement, or under the heading that names the units.
    const at = plan.tasks.findIndex((t) => t.number === from);
    const later =
      at === -1 ? plan.tasks.filter((t) => t.number.startsWith(`${from}.`)) : plan.tasks.slice(at + 1);
    expect(later.length).toBeGreaterThan(0);
    for (const task of later) {
      const all = [...task.leadUnits, ...task.units];
      for (const unit of units.split('|')) expect(all).toContain(unit);
      expect(task.uncertain.some((note) => /沿用|取自上级标题/.test(note))).toBe(true);
    }
  });
});

describe('corpus: a table whose cells are all empty', () => {
  it('reports no task and warns, naming the chapters it did see', () => {
    const plan = parseCorpusFile('jimei-2021-fenjiebiao-garbled');
    expect(plan.tasks).toEqual([]);
    const warning = plan.warnings.find((w) => w.includes('单元格均为空'));
    expect(warning).toContain('紧扣“十四五”开好局起好步');
  });
});

describe('corpus: writing-system repairs', () => {
  it('converts traditional characters and strips the pinyin of mirrors, with a warning', () => {
    const plan = parseCorpusFile('xuancheng-2020-jiceng-biaozhunhua-trad-pinyin');
    expect(plan.warnings).toContain('原文为繁体字，已转换为简体后识别');
    expect(plan.warnings.some((w) => w.includes('拼音'))).toBe(true);
    expect(JSON.stringify(plan.tasks)).not.toMatch(/[āáǎàūúǔùīíǐì]|\(q/);
  });

  it('reads the completion status apart from the task (完成情况)', () => {
    const plan = parseCorpusFile('xuancheng-2022-nov-dec-tishidan');
    expect(plan.tasks[0]).toMatchObject({ status: '推进中', path: ['年底前专项工作任务'] });
    expect(plan.tasks[0]!.content).not.toContain('推进中');
    expect(plan.tasks[0]!.uncertain).toContain('时限取自备注“11月底前完成”');
  });
});

describe('corpus: line breaks inserted between characters', () => {
  // Web copies and PDF extractions break lines anywhere, also inside table cells and header words.
  function breakLines(text: string, seed: number): string {
    let state = seed;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const chars = [...text];
    for (let k = 0; k < 15; k++) {
      const i = Math.floor(random() * chars.length);
      if (/[\u4e00-\u9fff]/.test(chars[i] ?? '') && /[\u4e00-\u9fff]/.test(chars[i + 1] ?? '')) {
        chars.splice(i + 1, 0, '\n');
      }
    }
    return chars.join('');
  }

  it('still finds at least 97 % of the tasks with the right units and deadline (five fixed seeds)', () => {
    let rows = 0;
    let right = 0;
    for (const entry of CORPUS) {
      const text = readFileSync(new URL(`${entry.file}.txt`, DIR), 'utf8')
        .split('\n')
        .slice(1)
        .join('\n');
      const carried = entry.carried?.units.split('|') ?? [];
      for (let seed = 1; seed <= 5; seed++) {
        const plan = parsePlanText(breakLines(text, seed * 7919));
        for (const row of entry.tasks) {
          rows++;
          const task = plan.tasks.find((t) => textMatches(t, row[1]));
          if (task && rowProblems({ ...task, number: row[0] }, row, carried).length === 0) right++;
        }
      }
    }
    expect(right / rows).toBeGreaterThanOrEqual(0.97);
  });
});
