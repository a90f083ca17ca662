import { describe, expect, it } from 'vitest';
import { DEFAULT_TYPOS } from './word-lists.ts';
import { checkSensitiveWords, checkTypos } from './words.ts';

const body = (text: string) => [{ location: 'body' as const, text }];

describe('checkTypos with the seed list', () => {
  it.each([
    ['认真布署2022年政务公开工作', '部署'],
    ['截止目前，已公开信息120条', '截至目前'],
    ['坚持因地治宜，分类推进', '因地制宜'],
    ['项目已于6月峻工', '竣工'],
    ['召开坐谈会听取意见', '座谈会'],
  ])('flags %j with the correction %s', (text, right) => {
    const [finding, ...rest] = checkTypos(body(text), DEFAULT_TYPOS);
    expect(rest).toEqual([]);
    expect(finding?.message).toContain(`应为“${right}”`);
    expect(finding?.location).toBe('body');
  });

  it.each([
    '认真部署2022年政务公开工作',
    '截至目前，已公开信息120条',
    '申报截止日期为2022年7月31日',
    '按装修面积计算补贴',
    '预防犯罪，全部暑期值班',
    '发布署名文章',
  ])('does not flag %j', (text) => {
    expect(checkTypos(body(text), DEFAULT_TYPOS)).toEqual([]);
  });

  it('reports every occurrence with an excerpt', () => {
    const findings = checkTypos(body('一是布署到位；二是布署及时。'), DEFAULT_TYPOS);
    expect(findings).toHaveLength(2);
    expect(findings[1]?.excerpt).toContain('二是布署及时');
  });

  it('has unambiguous seed entries: none is the correction of another, each differs from its correction', () => {
    expect(DEFAULT_TYPOS.length).toBeGreaterThanOrEqual(20);
    for (const { wrong, right } of DEFAULT_TYPOS) {
      expect(wrong).not.toBe(right);
      expect(DEFAULT_TYPOS.some((t) => right.includes(t.wrong))).toBe(false);
    }
  });

  it('skips an occurrence inside an exception but not one beside it', () => {
    const findings = checkTypos(body('发布署名文章，布署工作'), DEFAULT_TYPOS);
    expect(findings.map((f) => f.excerpt)).toEqual(['发布署名文章，布署工作']);
    expect(findings).toHaveLength(1);
  });

  it('flags nothing for an empty list', () => {
    expect(checkTypos(body('布署'), [])).toEqual([]);
  });
});

describe('checkSensitiveWords', () => {
  it('flags nothing with the default empty list', () => {
    expect(checkSensitiveWords(body('任何内容'), [])).toEqual([]);
  });

  it('flags each configured word where it occurs', () => {
    const findings = checkSensitiveWords(
      [
        { location: 'title', text: '关于甲事项的通知' },
        { location: 'body', text: '乙事项与甲事项' },
      ],
      ['甲事项', '丙', ''],
    );
    expect(findings.map((f) => [f.location, f.message])).toEqual([
      ['title', '含有敏感词“甲事项”，请核实'],
      ['body', '含有敏感词“甲事项”，请核实'],
    ]);
  });
});
