import { describe, expect, it } from 'vitest';
import { chineseNumeral, NumberingTracker, parseMarker } from './numbering.ts';
import { cleanLine } from './text.ts';

describe('parseMarker on cleaned lines', () => {
  const cases: [string, string, number, string][] = [
    ['一、围绕深化改革推进公开', 'chapter', 1, '围绕深化改革推进公开'],
    ['## 二、聚焦社会民生领域', 'chapter', 2, '聚焦社会民生领域'],
    ['#### **四、围绕加强基层**', 'chapter', 4, '围绕加强基层'],
    ['第三部分 保障措施', 'chapter', 3, '保障措施'],
    ['（一）严格执行政务公开制度。', 'cn-paren', 1, '严格执行政务公开制度。'],
    ['(十六)抓好工作落实。', 'cn-paren', 16, '抓好工作落实。'],
    ['**（二十一）推进集约化成果应用。**重点…', 'cn-paren', 21, '推进集约化成果应用。重点…'],
    ['1.加强组织领导。', 'arabic', 1, '加强组织领导。'],
    ['2、明确责任。', 'arabic', 2, '明确责任。'],
    ['３．强化考核。', 'arabic', 3, '强化考核。'],
    ['（1）公开目录。', 'arabic-paren', 1, '公开目录。'],
    ['(12)公开目录。', 'arabic-paren', 12, '公开目录。'],
    ['②公开指南。', 'circled', 2, '公开指南。'],
  ];

  it.each(cases)('%s', (line, style, value, rest) => {
    expect(parseMarker(cleanLine(line).text)).toMatchObject({ style, value, rest, lenient: false });
  });

  it('does not read numbers inside sentences as markers', () => {
    for (const text of [
      '2022年底前完成',
      '1.5倍以上',
      '12345政务服务便民热线',
      '一是加强领导',
      '十四五规划',
    ]) {
      expect(parseMarker(text)).toBeNull();
    }
  });

  it('reads a marker that lost one bracket as lenient', () => {
    expect(parseMarker('十四）加强组织保障。')).toMatchObject({
      style: 'cn-paren',
      value: 14,
      lenient: true,
    });
    expect(parseMarker('（十四加强组织保障。')).toMatchObject({
      style: 'cn-paren',
      value: 14,
      lenient: true,
    });
  });
});

describe('chineseNumeral', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十六', 16],
    ['二十', 20],
    ['三十四', 34],
    ['12', 12],
  ])('%s → %i', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it('rejects non-numerals', () => {
    expect(chineseNumeral('十十')).toBeNull();
    expect(chineseNumeral('百')).toBeNull();
  });
});

describe('NumberingTracker', () => {
  it('accepts restarts and continuations, and rejects numbers out of sequence', () => {
    const tracker = new NumberingTracker();
    const chapter = (text: string) => parseMarker(text)!;
    for (const text of ['一、甲', '二、乙', '三、丙', '四、丁']) {
      expect(tracker.fits(chapter(text))).toBe(true);
      tracker.accept(chapter(text));
    }
    expect(tracker.fits(chapter('二、三级页面支持度达100%'))).toBe(false);
    expect(tracker.fits(chapter('一、新的计划'))).toBe(true);
    expect(tracker.continues(chapter('五、戊'))).toBe(true);
  });
});
