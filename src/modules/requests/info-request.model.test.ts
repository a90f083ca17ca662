import { describe, expect, it } from 'vitest';
import {
  CHANNEL_INFO,
  DECISION_GROUPS,
  DECISIONS,
  type Decision,
  letterFor,
  REPORT_CATEGORY_LABELS,
} from './info-request.model.ts';

const group = (g: string) =>
  Object.values(DECISIONS)
    .filter((d) => d.group === g)
    .map((d) => d.reportLabel);

describe('decisions follow the 2021 annual-report rows exactly', () => {
  it.each([
    ['granted', ['（一）予以公开']],
    ['partial', ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）']],
    [
      'withheld',
      [
        '1.属于国家秘密',
        '2.其他法律行政法规禁止公开',
        '3.危及“三安全一稳定”',
        '4.保护第三方合法权益',
        '5.属于三类内部事务信息',
        '6.属于四类过程性信息',
        '7.属于行政执法案卷',
        '8.属于行政查询事项',
      ],
    ],
    ['unavailable', ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确']],
    [
      'not_handled',
      [
        '1.信访举报投诉类申请',
        '2.重复申请',
        '3.要求提供公开出版物',
        '4.无正当理由大量反复申请',
        '5.要求行政机关确认或重新出具已获取信息',
      ],
    ],
    [
      'other',
      [
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        '3.其他',
      ],
    ],
  ])('%s', (g, labels) => {
    expect(group(g)).toEqual(labels);
  });

  it('has 21 decisions in six groups, each with a reply type', () => {
    expect(Object.keys(DECISIONS)).toHaveLength(21);
    expect(new Set(Object.values(DECISIONS).map((d) => d.group))).toEqual(new Set(DECISION_GROUPS));
    for (const d of Object.values(DECISIONS)) expect(d.replyTypes.length).toBeGreaterThan(0);
  });

  it.each([
    ['granted', 'art36_2', 'disclosure_notice'],
    ['partial', 'art37', 'partial_disclosure_notice'],
    ['withheld_third_party', 'art36_3', 'non_disclosure_notice'],
    ['unavailable_not_held', 'art36_4', 'nonexistence_notice'],
    ['unavailable_not_held', 'art36_5', 'not_this_agency_notice'],
    ['not_handled_repeated', 'art36_6', 'non_handling_notice'],
    ['other_correction_overdue', 'art30', null],
  ] as const)('%s with %s uses letter %s', (decision, reply, letter) => {
    expect(letterFor(decision as Decision, reply)).toBe(letter);
  });
});

describe('channels fix the date of receipt (条例 第三十一条)', () => {
  it.each([
    ['in_person', 'submitted'],
    ['registered_mail', 'signed_for'],
    ['ordinary_letter', 'confirmed_with_applicant'],
    ['fax', 'both_confirmed'],
    ['email', 'both_confirmed'],
    ['online', 'both_confirmed'],
  ] as const)('%s → %s', (channel, rule) => {
    expect(CHANNEL_INFO[channel].receiptRule).toBe(rule);
  });

  it('lists the report columns in table 三 order', () => {
    expect(Object.values(REPORT_CATEGORY_LABELS)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
  });
});
