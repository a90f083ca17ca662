/** Settings of the 政策问答库 (lib/settings): the 复核 interval. */
import { z } from 'zod';
import { fieldSetting, SETTINGS } from '../../lib/settings/setting.ts';
import { DEFAULT_REVIEW_MONTHS } from './qa-entry.model.ts';

const months = (label: string) =>
  z.coerce
    .number({ message: `${label}必须是数字` })
    .int(`${label}必须是整数`)
    .min(1, `${label}不能小于 1`)
    .max(60, `${label}不能大于 60`);

/** 复核日期 = publication day + this many months. */
export const REVIEW_MONTHS = fieldSetting<number>({
  key: 'qa.review_months',
  scope: 'site',
  label: '问答复核周期（月）',
  legalBasis:
    '无全国统一规定；《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）对服务内容长期不更新扣分，本平台默认发布后 12 个月复核一次，可按本地规定修改',
  default: DEFAULT_REVIEW_MONTHS,
  schema: months('问答复核周期'),
  control: { kind: 'text', name: 'reviewMonths', width: 'short', inputmode: 'numeric' },
  parse: z.preprocess((v) => (v === '' || v == null ? null : v), months('问答复核周期').nullable()),
  format: String,
});

export const QA_SETTINGS = SETTINGS.register({ reviewMonths: REVIEW_MONTHS });
