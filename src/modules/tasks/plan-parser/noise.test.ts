import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from './index.ts';

const SEEDS = new URL('../../../../test/fixtures/seeds/', import.meta.url);
const SEED_FILES = [
  '000_7bfb2416ddecac10.txt',
  '001_7b2ffd6707d440fa.txt',
  '002_31608f0e7daf9638.txt',
  '003_b7eafef4efe96bfa.txt',
  '004_1a2c1f892ceb81ac.txt',
];
const RANDOM_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const HAN = /\p{Script=Han}/u;

/** A small deterministic generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Inserts line breaks between two Chinese characters, i.e. in mid-sentence, as web copies do. */
function breakLines(text: string, seed: number, count: number): string {
  const next = random(seed);
  const chars = [...text];
  for (let k = 0; k < count; k++) {
    const at = 1 + Math.floor(next() * (chars.length - 2));
    if (HAN.test(chars[at - 1]!) && HAN.test(chars[at]!)) chars.splice(at, 0, '\n');
  }
  return chars.join('');
}

/** Deletes characters anywhere, including markers, brackets and line breaks. */
function deleteCharacters(text: string, seed: number, count: number): string {
  const next = random(seed);
  const chars = [...text];
  for (let k = 0; k < count; k++) chars.splice(Math.floor(next() * chars.length), 1);
  return chars.join('');
}

describe.each(SEED_FILES)('real-world mess in %s', (file) => {
  const text = readFileSync(new URL(file, SEEDS), 'utf8');
  const expected = parsePlanText(text).tasks.length;

  it.each(RANDOM_SEEDS)('line breaks in mid-sentence keep every task (random seed %i)', (seed) => {
    expect(parsePlanText(breakLines(text, seed, 40)).tasks).toHaveLength(expected);
  });

  // A deleted bracket or numeral can merge two tasks; one lost task in ten deletions is tolerated.
  it.each(RANDOM_SEEDS)('ten deleted characters lose at most one task (random seed %i)', (seed) => {
    const count = parsePlanText(deleteCharacters(text, seed, 10)).tasks.length;
    expect(Math.abs(count - expected)).toBeLessThanOrEqual(1);
  });
});

describe('degenerate input', () => {
  it.each(['', '   \n\n', '（', '一、', '（一）', '序号\n具体内容\n责任单位', '\u0000\uffff'])(
    'does not throw on %j',
    (text) => {
      const plan = parsePlanText(text);
      expect(Array.isArray(plan.tasks)).toBe(true);
    },
  );

  it('warns when nothing could be found', () => {
    expect(parsePlanText('这不是一个工作要点。').warnings).toContain('未识别到任何工作要点或任务表');
  });
});
