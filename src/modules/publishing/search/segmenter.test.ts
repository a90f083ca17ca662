import { describe, expect, it } from 'vitest';
import { docNumberSearchKeyOf } from '../documents/doc-number.ts';
import { matchFormsOf, tokensForIndex, tokensForQuery } from './segmenter.ts';

const indexTokens = (text: string) => tokensForIndex(text).split(' ');

/** What both engines do with the tokens: every query word as one of its phrases, tokens adjacent. */
function indexMatches(text: string, query: string): boolean {
  const tokens = indexTokens(text);
  const words = tokensForQuery(query);
  return (
    words.length > 0 &&
    words.every((w) =>
      matchFormsOf(w).some((f) =>
        tokens.some((_, at) =>
          f.tokens.every((t, k) => {
            const have = tokens[at + k];
            return (
              have !== undefined &&
              (f.prefixLast && k === f.tokens.length - 1 ? have.startsWith(t) : have === t)
            );
          }),
        ),
      ),
    )
  );
}

describe('tokensForQuery', () => {
  it.each(['政务公开', '一件事一次办', '惠民惠农', '乡村振兴', '放管服'])('keeps %s whole', (term) => {
    expect(tokensForQuery(term)).toEqual([term]);
    expect(tokensForQuery(`2022年${term}工作要点`)).toContain(term);
  });

  it('removes punctuation and stop characters and deduplicates', () => {
    expect(tokensForQuery('低保的申请，低保！')).toEqual(['低保', '申请']);
    expect(tokensForQuery('  ，。！ ')).toEqual([]);
  });

  it('lower-cases latin and folds full width', () => {
    expect(tokensForQuery('ＡＰＩ 接口')).toEqual(['api', '接口']);
  });

  it('splits 双随机、一公开 into its two dictionary halves', () => {
    expect(tokensForQuery('双随机、一公开')).toEqual(['双随机', '一公开']);
  });

  it.each(['张政办发〔2022〕14号', '张政办发[2022]14号', '张政办发（2022）第14号', '张政办发2022年14号'])(
    'turns the 发文字号 %s into its search key',
    (q) => {
      expect(tokensForQuery(q)).toEqual(['张政办发2022年14号']);
    },
  );

  it('keeps a 发文字号 key next to other words', () => {
    expect(tokensForQuery('通知 张政办发[2022]14号')).toEqual(['张政办发2022年14号', '通知']);
  });
});

describe('tokensForIndex', () => {
  const sentence = '全面落实低保政策，推进乡村振兴，“互联网+政务服务”深入开展。';

  it('finds a word inside a longer word, whatever the dictionary cut', () => {
    const text = '全面优化营商环境，推进重大建设项目和乡村振兴';
    for (const q of [
      '营商环境',
      '营商',
      '建设项目',
      '重大建设项目',
      '乡村振兴',
      '振兴',
      '优化营商环境',
      '兴',
    ])
      expect(indexMatches(text, q), q).toBe(true);
    for (const q of ['环境保护', '营商服务', '建设用地']) expect(indexMatches(text, q), q).toBe(false);
  });

  it('matches 低保 and 最低生活保障 either way (synonyms)', () => {
    expect(indexMatches('申请最低生活保障的家庭', '低保')).toBe(true);
    expect(indexMatches('低保对象', '最低生活保障')).toBe(true);
    expect(indexMatches('最低工资标准', '低保')).toBe(false);
  });

  it('folds traditional characters on both sides', () => {
    expect(indexMatches('優化營商環境若干措施', '营商环境')).toBe(true);
    expect(indexMatches('优化营商环境若干措施', '營商環境')).toBe(true);
  });

  it('ignores punctuation inside a run and keeps numbers with their characters', () => {
    expect(indexMatches('推进“双随机、一公开”监管', '双随机一公开')).toBe(true);
    expect(indexMatches('推进“双随机、一公开”监管', '双随机、一公开')).toBe(true);
    expect(indexMatches('依照本办法第3条规定', '第3条')).toBe(true);
    expect(indexMatches('依照本办法第13条规定', '第3条')).toBe(false);
    expect(indexMatches('2024年工作要点', '2024年')).toBe(true);
    expect(indexMatches('拨打12345热线', '12345')).toBe(true);
  });

  it('contains no punctuation and matches 互联网+政务服务 the same way as a query', () => {
    const tokens = indexTokens(sentence);
    expect(tokens.every((t) => !/[\p{P}\p{S}]/u.test(t))).toBe(true);
    expect(indexMatches(sentence, '互联网+政务服务')).toBe(true);
  });

  it('lower-cases latin', () => {
    expect(indexTokens('开放API接口')).toContain('api');
  });

  it('lets every written form of a 发文字号 in the text match every typed form', () => {
    const body = '根据《通知》（张政办发〔2022〕14号）和中县政务公开办发［2022］7号文件要求';
    const tokens = indexTokens(body);
    for (const typed of [
      '张政办发[2022]14号',
      '张政办发（2022）14号',
      '张政办发2022年14号',
      '中县政务公开办发(2022)7号',
    ]) {
      const [key] = tokensForQuery(typed);
      expect(key).toBe(docNumberSearchKeyOf(typed));
      expect(tokens).toContain(key);
    }
  });

  it('returns an empty string for empty text', () => {
    expect(tokensForIndex('')).toBe('');
  });
});

describe('tokensForQuery with spaced numbers', () => {
  it('treats spaces inside a typed number as noise', () => {
    expect(tokensForQuery(' 张政办发 〔2022〕 第 14 号 ')).toEqual(['张政办发2022年14号']);
    expect(tokensForQuery('中县政务公开202210')).toEqual(['中县政务公开2022年10号']);
  });
});
