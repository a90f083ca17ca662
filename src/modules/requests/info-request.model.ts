/**
 * The vocabulary of 依申请公开 as data: applicant types and the annual-report categories, identity
 * documents, channels and how each fixes the date of receipt (条例 第三十一条), forms of delivery,
 * and the decisions exactly as the 2021 annual-report format lists them (国办公开办函〔2021〕30号).
 * Keys are persisted: never rename one; labels are shown and reported as they are.
 */

/** 申请人类型 (条例 第二十九条). */
export const APPLICANT_KINDS = ['citizen', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  citizen: '公民',
  organisation: '法人或其他组织',
};

/** The columns of the annual report's table 三: 自然人 plus the five 法人或其他组织 categories. */
export const REPORT_CATEGORIES = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];
export const REPORT_CATEGORY_LABELS: Record<ReportCategory, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
};
/** The categories an organisation chooses from (all but 自然人). */
export const ORGANISATION_CATEGORIES = [
  'commercial',
  'research',
  'public_interest',
  'legal_services',
  'other',
] as const satisfies readonly ReportCategory[];
export type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];

/** 证件类型 of a citizen applicant. Only 居民身份证 has a check digit we can verify. */
export const ID_TYPES = [
  'resident_id',
  'hk_macao_permit',
  'taiwan_permit',
  'passport',
  'foreign_permanent_residence',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];
export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  passport: '护照',
  foreign_permanent_residence: '外国人永久居留身份证',
  other: '其他',
};

/** How the date of receipt is fixed for a channel (条例 第三十一条). */
export type ReceiptRule = 'submitted' | 'signed_for' | 'confirmed_with_applicant' | 'both_confirmed';

export interface ChannelInfo {
  label: string;
  receiptRule: ReceiptRule;
  /** Label of the date staff enter at intake (the date of receipt under 第三十一条). */
  receiptDateLabel: string;
  /** 条例 第三十一条 clause that fixes the date of receipt. */
  basis: string;
}

export const CHANNELS = [
  'in_person',
  'registered_mail',
  'ordinary_letter',
  'fax',
  'email',
  'online',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_INFO: Record<Channel, ChannelInfo> = {
  in_person: {
    label: '当面',
    receiptRule: 'submitted',
    receiptDateLabel: '提交日期',
    basis: '第三十一条第（一）项',
  },
  registered_mail: {
    label: '邮寄（需签收）',
    receiptRule: 'signed_for',
    receiptDateLabel: '签收日期',
    basis: '第三十一条第（二）项',
  },
  ordinary_letter: {
    label: '平常信函',
    receiptRule: 'confirmed_with_applicant',
    receiptDateLabel: '与申请人确认日期',
    basis: '第三十一条第（二）项',
  },
  fax: {
    label: '传真',
    receiptRule: 'both_confirmed',
    receiptDateLabel: '双方确认日期',
    basis: '第三十一条第（三）项',
  },
  email: {
    label: '电子邮件',
    receiptRule: 'both_confirmed',
    receiptDateLabel: '双方确认日期',
    basis: '第三十一条第（三）项',
  },
  online: {
    label: '网上',
    receiptRule: 'both_confirmed',
    receiptDateLabel: '双方确认日期',
    basis: '第三十一条第（三）项',
  },
};

/** 获取信息的方式 the applicant asks for (条例 第二十九条第（三）项). */
export const DELIVERY_METHODS = ['self_pickup', 'read_on_site', 'post', 'email', 'fax', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  self_pickup: '自行领取',
  read_on_site: '当场阅读、抄录',
  post: '邮寄',
  email: '电子邮件',
  fax: '传真',
  online: '网上获取',
};

/** 信息的载体形式. */
export const CARRIERS = ['paper', 'electronic', 'disc'] as const;
export type Carrier = (typeof CARRIERS)[number];
export const CARRIER_LABELS: Record<Carrier, string> = {
  paper: '纸质',
  electronic: '电子文件',
  disc: '光盘',
};

/** The 条例 article that shapes the reply letter's wording. */
export const REPLY_TYPES = [
  'art36_1',
  'art36_2',
  'art36_3',
  'art36_4',
  'art36_5',
  'art36_6',
  'art36_7',
  'art30',
  'art35',
  'art37',
  'art38',
  'art39',
  'art42',
  'other',
] as const;
export type ReplyType = (typeof REPLY_TYPES)[number];
export const REPLY_TYPE_LABELS: Record<ReplyType, string> = {
  art36_1: '第三十六条第（一）项：已主动公开，告知获取方式和途径',
  art36_2: '第三十六条第（二）项：可以公开，提供或告知获取方式、途径和时间',
  art36_3: '第三十六条第（三）项：不予公开，告知并说明理由',
  art36_4: '第三十六条第（四）项：经检索没有所申请公开信息，告知不存在',
  art36_5: '第三十六条第（五）项：不属于本机关负责公开，告知并说明理由',
  art36_6: '第三十六条第（六）项：重复申请，告知不予重复处理',
  art36_7: '第三十六条第（七）项：依照有关法律、行政法规的规定办理',
  art30: '第三十条：补正相关',
  art35: '第三十五条：申请数量、频次明显超过合理范围',
  art37: '第三十七条：区分处理，提供可以公开的部分',
  art38: '第三十八条：需要另行加工、分析的，可以不予提供',
  art39: '第三十九条：信访、投诉、举报或公开出版物，告知通过相应渠道办理',
  art42: '第四十二条：逾期未缴纳信息处理费',
  other: '其他',
};

/** Letter templates (issue 4 §2). Keys name template files the letters module will read. */
export const LETTER_TEMPLATES = {
  correction_notice: '补正通知书',
  extension_notice: '延期答复告知书',
  consultation_letter: '征求意见函',
  fee_notice: '收费通知书',
  disclosure_notice: '政府信息公开告知书',
  partial_disclosure_notice: '部分公开告知书',
  non_disclosure_notice: '不予公开告知书',
  nonexistence_notice: '信息不存在告知书',
  not_this_agency_notice: '非本机关告知书',
  non_handling_notice: '不予处理告知书',
} as const;
export type LetterTemplate = keyof typeof LETTER_TEMPLATES;

/** The six outcome groups of the annual report's table 三, row 三. */
export const DECISION_GROUPS = [
  'granted',
  'partial',
  'withheld',
  'unavailable',
  'not_handled',
  'other',
] as const;
export type DecisionGroup = (typeof DECISION_GROUPS)[number];
export const DECISION_GROUP_LABELS: Record<DecisionGroup, string> = {
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_handled: '（五）不予处理',
  other: '（六）其他处理',
};

export interface DecisionInfo {
  group: DecisionGroup;
  /** The exact row label of the annual report (a numbered ground, or the group label). */
  reportLabel: string;
  /** Reply types allowed for this decision; the first is the default. */
  replyTypes: readonly [ReplyType, ...ReplyType[]];
  /** The letter the reply is written from; null = the case closes without a reply letter. */
  letter: LetterTemplate | null;
}

const d = (
  group: DecisionGroup,
  reportLabel: string,
  replyTypes: DecisionInfo['replyTypes'],
  letter: LetterTemplate | null,
): DecisionInfo => ({ group, reportLabel, replyTypes, letter });

/** Every decision, in annual-report row order. */
export const DECISIONS = {
  granted: d('granted', '（一）予以公开', ['art36_2', 'art36_1'], 'disclosure_notice'),
  partial: d('partial', DECISION_GROUP_LABELS.partial, ['art37'], 'partial_disclosure_notice'),
  withheld_state_secret: d('withheld', '1.属于国家秘密', ['art36_3'], 'non_disclosure_notice'),
  withheld_prohibited_by_law: d(
    'withheld',
    '2.其他法律行政法规禁止公开',
    ['art36_3'],
    'non_disclosure_notice',
  ),
  withheld_security_stability: d('withheld', '3.危及“三安全一稳定”', ['art36_3'], 'non_disclosure_notice'),
  withheld_third_party: d('withheld', '4.保护第三方合法权益', ['art36_3'], 'non_disclosure_notice'),
  withheld_internal_affairs: d('withheld', '5.属于三类内部事务信息', ['art36_3'], 'non_disclosure_notice'),
  withheld_process_info: d('withheld', '6.属于四类过程性信息', ['art36_3'], 'non_disclosure_notice'),
  withheld_enforcement_file: d('withheld', '7.属于行政执法案卷', ['art36_3'], 'non_disclosure_notice'),
  withheld_administrative_query: d(
    'withheld',
    '8.属于行政查询事项',
    ['art36_7', 'art36_3'],
    'non_disclosure_notice',
  ),
  unavailable_not_held: d(
    'unavailable',
    '1.本机关不掌握相关政府信息',
    ['art36_4', 'art36_5'],
    'nonexistence_notice',
  ),
  unavailable_needs_creation: d('unavailable', '2.没有现成信息需要另行制作', ['art38'], 'disclosure_notice'),
  unavailable_still_unclear: d('unavailable', '3.补正后申请内容仍不明确', ['art30'], 'disclosure_notice'),
  not_handled_petition: d('not_handled', '1.信访举报投诉类申请', ['art39'], 'non_handling_notice'),
  not_handled_repeated: d('not_handled', '2.重复申请', ['art36_6'], 'non_handling_notice'),
  not_handled_publication: d('not_handled', '3.要求提供公开出版物', ['art39'], 'non_handling_notice'),
  not_handled_excessive: d('not_handled', '4.无正当理由大量反复申请', ['art35'], 'non_handling_notice'),
  not_handled_confirm_or_reissue: d(
    'not_handled',
    '5.要求行政机关确认或重新出具已获取信息',
    ['other'],
    'non_handling_notice',
  ),
  other_correction_overdue: d(
    'other',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ['art30'],
    null,
  ),
  other_fee_unpaid: d(
    'other',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    ['art42'],
    null,
  ),
  other_other: d('other', '3.其他', ['other'], 'disclosure_notice'),
} as const satisfies Record<string, DecisionInfo>;
export type Decision = keyof typeof DECISIONS;
export const DECISION_KEYS = Object.keys(DECISIONS) as [Decision, ...Decision[]];

/** Letter for a decision and reply type: 第三十六条第（五）项 always uses the 非本机关 letter. */
export function letterFor(decision: Decision, replyType: ReplyType): LetterTemplate | null {
  if (replyType === 'art36_5') return 'not_this_agency_notice';
  return DECISIONS[decision].letter;
}
