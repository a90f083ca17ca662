import { describe, expect, it } from 'vitest';
import { parseUnitText, splitUnitList, splitUnitTail, type UnitTail } from './units.ts';

describe('splitUnitTail', () => {
  const cases: [string, string, Partial<UnitTail>][] = [
    [
      '公开清单。（责任单位：县财政局、县发改委）',
      '公开清单。',
      { lead: [], units: ['县财政局', '县发改委'] },
    ],
    ['公开清单。(责任单位:县财政局)', '公开清单。', { units: ['县财政局'] }],
    ['公开清单。[责任单位：县财政局]', '公开清单。', { units: ['县财政局'] }],
    ['公开清单。【责任单位：县财政局、县税务局】', '公开清单。', { units: ['县财政局', '县税务局'] }],
    [
      '公开清单。（县财政局牵头，各乡镇按职责分工落实）',
      '公开清单。',
      { lead: ['县财政局'], units: ['各乡镇'] },
    ],
    [
      '公开清单。（县财政局牵头，县直各单位配合）。',
      '公开清单。',
      { lead: ['县财政局'], units: ['县直各单位'] },
    ],
    [
      '公开清单。（公共企事业单位相应行政主管部门按职责牵头负责)',
      '公开清单。',
      { lead: ['公共企事业单位相应行政主管部门'], units: [] },
    ],
    ['公开清单。（市直及驻张相关单位按职责分工负责）', '公开清单。', { units: ['市直及驻张相关单位'] }],
    ['公开清单。（市司法局、市财政局）', '公开清单。', { lead: [], units: ['市司法局', '市财政局'] }],
    ['公开清单。责任单位：县财政局、县民政局', '公开清单。', { units: ['县财政局', '县民政局'] }],
    ['公开清单。【牵头单位】县财政局', '公开清单。', { lead: ['县财政局'], units: [] }],
  ];

  it.each(cases)('%s', (paragraph, body, tail) => {
    const result = splitUnitTail(paragraph);
    expect(result.body).toBe(body);
    expect(result.tail).toMatchObject(tail);
  });

  it('keeps nested brackets inside a unit name', () => {
    const { tail } = splitUnitTail('公开。(责任单位:县编办、各乡镇人民政府(街道办事处))');
    expect(tail?.units).toEqual(['县编办', '各乡镇人民政府（街道办事处）']);
  });

  it('leaves content brackets alone', () => {
    expect(splitUnitTail('提供“两在线”服务(网络在线、电话在线)').tail).toBeNull();
    expect(splitUnitTail('(此件主动公开)').tail).toBeNull();
  });
});

describe('parseUnitText', () => {
  it('reads the carry-forward clause of 张家界 2022', () => {
    const tail = parseUnitText(
      '市行政审批服务局、市政务服务中心牵头,市直及驻张相关单位、各区县人民政府按职责分工负责。 以下均需各区县人民政府负责,不再列出',
    );
    expect(tail).toEqual({
      lead: ['市行政审批服务局', '市政务服务中心'],
      units: ['市直及驻张相关单位', '各区县人民政府'],
      carry: ['各区县人民政府'],
      dropped: [],
    });
  });

  it('separates named examples from the group after 等', () => {
    expect(splitUnitList('县教育局、县卫计委、县住建局等行业主管部门')).toEqual([
      '县教育局',
      '县卫计委',
      '县住建局',
      '行业主管部门',
    ]);
    expect(splitUnitList('高等院校')).toEqual(['高等院校']);
  });
});
