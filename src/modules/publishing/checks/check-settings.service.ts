/**
 * The configuration of the pre-publication checks (issue 3 §6: "each blocking or warning by configuration"),
 * one typed site-wide setting (lib/settings, key 'publishing.checks') edited by a 政务公开管理员 of a top-level
 * unit on /admin/publishing/checks: per check 阻止发布 / 提醒 / 不检查, the required metadata fields, the typo
 * list, the sensitive-word list and the hosts allowed in links besides *.gov.cn. Every change is audited with
 * the values before and after. Nothing stored = the defaults of pre-publication-checks.ts.
 */
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../db/schema.ts';
import { canSiteWide } from '../../../kernel/permissions.ts';
import type { Actor, CallContext } from '../../../lib/actor.ts';
import type { AuditLog } from '../../../lib/audit/audit-log.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import {
  decodeSetting,
  parseSettingsForm,
  SETTINGS,
  type SettingDefinition,
  SettingsStore,
} from '../../../lib/settings/index.ts';
import { choice } from '../../../lib/validation.ts';
import type { CheckName } from './finding.ts';
import {
  CHECK_LABELS,
  CHECK_NAMES,
  DEFAULT_PRE_PUBLICATION_CONFIG,
  type PrePublicationConfig,
} from './pre-publication-checks.ts';
import { METADATA_LABELS, type MetadataField } from './required-metadata.ts';
import type { TypoEntry } from './word-lists.ts';

/** The settings row holding the configuration as JSON (the shape of PrePublicationConfig). */
export const CHECK_SETTINGS_KEY = 'publishing.checks';

const SEVERITIES = ['block', 'warn', 'off'] as const;
const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = {
  block: '阻止发布',
  warn: '提醒审核人',
  off: '不检查',
};

/** Fields that can be required (索引号 is assigned at publication, so it cannot be missing before it). */
const REQUIRABLE_FIELDS: readonly MetadataField[] = (Object.keys(METADATA_LABELS) as MetadataField[]).filter(
  (f) => f !== 'indexNumber',
);

/** Limits of the lists (a clerk's list, not a dictionary; each word is searched in every text). */
const MAX_LIST_ENTRIES = 1000;
const MAX_WORD_LENGTH = 30;

/** Form field of a check's severity. */
export const severityField = (check: CheckName) => `severity-${check}`;

const lines = (v: unknown) =>
  (typeof v === 'string' ? v : '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .map((l, i) => ({ line: i + 1, text: l }))
    .filter((l) => l.text !== '');

function listLimit(label: string, n: number, ctx: z.RefinementCtx) {
  if (n > MAX_LIST_ENTRIES) ctx.addIssue({ code: 'custom', message: `${label}最多 ${MAX_LIST_ENTRIES} 项` });
}

/** What is wrong with one line of the typo list, or null. */
function typoLineProblem(wrong?: string, right?: string, except: string[] = []): string | null {
  if (!wrong || !right) return '须写成“错误写法 正确写法”，例如“布署 部署”';
  if (wrong === right) return '错误写法和正确写法相同';
  if ([wrong, right, ...except].some((w) => w.length > MAX_WORD_LENGTH))
    return `每个词不能超过 ${MAX_WORD_LENGTH} 个字符`;
  const stray = except.find((e) => !e.includes(wrong));
  return stray ? `例外“${stray}”应包含错误写法“${wrong}”` : null;
}

const typosField = z.unknown().transform((v, ctx): TypoEntry[] => {
  const out: TypoEntry[] = [];
  const rows = lines(v);
  listLimit('常见错别字', rows.length, ctx);
  for (const { line, text } of rows) {
    const [wrong, right, ...except] = text.split(/[\s=＝→,，]+/).filter(Boolean);
    const problem = typoLineProblem(wrong, right, except);
    if (problem) ctx.addIssue({ code: 'custom', message: `常见错别字第 ${line} 行：${problem}` });
    else if (!out.some((t) => t.wrong === wrong))
      out.push({ wrong: wrong!, right: right!, ...(except.length ? { except } : {}) });
  }
  return out;
});

const wordsField = z.unknown().transform((v, ctx): string[] => {
  const words = lines(v).flatMap(({ line, text }) =>
    text
      .split(/[,，、;；\s]+/)
      .filter(Boolean)
      .map((w) => ({ line, w })),
  );
  listLimit('敏感词', words.length, ctx);
  for (const { line, w } of words)
    if (w.length > MAX_WORD_LENGTH)
      ctx.addIssue({ code: 'custom', message: `敏感词第 ${line} 行：“${w}”超过 ${MAX_WORD_LENGTH} 个字符` });
  return [...new Set(words.map((x) => x.w))];
});

/** A host name as typed (with or without scheme or path), lower-case and IDN in punycode; null if invalid. */
export function normaliseHost(text: string): string | null {
  const bare = text
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/^\*?\.+/, '');
  let host: string;
  try {
    host = new URL(`http://${bare}`).hostname;
  } catch {
    return null;
  }
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return null;
  return /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(host) ? host : null;
}

const hostsField = z.unknown().transform((v, ctx): string[] => {
  const rows = lines(v);
  listLimit('允许链接的网站', rows.length, ctx);
  const out: string[] = [];
  for (const { line, text } of rows) {
    const host = normaliseHost(text);
    if (host) out.push(host);
    else
      ctx.addIssue({
        code: 'custom',
        message: `允许链接的网站第 ${line} 行：“${text}”不是有效的域名（不能填写IP地址）`,
      });
  }
  return [...new Set(out)];
});

const requiredField = z
  .preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string()).refine((v) => v.every((f) => (REQUIRABLE_FIELDS as readonly string[]).includes(f)), {
      message: '必填元数据选择有误',
    }),
  )
  .transform((v) => REQUIRABLE_FIELDS.filter((f) => v.includes(f)));

const settingsSchema = z.object({
  ...Object.fromEntries(
    CHECK_NAMES.map((c) => [severityField(c), choice(`“${CHECK_LABELS[c]}”的处理方式`, SEVERITIES)]),
  ),
  requiredMetadata: requiredField,
  typos: typosField,
  sensitiveWords: wordsField,
  allowedHosts: hostsField,
});

/** The stored configuration (the shape of PrePublicationConfig), as written by the settings page. */
const storedSchema = z.object({
  severity: z.object(Object.fromEntries(CHECK_NAMES.map((c) => [c, z.enum(SEVERITIES)]))),
  requiredMetadata: z.array(z.enum(REQUIRABLE_FIELDS as [MetadataField, ...MetadataField[]])),
  typos: z.array(z.object({ wrong: z.string(), right: z.string(), except: z.array(z.string()).optional() })),
  sensitiveWords: z.array(z.string()),
  allowedHosts: z.array(z.string()),
}) as unknown as z.ZodType<PrePublicationConfig>;

/** A stored value of an older shape read leniently: unknown or missing parts fall back to the defaults. */
function recoverConfig(stored: unknown): PrePublicationConfig {
  const base = DEFAULT_PRE_PUBLICATION_CONFIG;
  if (!stored || typeof stored !== 'object') return base;
  const v = stored as Partial<Record<keyof PrePublicationConfig, unknown>>;
  const severity = { ...base.severity };
  const given = (v.severity ?? {}) as Record<string, unknown>;
  for (const c of CHECK_NAMES)
    if ((SEVERITIES as readonly unknown[]).includes(given[c]))
      severity[c] = given[c] as (typeof severity)[CheckName];
  const arr = <T>(x: unknown, fallback: readonly T[]) => (Array.isArray(x) ? (x as T[]) : fallback);
  return {
    severity,
    requiredMetadata: arr<MetadataField>(v.requiredMetadata, base.requiredMetadata).filter((f) =>
      REQUIRABLE_FIELDS.includes(f),
    ),
    typos: arr<TypoEntry>(v.typos, base.typos),
    sensitiveWords: arr<string>(v.sensitiveWords, base.sensitiveWords),
    allowedHosts: arr<string>(v.allowedHosts, base.allowedHosts),
  };
}

/** The form values showing `config`. */
export function configToForm(config: PrePublicationConfig): Record<string, unknown> {
  return {
    ...Object.fromEntries(CHECK_NAMES.map((c) => [severityField(c), config.severity[c]])),
    requiredMetadata: [...config.requiredMetadata],
    typos: config.typos.map((t) => [t.wrong, t.right, ...(t.except ?? [])].join(' ')).join('\n'),
    sensitiveWords: config.sensitiveWords.join('\n'),
    allowedHosts: config.allowedHosts.join('\n'),
  };
}

const checksSetting: SettingDefinition<PrePublicationConfig> = {
  key: CHECK_SETTINGS_KEY,
  scope: 'site',
  label: '发布前检查',
  legalBasis: '条例 第十七条（拟公开的政府信息先审查、后公开）；国办秘函〔2019〕19号（政府网站检查指标）',
  default: DEFAULT_PRE_PUBLICATION_CONFIG,
  schema: storedSchema,
  recover: recoverConfig,
  controls: [
    {
      kind: 'fieldset',
      legend: '各项检查的处理方式',
      heading: true,
      controls: CHECK_NAMES.map((c) => ({
        kind: 'select' as const,
        name: severityField(c),
        label: CHECK_LABELS[c],
        options: SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] })),
      })),
    },
    {
      kind: 'checkboxes',
      name: 'requiredMetadata',
      label: '必填元数据',
      hint: '发布前检查这些字段是否已填写（索引号在发布时自动生成，不在此列）',
      options: REQUIRABLE_FIELDS.map((f) => ({ value: f, label: METADATA_LABELS[f] })),
    },
    {
      kind: 'textarea',
      name: 'typos',
      label: '常见错别字',
      rows: 10,
      hint: `每行一条：错误写法、正确写法，之后可写不应报告的正确长词（须包含错误写法），用空格分隔，例如“布署 部署 布署名”。最多 ${MAX_LIST_ENTRIES} 条，每个词不超过 ${MAX_WORD_LENGTH} 个字符`,
    },
    {
      kind: 'textarea',
      name: 'sensitiveWords',
      label: '敏感词',
      rows: 8,
      hint: `每行一个（也可用逗号或顿号分隔）；初始列表取自新华社《新闻报道中的禁用词和慎用词》。最多 ${MAX_LIST_ENTRIES} 个`,
    },
    {
      kind: 'textarea',
      name: 'allowedHosts',
      label: '允许链接的网站',
      rows: 4,
      hint: '每行一个域名（含其子域名），例如 people.com.cn；gov.cn 域名和本站地址始终允许，不能填写IP地址',
    },
  ],
  fromForm: settingsSchema.transform(
    (v): PrePublicationConfig => ({
      severity: Object.fromEntries(
        CHECK_NAMES.map((c) => [c, (v as Record<string, unknown>)[severityField(c)]]),
      ) as PrePublicationConfig['severity'],
      requiredMetadata: v.requiredMetadata,
      typos: v.typos,
      sensitiveWords: v.sensitiveWords,
      allowedHosts: v.allowedHosts,
    }),
  ),
  toForm: (config) => configToForm(config ?? DEFAULT_PRE_PUBLICATION_CONFIG),
};

/** The settings of the check settings page (one site-wide setting). */
export const CHECK_SETTINGS = SETTINGS.register({ checks: checksSetting });

/** The settings form parsed into a configuration; a validation error lists every problem, naming the field. */
export function parseCheckSettings(raw: unknown): PrePublicationConfig {
  return parseSettingsForm(CHECK_SETTINGS, raw).checks ?? DEFAULT_PRE_PUBLICATION_CONFIG;
}

/** The stored JSON read leniently: unknown or missing parts fall back to the defaults. */
export function configFromStored(json: string | undefined): PrePublicationConfig {
  return decodeSetting(checksSetting, json) ?? DEFAULT_PRE_PUBLICATION_CONFIG;
}

export interface CheckSettingsServiceDeps {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  /** The settings store (built from db, audit and clock when not given). */
  settings?: SettingsStore;
}

export class CheckSettingsService {
  private readonly store: SettingsStore;

  constructor(d: CheckSettingsServiceDeps) {
    this.store = d.settings ?? new SettingsStore(d);
  }

  /** The configuration in force (stored, else the defaults). */
  async load(): Promise<PrePublicationConfig> {
    return this.store.read(CHECK_SETTINGS.checks);
  }

  /** The settings are site-wide: only a 政务公开管理员 of a top-level unit ('/<id>/') may change them. */
  canManage(actor: Actor): boolean {
    return canSiteWide(actor, 'disclosure.manage');
  }

  /** Validates the form and stores the new configuration; audited with the values before and after. */
  async save(ctx: CallContext, raw: unknown): Promise<void> {
    if (ctx.actor.kind !== 'system' && !this.canManage(ctx.actor))
      throw AppError.forbidden('只有本级政府的政务公开管理员可以修改发布前检查设置');
    const next = parseCheckSettings(raw);
    const before = await this.load();
    await this.store.write(
      ctx,
      CHECK_SETTINGS,
      { checks: next },
      {
        audit: {
          action: 'publishing.check_settings',
          targetType: 'settings',
          targetId: CHECK_SETTINGS_KEY,
          summary: '修改发布前检查设置',
          before,
          after: next,
        },
      },
    );
  }
}
