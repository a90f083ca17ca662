/**
 * Settings of 政策找人, each with its basis: how long an unconfirmed subscription (an address nobody
 * confirmed) is kept, and how many subscriptions one address may hold. Site-wide, changed by the 政务公开办.
 */
import { z } from 'zod';
import { fieldSetting, SETTINGS } from '../../lib/settings/setting.ts';

/** Days an unconfirmed subscription is kept before the address is deleted. */
export const DEFAULT_PENDING_PURGE_DAYS = 7;
/** Subscriptions (pending or confirmed) one address may hold. */
export const DEFAULT_MAX_PER_ADDRESS = 5;

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

export const PENDING_PURGE_DAYS = fieldSetting<number>({
  key: 'subscriptions.pending_purge_days',
  scope: 'site',
  label: '未确认订阅的保留天数',
  legalBasis:
    '个人信息保护法 第十九条：保存期限应当为实现处理目的所必要的最短时间；未确认的邮箱地址超过此天数即删除',
  default: DEFAULT_PENDING_PURGE_DAYS,
  schema: intIn('未确认订阅的保留天数', 1, 30),
  control: { kind: 'text', name: 'pendingPurgeDays', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('未确认订阅的保留天数', 1, 30),
  format: String,
});

export const MAX_PER_ADDRESS = fieldSetting<number>({
  key: 'subscriptions.max_per_address',
  scope: 'site',
  label: '每个邮箱最多订阅数',
  legalBasis: '本平台防滥用规则：限制同一邮箱的订阅数量，防止以订阅为名向他人邮箱大量发信',
  default: DEFAULT_MAX_PER_ADDRESS,
  schema: intIn('每个邮箱最多订阅数', 1, 50),
  control: { kind: 'text', name: 'maxPerAddress', width: 'short', inputmode: 'numeric' },
  parse: optionalInt('每个邮箱最多订阅数', 1, 50),
  format: String,
});

/** The settings page of 政策找人 (one form). */
export const SUBSCRIPTION_SETTINGS = SETTINGS.register({
  pendingPurgeDays: PENDING_PURGE_DAYS,
  maxPerAddress: MAX_PER_ADDRESS,
});
