/**
 * The reply limits of letters as typed settings (lib/settings), each with its basis: the defaults are the
 * named constants of letter.model.ts. Mailbox clocks are local rules (regulations §7), so every value is a
 * site-wide setting the 政务公开办 can change; a box may still set its own limit (letter_channels).
 */
import { z } from 'zod';
import { fieldSetting, SETTINGS } from '../../lib/settings/setting.ts';
import {
  DEFAULT_DUE_SOON_WORKING_DAYS,
  DEFAULT_REPLY_WORKING_DAYS,
  DEFAULT_SIMPLE_REPLY_WORKING_DAYS,
  DEFAULT_SITE_ERROR_REPLY_WORKING_DAYS,
  DEFAULT_TRANSFER_RESETS_CLOCK,
} from './letter.model.ts';

const intIn = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
const optionalInt = (label: string, min: number, max: number) =>
  z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    intIn(label, min, max).nullable(),
  );
const days = (key: string, name: string, label: string, legalBasis: string, def: number, min = 1) =>
  fieldSetting<number>({
    key,
    scope: 'site',
    label,
    legalBasis,
    default: def,
    schema: intIn(label, min, 60),
    control: { kind: 'text', name, width: 'short', inputmode: 'numeric' },
    parse: optionalInt(label, min, 60),
    format: String,
  });

/** 答复期限 of a letter (咨询, 建议, 投诉 …) in working days. */
export const REPLY_WORKING_DAYS = days(
  'letters.reply_working_days',
  'replyWorkingDays',
  '来信答复期限（工作日）',
  '江西省2023年政务公开工作要点（十三）：“答复期限不超过5个工作日”；各地规定不同，按本地规定配置（regulations §7）',
  DEFAULT_REPLY_WORKING_DAYS,
);

/** A letter marked 简单咨询. */
export const SIMPLE_REPLY_WORKING_DAYS = days(
  'letters.simple_reply_working_days',
  'simpleReplyWorkingDays',
  '简单咨询答复期限（工作日）',
  '江西省2023年政务公开工作要点（十三）：“简单问题在3日内完成答复”（按3个工作日计）',
  DEFAULT_SIMPLE_REPLY_WORKING_DAYS,
);

/** 我为政府网站找错. */
export const SITE_ERROR_REPLY_WORKING_DAYS = days(
  'letters.site_error_reply_working_days',
  'siteErrorReplyWorkingDays',
  '网站找错答复期限（工作日）',
  '全国政府网站“我为政府网站找错”平台：网民留言应在3个工作日内办理答复',
  DEFAULT_SITE_ERROR_REPLY_WORKING_DAYS,
);

/** 临期: at most this many working days left. */
export const DUE_SOON_WORKING_DAYS = days(
  'letters.due_soon_working_days',
  'dueSoonWorkingDays',
  '临期提醒（剩余工作日）',
  '本平台办理规则（与依申请公开相同）：剩余工作日不超过此数时显示为临期并提醒',
  DEFAULT_DUE_SOON_WORKING_DAYS,
  0,
);

const YES_NO = [
  { value: 'no', label: '否：转办不重新计时，来信人的等待时间连续计算' },
  { value: 'yes', label: '是：自转办之日起重新计算答复期限' },
] as const;

/** Whether a transfer to another unit restarts the clock. */
export const TRANSFER_RESETS_CLOCK = fieldSetting<boolean>({
  key: 'letters.transfer_resets_clock',
  scope: 'site',
  label: '转办后是否重新计时',
  legalBasis:
    '本地规定（regulations §7）；默认不重新计时：来信人自提交之日起等待，转办属机关内部流转（国办秘函〔2019〕19号按留言时间考核）',
  default: DEFAULT_TRANSFER_RESETS_CLOCK,
  schema: z.boolean(),
  control: { kind: 'select', name: 'transferResetsClock', options: YES_NO },
  parse: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? null : v),
    z
      .enum(['yes', 'no'], { message: '转办后是否重新计时选择有误' })
      .transform((v) => v === 'yes')
      .nullable(),
  ),
  format: (v) => (v ? 'yes' : 'no'),
});

/** The letters settings page (one form). */
export const LETTER_SETTINGS = SETTINGS.register({
  replyWorkingDays: REPLY_WORKING_DAYS,
  simpleReplyWorkingDays: SIMPLE_REPLY_WORKING_DAYS,
  siteErrorReplyWorkingDays: SITE_ERROR_REPLY_WORKING_DAYS,
  dueSoonWorkingDays: DUE_SOON_WORKING_DAYS,
  transferResetsClock: TRANSFER_RESETS_CLOCK,
});

/** The settings in force, as the clock takes them. */
export interface LetterLimits {
  replyWorkingDays: number;
  simpleReplyWorkingDays: number;
  siteErrorReplyWorkingDays: number;
  dueSoonWorkingDays: number;
  transferResetsClock: boolean;
}
