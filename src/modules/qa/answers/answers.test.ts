/** The 问答 box's pure parts: passages, question words and synonyms, coverage, validity labels. */
import { describe, expect, it } from 'vitest';
import { cutText, documentPassages, passagesOf } from './answer-passages.ts';
import { cleanQuestion, parseQuestion } from './answer-query.ts';
import { Bm25Retriever, coverageOf } from './answer-retriever.ts';
import { ledgerValidity, markValidity } from './answer-validity.ts';

describe('passagesOf', () => {
  it('splits a text pasted as one paragraph into its articles, keeping a cross-reference inside its article', () => {
    const text =
      '各有关单位： 现将办法印发给你们。 示范县办法 第一条 为规范审核确认，制定本办法。 第二条 依照本办法第五条规定的情形，不予受理。 第三条 县民政局负责确认。';
    expect(passagesOf(text).map((p) => p.article)).toEqual([null, '第一条', '第二条', '第三条']);
    expect(passagesOf(text)[2]?.text).toBe('依照本办法第五条规定的情形，不予受理。');
  });

  it('cuts paragraphs and long articles at sentence ends, at most 300 characters', () => {
    const long = `${'申请人应当如实提交材料。'.repeat(40)}`;
    const parts = passagesOf(`一、总体要求\n${long}\n二、工作措施\n${long}`);
    expect(parts.every((p) => p.text.length <= 300 && p.article === null)).toBe(true);
    expect(parts.length).toBeGreaterThan(2);
    expect(cutText('甲。乙。', 300)).toEqual(['甲。乙。']);
  });
});

describe('documentPassages', () => {
  it('keeps a document without usable text citable by its summary, else its title', () => {
    expect(
      documentPassages({
        title: '关于公布收费目录的通知',
        summary: '公布本县行政事业性收费目录。',
        text: '附件',
      }),
    ).toEqual([{ article: null, text: '公布本县行政事业性收费目录。' }]);
    expect(documentPassages({ title: '关于公布收费目录的通知', summary: null, text: '' })).toEqual([
      { article: null, text: '关于公布收费目录的通知' },
    ]);
  });
});

describe('parseQuestion', () => {
  it('cuts at 300 characters, drops markup and treats search operators as plain words', () => {
    expect(cleanQuestion(`<b>低保</b>${'问'.repeat(400)}`)).toMatchObject({ truncated: true });
    expect([...cleanQuestion('问'.repeat(400)).question]).toHaveLength(300);
    const words = parseQuestion('"低保" AND NEAR(申请*)').groups.map((g) => g.word);
    expect(words).toEqual(['低保', '申请']);
    expect(parseQuestion('？？！').groups).toEqual([]);
  });

  it('expands abbreviations and joins everyday phrases: 低保 → 最低生活保障, 多少|天 → 期限 / 工作日', () => {
    const g = parseQuestion('申请低保要多少天');
    expect(g.groups.find((x) => x.word === '低保')?.variants).toContainEqual(['最低生活保障']);
    const days = g.groups.find((x) => x.word === '多少天');
    expect(days).toMatchObject({ content: false, covers: ['多少', '天'] });
    expect(days?.variants).toContainEqual(['期限']);
    expect(days?.variants).toContainEqual(['工作日']);
    expect(parseQuestion('低保標準').groups.map((x) => x.word)).toEqual(['低保', '标准']);
  });

  it('does not count question words in the coverage', () => {
    const { groups } = parseQuestion('低保怎么申请');
    expect(coverageOf(groups, new Set(['低保']))).toBe(0.5);
    expect(coverageOf(groups, new Set(['最低生活保障', '申请']))).toBe(1);
    expect(coverageOf(parseQuestion('怎么办').groups, new Set(['怎么办']))).toBe(0);
  });
});

describe('Bm25Retriever', () => {
  const item = (key: string, text: string, over: object = {}) => ({
    key,
    kind: 'passage' as const,
    unitId: 1,
    publishedOn: '2025-01-01',
    title: '',
    question: '',
    alt: '',
    text,
    ...over,
  });
  it('ranks the item with every word first, matches synonyms, filters unit and day', () => {
    const r = new Bm25Retriever();
    r.build([
      item('a', '最低生活保障审核确认由县民政局负责。'),
      item('b', '审核审核审核审核审核工作。'),
      item('c', '最低生活保障申请在乡镇受理。', { unitId: 2, publishedOn: '2026-01-01' }),
    ]);
    const groups = parseQuestion('低保审核').groups;
    const hits = r.search({ groups, asOf: '2026-03-02', limit: 5 });
    expect(hits[0]).toMatchObject({ key: 'a', coverage: 1 });
    expect(r.search({ groups, asOf: '2025-06-01', limit: 5 }).map((h) => h.key)).not.toContain('c');
    expect(
      r.search({ groups, unitIds: new Set([2]), asOf: '2026-03-02', limit: 5 }).map((h) => h.key),
    ).toEqual(['c']);
  });

  it('weights coverage by word rarity: a common word alone is not an answer to "怎么办理护照"', () => {
    const r = new Bm25Retriever();
    r.build(Array.from({ length: 20 }, (_, n) => item(`x${n}`, `第${n}项事项在县政务服务中心办理。`)));
    const [hit] = r.search({ groups: parseQuestion('怎么办理护照').groups, asOf: '2026-03-02', limit: 1 });
    expect(hit?.coverage).toBeGreaterThan(0);
    expect(hit?.coverage).toBeLessThan(0.4); // unweighted it would be 0.5 (办理 of 办理, 护照)
  });
});

describe('citation validity', () => {
  it('never labels a repealed or expired document as in force', () => {
    expect(ledgerValidity({ state: 'in_force', since: '2025-06-01' }, '2026-03-02')).toMatchObject({
      label: '现行有效（截至 2026-03-02）',
      inForce: true,
      final: false,
    });
    expect(ledgerValidity({ state: 'repealed', since: '2025-06-01' }, '2026-03-02')).toMatchObject({
      label: '已废止（2025-06-01 起）',
      inForce: false,
      final: true,
    });
    expect(ledgerValidity({ state: 'expired', since: null }, '2026-03-02')).toMatchObject({
      label: '已失效',
      final: true,
    });
    expect(ledgerValidity({ state: 'not_yet_effective', since: null }, '2026-03-02')).toMatchObject({
      label: '尚未生效',
      inForce: false,
      final: false,
    });
    expect(markValidity({ validity: 'repealed', repealed_on: '2026-01-01' }, '2026-03-02')).toMatchObject({
      label: '已废止（2026-01-01 起）',
      inForce: false,
      final: true,
    });
    expect(markValidity({ validity: 'expired' }, '2026-03-02')).toMatchObject({
      inForce: false,
      final: true,
    });
    expect(markValidity({ validity: null }, '2026-03-02')).toMatchObject({
      label: '未标注有效性',
      inForce: false,
    });
    expect(markValidity({ validity: 'valid', state: 'withdrawn' }, '2026-03-02')).toMatchObject({
      final: true,
    });
  });
});
