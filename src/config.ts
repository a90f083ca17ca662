/**
 * Configuration: read once from the environment (optionally a `.env` file), validated with zod,
 * frozen. Every variable is documented in README.md ("配置 / Configuration").
 */

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isSmtpUrl, parseMailbox } from './lib/mail/mail-address.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('::'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(sqlite:|postgres(ql)?:\/\/|file:)/.test(v), {
      message: '必须以 sqlite:、file: 或 postgres:// 开头',
    })
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_SECRET: z.string().min(32, { message: '至少 32 个字符' }).optional(),
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, {
      message: '必须是 32 字节密钥的 base64 编码（openssl rand -base64 32）',
    })
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TRUST_PROXY: bool.default(false),
  PUBLIC_URL: z.string().url().optional(),
  DEMO_MODE: bool.optional(),
  SEED_DEMO_ON_START: bool.default(true),
  JOBS_ENABLED: bool.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITE_NAME: z.string().min(1).default('示范县人民政府'),
  SITE_SPONSOR: z.string().min(1).default('示范县人民政府办公室'),
  SITE_IDENTIFIER: z.string().default('4300000000'),
  SITE_ICP: z.string().default('湘ICP备00000000号'),
  SITE_PSB: z.string().default('湘公网安备 43000000000000号'),
  LOGIN_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REQUEST_FORM_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  REQUEST_LOOKUP_MAX_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Memory for rendered anonymous public pages per process (src/http/public-page-cache.ts); 0 = off. */
  PUBLIC_PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  /** Outgoing mail; unset (or empty) = mail off. */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine(isSmtpUrl, {
        message: '必须以 smtp:// 或 smtps:// 开头，例如 smtp://user:pass@mail.example.gov.cn:587',
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .refine((v) => parseMailbox(v) !== null, {
        message: '格式应为“名称 <地址>”或地址，例如 某县人民政府办公室 <gkb@example.gov.cn>',
      })
      .optional(),
  ),
});

export type RawConfig = z.infer<typeof schema>;
export interface Config
  extends Omit<RawConfig, 'DATABASE_URL' | 'SESSION_SECRET' | 'DEMO_MODE' | 'DATA_ENCRYPTION_KEY'> {
  DATABASE_URL: string;
  SESSION_SECRET: string;
  /** 32-byte key for personal data encrypted at rest (AES-256-GCM). */
  dataEncryptionKey: Buffer;
  DEMO_MODE: boolean;
  dialect: 'sqlite' | 'postgres';
  /** Absolute path of the SQLite file when dialect is sqlite. */
  sqlitePath: string | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置无效 / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.DATA_DIR);
  const url = raw.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'gongkai.sqlite')}`;
  const dialect = url.startsWith('postgres') ? 'postgres' : 'sqlite';
  const sqlitePath = dialect === 'sqlite' ? resolveSqlitePath(url) : null;
  const problems: string[] = [];
  if (raw.NODE_ENV === 'production' && !raw.SESSION_SECRET) {
    problems.push('SESSION_SECRET: 生产环境必须设置（至少 32 个字符）');
  }
  if (raw.NODE_ENV === 'production' && !raw.DATA_ENCRYPTION_KEY) {
    problems.push('DATA_ENCRYPTION_KEY: 生产环境必须设置（用于加密申请人个人信息）');
  }
  if (raw.SMTP_URL && !raw.MAIL_FROM) {
    problems.push('MAIL_FROM: 设置 SMTP_URL 时必须设置发件人，例如 某县人民政府办公室 <gkb@example.gov.cn>');
  }
  if (raw.NODE_ENV === 'production' && raw.DEMO_MODE) {
    problems.push('DEMO_MODE: 生产环境不能启用演示模式');
  }
  if (problems.length) throw new ConfigError(problems);
  const { DATA_ENCRYPTION_KEY, ...rest } = raw;
  const config: Config = {
    ...rest,
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    SESSION_SECRET: raw.SESSION_SECRET ?? devSecret(dataDir, '.session-secret'),
    dataEncryptionKey: Buffer.from(
      DATA_ENCRYPTION_KEY ?? devSecret(dataDir, '.data-key', 'base64'),
      'base64',
    ),
    DEMO_MODE: raw.DEMO_MODE ?? raw.NODE_ENV !== 'production',
    dialect,
    sqlitePath,
  };
  return Object.freeze(config);
}

function resolveSqlitePath(url: string): string {
  const p = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '');
  return p === ':memory:' ? p : path.resolve(p);
}

/** Outside production a per-installation secret is generated once and kept in DATA_DIR. */
function devSecret(dataDir: string, name: string, encoding: 'base64url' | 'base64' = 'base64url'): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString(encoding);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Loads `.env` (if present) into process.env without overriding real environment variables. */
export function loadDotEnv(file = '.env'): void {
  if (!existsSync(file)) return;
  process.loadEnvFile(file);
}
