import { describe, expect, it } from 'vitest';
import { docNumberSearchKeyOf } from '../documents/doc-number.ts';
import { tokensForIndex, tokensForQuery } from './segmenter.ts';

const indexTokens = (text: string) => tokensForIndex(text).split(' ');

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

  it('contains 2- and 4-character words as tokens', () => {
    const tokens = indexTokens(sentence);
    expect(tokens).toContain('低保');
    expect(tokens).toContain('乡村振兴');
    expect(tokens).toContain('乡村');
  });

  it('contains no punctuation and folds 互联网+政务服务 the same way as a query', () => {
    const tokens = indexTokens(sentence);
    expect(tokens.every((t) => !/[\p{P}\p{S}]/u.test(t))).toBe(true);
    for (const q of tokensForQuery('互联网+政务服务')) expect(tokens).toContain(q);
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
