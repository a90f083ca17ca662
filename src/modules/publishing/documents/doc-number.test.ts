import { describe, expect, it } from 'vitest';
import {
  docNumberKeysInText,
  docNumberSearchKeyOf,
  findDocNumbersInText,
  normaliseDocNumber,
  parseDocNumber,
} from './doc-number.ts';

describe('parseDocNumber / normaliseDocNumber', () => {
  const cases: Array<[string, string, string, number, number]> = [
    // input, canonical, prefix, year, serial
    ['张政办发〔2022〕14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发[2022]14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发［2022］14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发（2022）14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发(2022)14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发【2022】14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发﹝2022﹞14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发 〔 2022 〕 第 14 号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发〔２０２２〕１４号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发〔2022〕014号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发2022年14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发2022年第14号', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['张政办发〔2022〕14', '张政办发〔2022〕14号', '张政办发', 2022, 14],
    ['中县政务公开〔2022〕10号', '中县政务公开〔2022〕10号', '中县政务公开', 2022, 10],
    ['中县政务公开[2022]10号', '中县政务公开〔2022〕10号', '中县政务公开', 2022, 10],
    ['中县政务公开（2022）10号', '中县政务公开〔2022〕10号', '中县政务公开', 2022, 10],
    ['中县政务公开202210', '中县政务公开〔2022〕10号', '中县政务公开', 2022, 10],
    ['中县政务公开2022第10号', '中县政务公开〔2022〕10号', '中县政务公开', 2022, 10],
    ['国办函〔2021〕132号', '国办函〔2021〕132号', '国办函', 2021, 132],
    ['国发〔2016〕8号', '国发〔2016〕8号', '国发', 2016, 8],
  ];
  it.each(cases)('%s → %s', (input, canonical, prefix, year, serial) => {
    expect(parseDocNumber(input)).toEqual({ prefix, year, serial });
    expect(normaliseDocNumber(input)).toBe(canonical);
  });

  it.each([
    '',
    '14号',
    '〔2022〕14号',
    '发〔2022〕14号',
    '张政办发〔2022〕0号',
    '张政办发〔1822〕14号',
    '关于做好政务公开工作的通知',
    'ABC[2022]14号',
  ])('does not parse %j', (input) => {
    expect(parseDocNumber(input)).toBeNull();
  });

  it('unifies year brackets of numbers it cannot parse', () => {
    expect(normaliseDocNumber(' ABC [2022] 14号 ')).toBe('ABC〔2022〕14号');
    expect(normaliseDocNumber('')).toBe('');
  });
});

describe('search keys', () => {
  it.each([
    '张政办发〔2022〕14号',
    '张政办发[2022]14号',
    '张政办发（2022）14号',
    '张政办发2022年14号',
    '张政办发 [2022] 第14号',
  ])('%s has the key 张政办发2022年14号', (input) => {
    expect(docNumberSearchKeyOf(input)).toBe('张政办发2022年14号');
  });

  it('gives null for text that is not a number', () => {
    expect(docNumberSearchKeyOf('政务公开')).toBeNull();
  });

  it('finds numbers in prose, in any bracket form, and not bare years', () => {
    const text = '根据中县政务公开办发［2022］7号文件和《通知》（张政办发〔2022〕14号），2022年共办理10件。';
    const found = findDocNumbersInText(text);
    expect(found.map((f) => [f.hanRun, f.year, f.serial])).toEqual([
      ['根据中县政务公开办发', 2022, 7],
      ['张政办发', 2022, 14],
    ]);
  });

  it('emits a key for every tail of the Han run so the typed number matches', () => {
    const keys = docNumberKeysInText('根据中县政务公开办发〔2022〕7号文件要求');
    expect(keys).toContain(docNumberSearchKeyOf('中县政务公开办发[2022]7号'));
    expect(keys).toContain('根据中县政务公开办发2022年7号');
    expect(keys).not.toContain('发2022年7号');
  });

  it('cuts very long Han runs to the maximum prefix length', () => {
    const [found] = findDocNumbersInText('这是一段非常非常长的没有标点的文字后面跟着张政办发〔2022〕14号');
    expect(found?.hanRun).toHaveLength(12);
  });
});
