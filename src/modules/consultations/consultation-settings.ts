/**
 * The minimum windows without a statutory number, as typed settings (site-wide): 规范性文件 (a State
 * Council notice, counted in working days) and 其他 (no rule at all: 0 = no minimum).
 */
import { z } from 'zod';
import { fieldSetting, SETTINGS } from '../../lib/settings/setting.ts';

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

export const NORMATIVE_MIN_WORKING_DAYS = fieldSetting<number>({
  key: 'consultations.normative_min_working_days',
  scope: 'site',
  label: '规范性文件征求意见最短期限（工作日）',
  hint: '期限短于此值时，须填写并公开缩短期限的理由。',
  legalBasis:
    '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）：征求意见的期限一般不少于7个工作日',
  default: 7,
  schema: intIn('规范性文件最短期限', 0, 60),
  control: { kind: 'text', name: 'normativeMinWorkingDays', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('规范性文件最短期限', 0, 60),
  format: String,
});

export const OTHER_MIN_DAYS = fieldSetting<number>({
  key: 'consultations.other_min_days',
  scope: 'site',
  label: '其他意见征集最短期限（日）',
  hint: '填 0 表示不设最短期限。',
  legalBasis: '法律法规未规定最短期限，按本地规定配置（regulations §7）',
  default: 0,
  schema: intIn('其他意见征集最短期限', 0, 90),
  control: { kind: 'text', name: 'otherMinDays', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('其他意见征集最短期限', 0, 90),
  format: String,
});

/** The settings page of 意见征集 (one form). */
export const CONSULTATION_SETTINGS = SETTINGS.register({
  normativeMinWorkingDays: NORMATIVE_MIN_WORKING_DAYS,
  otherMinDays: OTHER_MIN_DAYS,
});
