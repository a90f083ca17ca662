import { describe, expect, it } from 'vitest';
import { parseChineseNumber, splitDraftArticles } from './draft-articles.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['二十一', 21],
    ['一百零五', 105],
    ['一百一十', 110],
    ['12', 12],
    ['甲', Number.NaN],
  ])('%s → %s', (s, n) => expect(parseChineseNumber(s)).toBe(n));
});

describe('splitDraftArticles', () => {
  it('splits 第X条 drafts, with chapters as their own parts and a title as the preamble', () => {
    const r = splitDraftArticles(
      [
        '某县城市绿化管理办法（征求意见稿）',
        '第一章 总则',
        '第一条 为了加强城市绿化管理，根据有关法律法规，',
        '结合本县实际，制定本办法。',
        '第二条　本办法适用于本县城区。',
        '第二章 管理',
        '第三条 县住房和城乡建设局负责城市绿化工作，依照本办法',
        '第五条规定的程序实施。',
        '第四条 有下列情形之一的，依法处理：',
        '（一）擅自砍伐树木的；',
        '（二）损坏绿地的。',
        '第 五 条 本办法自发布之日起施行。',
      ].join('\n'),
    );
    expect(r.style).toBe('article');
    expect(r.articles).toEqual([
      { number: null, text: '某县城市绿化管理办法（征求意见稿）' },
      { number: '第一章', text: '总则' },
      { number: '第一条', text: '为了加强城市绿化管理，根据有关法律法规，结合本县实际，制定本办法。' },
      { number: '第二条', text: '本办法适用于本县城区。' },
      { number: '第二章', text: '管理' },
      {
        number: '第三条',
        text: '县住房和城乡建设局负责城市绿化工作，依照本办法第五条规定的程序实施。',
      },
      { number: '第四条', text: '有下列情形之一的，依法处理：\n（一）擅自砍伐树木的；\n（二）损坏绿地的。' },
      { number: '第五条', text: '本办法自发布之日起施行。' },
    ]);
  });

  it('splits 一、二、 drafts and keeps （一） items inside, across blank lines and CRLF', () => {
    const r = splitDraftArticles(
      '关于道路改造的实施方案\r\n\r\n一、目标任务\r\n完成主干道改造\r\n（一）2027年完成设计；\r\n\r\n二、保障措施\r\n加强组织领导。\r\n十、附则\r\n三、实施步骤\r\n分三步实施。',
    );
    expect(r.style).toBe('chinese');
    expect(r.articles.map((a) => a.number)).toEqual([null, '一、', '二、', '三、']);
    expect(r.articles[1]?.text).toBe('目标任务完成主干道改造\n（一）2027年完成设计；');
    // "十、附则" out of sequence stays in 二、.
    expect(r.articles[2]?.text).toBe('保障措施加强组织领导。\n十、附则');
  });

  it('numbers past ten and arabic numbering', () => {
    const lines = Array.from(
      { length: 12 },
      (_, i) =>
        `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][i]}条 内容${i + 1}。`,
    );
    expect(
      splitDraftArticles(lines.join('\n'))
        .articles.map((a) => a.number)
        .slice(-3),
    ).toEqual(['第十条', '第十一条', '第十二条']);
    const arabic = splitDraftArticles('1. 第一项\n2. 第二项 English\nwords wrap\n3、第三项');
    expect(arabic.style).toBe('arabic');
    expect(arabic.articles).toEqual([
      { number: '1.', text: '第一项' },
      { number: '2.', text: '第二项 English words wrap' },
      { number: '3.', text: '第三项' },
    ]);
  });

  it('keeps an unnumbered text as one part and drops control characters', () => {
    expect(splitDraftArticles('全文\u0000没有编号\n只有一段。')).toEqual({
      style: 'none',
      articles: [{ number: null, text: '全文没有编号只有一段。' }],
    });
    expect(splitDraftArticles('  \n ')).toEqual({ style: 'none', articles: [] });
  });
});
