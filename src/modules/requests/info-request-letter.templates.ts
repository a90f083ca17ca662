/**
 * Letter templates of 依申请公开 (issue 4 §2) with their built-in defaults, and the placeholder
 * filling. A template is plain text: paragraphs separated by blank lines, placeholders in braces
 * ({申请人}). Staff may edit a template; the default stays available as the fallback.
 */
import { LETTER_TEMPLATES, type LetterTemplate } from './info-request.model.ts';

/** Placeholders every letter can use, with what they stand for (shown on the template page). */
export const PLACEHOLDERS: Record<string, string> = {
  申请人: '申请人姓名或名称',
  受理编号: '受理编号',
  收到日期: '收到申请之日（条例第三十一条）',
  答复期限: '当前答复期限',
  申请内容: '所需信息的名称、文号或描述',
  办理机关: '受理机构（申请指南中的名称）',
  落款日期: '出具日期',
  决定依据: '处理结果及其条例依据',
  答复要点: '拟定答复时填写的答复要点',
  补正期限: '补正期限届满日',
  延长天数: '延长的工作日数',
  延期理由: '延期理由',
  征求意见对象: '征求意见的第三方或机关',
  收费金额: '信息处理费金额（元）',
  收费明细: '按件或按量的计算明细',
  缴费期限: '缴费期限届满日',
  负责机关: '负责公开该信息的行政机关',
};

const P = (...paras: string[]) => paras.join('\n\n');
const HEAD = '{申请人}：';
const TAIL = P('特此告知。', '{办理机关}', '{落款日期}');

/** The built-in text of each template. */
export const DEFAULT_TEMPLATES: Record<LetterTemplate, string> = {
  correction_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，您的申请内容不明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，请您于{补正期限}前对申请内容作出更改、补充，明确所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    TAIL,
  ),
  extension_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}）。',
    '因{延期理由}，不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长天数}个工作日，延长后的答复期限为{答复期限}。',
    TAIL,
  ),
  consultation_letter: P(
    '{征求意见对象}：',
    '本机关收到关于“{申请内容}”的政府信息公开申请（受理编号：{受理编号}）。该信息的公开可能涉及贵方合法权益（或由贵机关与本机关共同制作），根据《中华人民共和国政府信息公开条例》第三十二条、第三十四条的规定，现书面征求贵方意见，请自收到本函之日起15个工作日内提出意见。逾期未提出意见的，由本机关依照条例的规定决定是否公开。',
    '{办理机关}',
    '{落款日期}',
  ),
  fee_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}）。',
    '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费人民币{收费金额}元。计算明细：{收费明细}。',
    '请于{缴费期限}前缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    TAIL,
  ),
  disclosure_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，现答复如下：{决定依据}。{答复要点}',
    '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
    TAIL,
  ),
  partial_disclosure_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，您申请的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分，并对不予公开的部分说明理由：{答复要点}',
    '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
    TAIL,
  ),
  non_disclosure_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，{决定依据}，根据《中华人民共和国政府信息公开条例》第三十六条第（三）项的规定，本机关决定不予公开。理由如下：{答复要点}',
    '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
    TAIL,
  ),
  nonexistence_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经检索，本机关没有制作或者获取您所申请公开的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，告知您该政府信息不存在。{答复要点}',
    '如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。',
    TAIL,
  ),
  not_this_agency_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，您所申请的信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》第三十六条第（五）项的规定，告知您该信息由{负责机关}负责公开，请向其提出申请。',
    TAIL,
  ),
  non_handling_notice: P(
    HEAD,
    '本机关于{收到日期}收到您（单位）提出的政府信息公开申请（受理编号：{受理编号}），申请内容为：{申请内容}。',
    '经审查，{决定依据}，本机关不作为政府信息公开申请处理。{答复要点}',
    TAIL,
  ),
};

/** Fills `{名称}` placeholders; unknown placeholders stay as typed so staff notice them. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^{}\s]{1,12})\}/g, (m, name: string) => values[name] ?? m);
}

/** Placeholders in a template that no letter can fill (shown as a warning when saving). */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{([^{}\s]{1,12})\}/g)].map((m) => m[1] as string);
  return [...new Set(found.filter((n) => !(n in PLACEHOLDERS)))];
}

/** The letter number, e.g. 示范县发改依告〔2026〕3号. */
export function letterNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

export const LETTER_KINDS = Object.keys(LETTER_TEMPLATES) as LetterTemplate[];
