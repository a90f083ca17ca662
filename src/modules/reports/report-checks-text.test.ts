import { describe, expect, it } from 'vitest';
import { resolveCheckSettings } from './report-checks.model.ts';
import { filledSections, passingInput } from './report-checks.test-figures.ts';
import { detect2019Labels } from './report-checks-format2019.ts';
import {
  isSectionEmpty,
  NO_2019_LABELS,
  NOT_COPIED_FROM_LAST_YEAR,
  onlySubheadings,
  SECTIONS_NOT_EMPTY,
} from './report-checks-text.ts';

const settings = resolveCheckSettings();

// Table 二 of a 2022 report on the old 2019 template, verbatim (fengshouxiang-2022-oldformat.txt).
const FENGSHOUXIANG_TABLE2 = `第二十条第(一)项 | ||||
信息内容 | 本年新制作数量 | 本年新 公开数量 | 对外公开总数量 | |
规章 | 0 | 0 | 0 | |
规范性文件 | 0 | 0 | 0 | |
第二十条第(五)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政许可 | 0 | 0 | 0 | |
其他对外管理服务事项 | 0 | 0 | 0 | |
第二十条第(六)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政处罚 | 0 | 0 | 0 | |
行政强制 | 0 | 0 | 0 | |
第二十条第(八)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | ||
行政事业性收费 | 0 | 0 | ||
第二十条第(九)项 | ||||
信息内容 | 采购项目数量 | 采购总金额 | ||
政府集中采购 | 0 | 0 | ||`;

// 2021-format table 二, one cell per line, row named 规范性文件 (huiyizhen-2021-cellperline.txt).
const HUIYIZHEN_TABLE2 =
  '信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n规章 |\n0 |\n0 |\n0 |\n规范性文件 |\n2 |\n0 |\n2 |\n' +
  '第二十条第(五)项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n行政许可 |\n213 |\n||';

describe('sections not empty', () => {
  it('passes sections 一, 五 and 六 with text', () => {
    expect(SECTIONS_NOT_EMPTY.run(passingInput(), settings)).toEqual([]);
  });

  it('fails an empty section and one that only repeats its heading', () => {
    const input = passingInput({
      sections: { ...filledSections(), problems: '  \n', other: '六、其他需要报告的事项\n\n。' },
    });
    expect(SECTIONS_NOT_EMPTY.run(input, settings)).toEqual([
      {
        id: 'sections.empty.problems',
        severity: 'error',
        title: '章节内容：不能为空',
        message: '“五、存在的主要问题及改进情况”没有内容，请填写。',
        sections: ['problems'],
      },
      {
        id: 'sections.empty.other',
        severity: 'error',
        title: '章节内容：不能为空',
        message: '“六、其他需要报告的事项”只有标题，没有内容，请填写。',
        sections: ['other'],
      },
    ]);
  });

  it.each([
    ['总体情况', true],
    ['一、总体情况：', true],
    ['一、总体情况\n2025年，本县……', false],
  ])('reads %j as empty: %s', (text, empty) => {
    expect(isSectionEmpty('overview', text)).toBe(empty);
  });

  it('warns about a section holding only numbered sub-headings (prompts left unanswered)', () => {
    const other =
      '六、其他需要报告的事项\n（一）落实上级年度政务公开工作要点情况\n\n（二）人大代表建议和政协提案办理结果公开情况：';
    const input = passingInput({ sections: { ...filledSections(), other } });
    expect(SECTIONS_NOT_EMPTY.run(input, settings)).toEqual([
      {
        id: 'sections.subheadings.other',
        severity: 'warning',
        title: '章节内容：不能为空',
        message:
          '“六、其他需要报告的事项”只有小标题（“（一）落实上级年度政务公开工作要点情况”、“（二）人大代表建议和政协提案办理结果公开情况：”），' +
          '没有内容，请填写；确无相关情况的，请写明。',
        sections: ['other'],
      },
    ]);
  });

  it.each([
    '（一）落实上级年度政务公开工作要点情况\n按照省政务公开工作要点，完成了12项任务。',
    '（一）信息处理费：本年度未收取。',
    '1.本年度共收取信息处理费0元',
  ])('takes %j as text of its own', (text) => {
    expect(onlySubheadings('other', text)).toEqual([]);
  });

  it('follows the required sections of the settings', () => {
    const input = passingInput({ sections: { ...filledSections(), overview: '' } });
    expect(SECTIONS_NOT_EMPTY.run(input, resolveCheckSettings({ requiredSections: ['problems'] }))).toEqual(
      [],
    );
  });
});

describe('detect2019Labels', () => {
  it('finds the old table 二 labels of a report on the 2019 template', () => {
    expect(detect2019Labels(FENGSHOUXIANG_TABLE2)).toEqual([
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '上一年项目数量',
      '本年增/减',
      '其他对外管理服务事项',
      '第二十条第（九）项',
      '政府集中采购',
      '采购项目数量',
      '采购总金额',
    ]);
  });

  it('finds them in traditional characters (text from a mirror)', () => {
    expect(detect2019Labels('信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量 |')).toEqual([
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
    ]);
  });

  it('finds nothing in a 2021-format table, even with the row named 规范性文件', () => {
    expect(detect2019Labels(HUIYIZHEN_TABLE2)).toEqual([]);
  });

  it('finds a single （六）其他处理 row holding numbers, in both table layouts', () => {
    expect(detect2019Labels('（六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |')).toEqual(['（六）其他处理']);
    expect(detect2019Labels('(六)其他处理 |\n1 |\n0 |')).toEqual(['（六）其他处理']);
  });

  it('does not take the 2021 group with its sub-rows, or 其他处理 in prose', () => {
    expect(
      detect2019Labels(
        '（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 |',
      ),
    ).toEqual([]);
    expect(
      detect2019Labels(
        '(六)其他处理 |\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |\n0 |',
      ),
    ).toEqual([]);
    // dongjiao-jd-2024-prose.txt
    expect(detect2019Labels('其中,予以公开2件,部分公开2件,不予公开1件,无法提供10件,其他处理0件。')).toEqual(
      [],
    );
    expect(detect2019Labels('本年度政府集中采购信息均已公开。')).toEqual([]);
  });
});

describe('no labels of the 2019 format in the text', () => {
  it('passes text in the 2021 format', () => {
    const input = passingInput({ sections: { ...filledSections(), proactive: HUIYIZHEN_TABLE2 } });
    expect(NO_2019_LABELS.run(input, settings)).toEqual([]);
  });

  it('fails the section that holds them, naming the labels and the 2021 columns', () => {
    const input = passingInput({
      sections: { ...filledSections(), proactive: '信息内容 | 本年新制作数量 | 本年新公开数量 |' },
    });
    const failures = NO_2019_LABELS.run(input, settings);
    expect(failures).toEqual([
      expect.objectContaining({ id: 'format2019.proactive', severity: 'error', sections: ['proactive'] }),
    ]);
    expect(failures?.[0]?.message).toBe(
      '“二、主动公开政府信息情况”中有2019年旧格式的栏目：“本年新制作数量”、“本年新公开数量”。' +
        '2021年起应使用国办公开办函〔2021〕30号格式：2021年格式表二第二十条第（一）项的栏目为“本年制发件数、本年废止件数、现行有效件数”。',
    );
  });
});

describe('内容雷同 with last year', () => {
  const paragraph =
    '我局高度重视依申请公开事项的答复,严格依法依规做好政府信息依申请公开答复,由专人负责协调有关处室研究答复意见,并按照规定程序,在规定时限内答复申请人。本年度,共受理政府信息公开申请2件。';

  it('passes text unlike last year’s', () => {
    const input = passingInput({
      previous: { figures: null, sections: { ...filledSections(), overview: paragraph } },
    });
    expect(NOT_COPIED_FROM_LAST_YEAR.run(input, settings)).toEqual([]);
  });

  it('warns, naming the paragraphs, when a paragraph repeats last year’s with new numbers', () => {
    const input = passingInput({
      sections: { ...filledSections(), overview: `2025年概况。\n\n${paragraph.replace('2件', '9件')}` },
      previous: { figures: null, sections: { ...filledSections(), overview: paragraph } },
    });
    const [failure, ...rest] = NOT_COPIED_FROM_LAST_YEAR.run(input, settings) ?? [];
    expect(rest).toEqual([]);
    expect(failure).toMatchObject({
      id: 'similarity',
      severity: 'warning',
      sections: ['overview'],
      paragraphs: [{ section: 'overview', index: 1, previousIndex: 0, similarity: 1 }],
    });
    expect(failure?.message).toBe(
      '与2024年报告内容雷同：“一、总体情况”第 2 段（与该年同章第 1 段相似度 100%）。比对时不计数字和年份（阈值 85%）。' +
        '请按本年度实际情况撰写；确属固定表述的，可保留。',
    );
  });

  it('follows the threshold of the settings', () => {
    const input = passingInput({
      sections: { ...filledSections(), overview: paragraph.replace('2件', '9件') },
      previous: { figures: null, sections: { ...filledSections(), overview: paragraph } },
    });
    expect(NOT_COPIED_FROM_LAST_YEAR.run(input, resolveCheckSettings({ similarityThreshold: 1.01 }))).toEqual(
      [],
    );
  });

  it('does not run without last year’s text', () => {
    expect(NOT_COPIED_FROM_LAST_YEAR.run(passingInput(), settings)).toBeNull();
  });
});
