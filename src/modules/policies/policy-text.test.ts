/**
 * The text reader on real-shaped lines (typed inline, written the way 规范性文件 end their text: the
 * 施行 / 有效期 clause, the 登记号 line above the title, PDF-extracted breaks, mirrored traditional pages).
 */
import { describe, expect, it } from 'vitest';
import { dateOf, normalisePolicyText, readPolicyText, smallNumber } from './policy-text.ts';

describe('normalisePolicyText', () => {
  it.each([
    ['full-width digits and letters', '有效期至２０２５年６月３日', '有效期至2025年6月3日'],
    ['pinyin after characters', '区(qū)域内有效期(qī)五年', '区域内有效期五年'],
    ['pinyin with tone digits', '登记(deng4)号', '登记号'],
    ['lines broken between characters', '本办法自发布之日\n起施行', '本办法自发布之日起施行'],
    ['lines broken before a digit', '自\n2021年5月1日起施行', '自2021年5月1日起施行'],
    ['lines broken inside a date', '自2021\n年5月1日起施行', '自2021年5月1日起施行'],
    ['traditional characters', '本辦法自發佈之日起實施', '本办法自发布之日起实施'],
    ['Chinese-numeral dates', '自二〇二一年五月一日起施行', '自2021年5月1日起施行'],
    ['circle zero in dates', '有效期至二○二五年十二月三十一日', '有效期至2025年12月31日'],
    ['em and en dashes', 'HFGS—2017—9 / HHCR–2023–01005', 'HFGS-2017-9 / HHCR-2023-01005'],
    ['ideographic spaces', '有效期\u3000\u30005年', '有效期 5年'],
  ])('%s', (_what, input, expected) => {
    expect(normalisePolicyText(input)).toBe(expected);
  });

  it('keeps the break between two Latin words and between paragraphs that end with punctuation', () => {
    expect(normalisePolicyText('Article one\nArticle two')).toBe('Article one\nArticle two');
  });
});

describe('smallNumber and dateOf', () => {
  it.each([
    ['5', 5],
    ['五', 5],
    ['两', 2],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十一', 31],
    ['五五', null],
    ['百', null],
  ])('%s → %s', (s, n) => expect(smallNumber(s)).toBe(n));

  it('accepts real dates only', () => {
    expect(dateOf('2024', '2', '29')).toBe('2024-02-29');
    expect(dateOf('2023', '2', '29')).toBeNull();
    expect(dateOf('2023', '13', '1')).toBeNull();
    expect(dateOf('1900', '1', '1')).toBeNull();
  });
});

describe('readPolicyText: 统一登记号', () => {
  it.each([
    ['HHCR-2023-01005\n怀化市人民政府关于印发…的通知', 'HHCR-2023-01005'],
    ['登记号：HFGS—2017—9', 'HFGS-2017-9'],
    ['统一登记号：ＨＨＣＲ－２０２３－０１００５', 'HHCR-2023-01005'],
    ['浙江省行政规范性文件统一编号 ZJSP01-2021-0005', 'ZJSP01-2021-0005'],
    ['登记编号: hncr - 2022 - 00017', 'HNCR-2022-00017'],
  ])('%s', (text, expected) => {
    expect(readPolicyText(text).registrationNumber?.value).toBe(expected);
  });

  it('does not take a 发文字号 or a phone number for a 登记号', () => {
    const r = readPolicyText('湘政发〔2021〕5号\n联系电话：0745-2712345\n邮编 418000');
    expect(r.registrationNumber).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('the same number twice is one finding; two different numbers are none, with a warning', () => {
    expect(readPolicyText('HHCR-2023-01005 …… 登记号 HHCR-2023-01005').registrationNumber?.value).toBe(
      'HHCR-2023-01005',
    );
    const r = readPolicyText('HHCR-2023-01005\n附：原文件 HHCR-2019-00321');
    expect(r.registrationNumber).toBeNull();
    expect(r.warnings.join()).toMatch(/多个不同的统一登记号.*HHCR-2023-01005.*HHCR-2019-00321/);
  });
});

describe('readPolicyText: 施行', () => {
  it.each([
    ['本办法自2021年5月1日起施行。', '2021-05-01'],
    ['本规定自２０２２年１月１日起实施，由县司法局负责解释。', '2022-01-01'],
    ['本细则自二〇二三年三月一日起施行', '2023-03-01'],
    ['本意见从2020年7月15日起执行', '2020-07-15'],
    ['本办法于2019年10月1日起生效', '2019-10-01'],
    ['本辦法自二○二一年十月一日起實施', '2021-10-01'],
    ['第二十条 本办法自2021年\n5月1日起施行', '2021-05-01'],
    ['本办法自发布之日起施行。', 'publication'],
    ['本通知自印发之日起执行', 'publication'],
    ['本規定自公佈之日起施行', 'publication'],
  ])('%s', (text, expected) => {
    const r = readPolicyText(text);
    expect(r.effectiveOn?.value).toBe(expected);
    expect(r.warnings).toEqual([]);
  });

  it('keeps the words it read the date from', () => {
    const r = readPolicyText('第三十条 本办法自2021年5月1日起施行，有效期5年。');
    expect(r.effectiveOn?.excerpt).toContain('自2021年5月1日起施行');
  });

  it('does not read the 施行 date of another instrument the text cites', () => {
    const r = readPolicyText('根据自2020年1月1日起施行的《优化营商环境条例》，制定本办法。');
    expect(r.effectiveOn).toBeNull();
  });

  it('“自发布之日起30日后施行” is unsure: no date, the days kept, a warning asking for the 公布日期', () => {
    for (const text of [
      '本办法自发布之日起30日后施行。',
      '本规定自公布之日起三十日后施行',
      '本办法自印发之日起满30日施行',
    ]) {
      const r = readPolicyText(text);
      expect(r.effectiveOn, text).toBeNull();
      expect(r.effectiveAfterDays?.value, text).toBe(30);
      expect(r.warnings.join(), text).toMatch(/取决于公布日期.*请按公布日期确认/);
    }
  });

  it('two different 施行 clauses → none, with a warning naming both', () => {
    const r = readPolicyText('本办法自2021年5月1日起施行。\n……\n本办法自2022年1月1日起实施。');
    expect(r.effectiveOn).toBeNull();
    expect(r.warnings.join()).toMatch(/多个不同的施行日期/);
  });

  it('a date that does not exist is not read', () => {
    expect(readPolicyText('本办法自2021年2月30日起施行').effectiveOn).toBeNull();
  });
});

describe('readPolicyText: 有效期', () => {
  it.each([
    ['有效期5年。', 5],
    ['有效期为五年', 5],
    ['有效期限为3年', 3],
    ['有效期两年', 2],
    ['本办法自2021年5月1日起施行，有效期十年', 10],
    ['有效期：５年', 5],
    ['有效期\n3年', 3],
  ])('%s → %s years', (text, years) => {
    expect(readPolicyText(text).validityYears?.value).toBe(years);
  });

  it.each([
    ['有效期至2025年6月3日。', '2025-06-03'],
    ['有效期截至2026年12月31日', '2026-12-31'],
    ['有效期到二〇二七年四月三十日止', '2027-04-30'],
    ['有效期截止到2024.6.30', '2024-06-30'],
  ])('%s → expires %s', (text, expires) => {
    const r = readPolicyText(text);
    expect(r.expiresOn?.value).toBe(expires);
    expect(r.warnings).toEqual([]);
  });

  it('有效期自…至…: the end is the expiry and the start the 施行 date, both from the same words', () => {
    const r = readPolicyText('本办法有效期自2021年1月1日起至2025年12月31日止。');
    expect(r.expiresOn?.value).toBe('2025-12-31');
    expect(r.effectiveOn?.value).toBe('2021-01-01');
    expect(r.expiresOn?.excerpt).toContain('2021年1月1日起至2025年12月31日');
  });

  it('有效期为X至Y agrees with the 施行 clause that states the same date (one finding, no warning)', () => {
    const r = readPolicyText('本意见自2022年3月1日起施行，有效期为2022年3月1日至2027年2月28日。');
    expect(r.effectiveOn?.value).toBe('2022-03-01');
    expect(r.expiresOn?.value).toBe('2027-02-28');
    expect(r.warnings).toEqual([]);
  });

  it('a 施行 clause and a 有效期 start that disagree → no 施行 date, a warning', () => {
    const r = readPolicyText('本办法自2022年3月1日起施行，有效期自2022年4月1日至2027年3月31日。');
    expect(r.effectiveOn).toBeNull();
    expect(r.expiresOn?.value).toBe('2027-03-31');
    expect(r.warnings.join()).toMatch(/施行日期/);
  });

  it('two different 有效期 clauses → none, with a warning', () => {
    const years = readPolicyText('有效期5年。……（附件）原办法有效期3年');
    expect(years.validityYears).toBeNull();
    expect(years.warnings.join()).toMatch(/多个不同的有效期年限/);
    const ends = readPolicyText('有效期至2025年6月30日。……有效期至2026年6月30日');
    expect(ends.expiresOn).toBeNull();
    expect(ends.warnings.join()).toMatch(/多个不同的有效期截止日期/);
  });

  it('a text without any clause reads nothing and warns nothing', () => {
    const r = readPolicyText('各乡镇人民政府，县直各单位：现将《实施方案》印发给你们，请认真贯彻执行。');
    expect(r).toMatchObject({
      registrationNumber: null,
      validityYears: null,
      expiresOn: null,
      effectiveOn: null,
      effectiveAfterDays: null,
      provisional: false,
      warnings: [],
    });
  });
});

describe('readPolicyText: 暂行 / 试行', () => {
  it.each([
    ['', '某县农村集体资产管理暂行办法', true],
    ['', '某县政府投资项目管理办法（试行）', true],
    ['', '某縣城鄉低保管理暫行規定', true],
    ['本办法试行二年。', '某县办法', true],
    ['', '某县人民政府关于进一步加强安全生产工作的意见', false],
  ])('%s %s', (text, title, expected) => {
    expect(readPolicyText(text, title).provisional).toBe(expected);
  });
});

describe('readPolicyText on a whole ending (broken lines, all clauses at once)', () => {
  it('reads every clause of a realistic last page', () => {
    const text = [
      'HHCR—2023—01005',
      '',
      '某市人民政府办公室关于印发《某市城市',
      '公共停车场管理暂行办法》的通知',
      '……',
      '第二十八条  本办法由市住房和城乡建设局负责解释。',
      '第二十九条  本办法自２０２３年７月１日起施行，有效',
      '期２年。',
    ].join('\n');
    const r = readPolicyText(text, '某市城市公共停车场管理暂行办法');
    expect(r.registrationNumber?.value).toBe('HHCR-2023-01005');
    expect(r.effectiveOn?.value).toBe('2023-07-01');
    expect(r.validityYears?.value).toBe(2);
    expect(r.provisional).toBe(true);
    expect(r.warnings).toEqual([]);
  });
});

describe('readPolicyText: the labelled metadata block of a page', () => {
  it('reads 生效日期 and 失效日期 (the first day no longer in force), saying how it read the latter', () => {
    const r = readPolicyText(
      '索 引 号: 43000000/2021-0001 发布机构: 县人民政府办公室\n文  號: 某政辦發〔2021〕5號 統一登記號: ABDR-2021-01004\n生效日期: 2021-06-03 失效日期: 2026-06-03 公開方式: 政府網站',
    );
    expect(r.effectiveOn?.value).toBe('2021-06-03');
    expect(r.expiresOn?.value).toBe('2026-06-02');
    expect(r.registrationNumber?.value).toBe('ABDR-2021-01004');
    expect(r.warnings.join('')).toContain('有效期至 2026-06-02，请核对');
  });

  it('reads a label and its value on separate lines, and 有效期至 as it stands', () => {
    const r = readPolicyText('施行时间：\n2024年3月1日\n有效期至：\n2029年2月28日');
    expect(r.effectiveOn?.value).toBe('2024-03-01');
    expect(r.expiresOn?.value).toBe('2029-02-28');
    expect(r.warnings).toEqual([]);
  });

  it('reports a 废止时间 but records nothing, and an empty label gives nothing', () => {
    const r = readPolicyText(
      '生效时间: 2019-01-23\n废止时间: 2020-01-23 名称: 某县人民政府工作规则\n有效性:\n发布日期:',
    );
    expect(r.effectiveOn?.value).toBe('2019-01-23');
    expect(r.expiresOn).toBeNull();
    expect(r.warnings.join('')).toContain('废止须有废止它的文件为依据');
  });

  it('a label that disagrees with the text’s own clause gives no date and a warning', () => {
    const r = readPolicyText('生效日期: 2022-01-01\n……本办法自2022年2月1日起施行。');
    expect(r.effectiveOn).toBeNull();
    expect(r.warnings.join('')).toContain('施行日期');
  });
});
