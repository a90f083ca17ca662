/**
 * Pre-publication checks of the library's kinds (publishing checkRegistry; they run at 提交, 审核通过 and
 * 强制发布 and on the reviewer's screen, outside any transaction):
 * - `policies.registration-number` (warn): a 行政规范性文件 needs its 统一登记号, in the province's format
 *   (三统一, 国办发〔2018〕37号; the format is the REGISTRATION_PATTERN setting of the document's unit);
 * - `policies.expiry-past` (block): a library document whose 有效期至 (form or text) is already past
 *   cannot be published as in force.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { ancestorIds, type SettingsStore } from '../../lib/settings/settings-store.ts';
import type { PrePublicationCheck } from '../publishing/checks/check-registry.ts';
import type { RawFinding } from '../publishing/checks/finding.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import { POLICY_KINDS } from './policy.model.ts';
import { REGISTRATION_PATTERN } from './policy-settings.ts';
import { normalisePolicyText, readPolicyText } from './policy-text.ts';

export const REGISTRATION_CHECK = 'policies.registration-number';
export const EXPIRY_CHECK = 'policies.expiry-past';

export interface PolicyChecksDeps {
  db: Kysely<DB>;
  clock: Clock;
  settings: SettingsStore;
}

/** Whether a 登记号 matches the pattern, after folding full-width characters and dash variants. */
export function registrationMatches(registrationNumber: string, pattern: string): boolean {
  const normalised = normalisePolicyText(registrationNumber)
    .trim()
    .toUpperCase()
    .replace(/\s*-\s*/g, '-');
  try {
    return new RegExp(pattern, 'u').test(normalised);
  } catch {
    return true; // an invalid stored pattern is refused by the settings form; never block on it
  }
}

const bodyText = (texts: { location: string; text: string }[]) =>
  texts.find((t) => t.location === 'body')?.text ?? '';
const titleText = (texts: { location: string; text: string }[]) =>
  texts.find((t) => t.location === 'title')?.text ?? '';

export function policyChecks(d: PolicyChecksDeps): PrePublicationCheck<`${string}.${string}`>[] {
  const registration: PrePublicationCheck<`${string}.${string}`> = {
    name: REGISTRATION_CHECK,
    label: '统一登记号（三统一）',
    defaultSeverity: 'warn',
    kinds: ['normative'],
    run: async ({ document, texts }) => {
      const meta = (document?.kindMetadata ?? {}) as { registrationNumber?: string | null };
      const inText = readPolicyText(bodyText(texts.main), titleText(texts.main)).registrationNumber?.value;
      const number = meta.registrationNumber ?? inText ?? null;
      if (!number)
        return [
          {
            message: '行政规范性文件未填写统一登记号（统一登记、统一编号、统一印发）；请在“统一登记号”中填写',
          },
        ];
      let pattern = REGISTRATION_PATTERN.default;
      if (document) {
        const unit = await d.db
          .selectFrom('units')
          .select('path')
          .where('id', '=', document.unitId)
          .executeTakeFirst();
        pattern = await d.settings.read(REGISTRATION_PATTERN, {
          unitId: document.unitId,
          ancestorIds: unit ? ancestorIds(unit.path, document.unitId) : [],
        });
      }
      return registrationMatches(number, pattern)
        ? []
        : [
            {
              message: `统一登记号“${number}”不符合本地规定的格式（${pattern}）；请核对统一登记号`,
              excerpt: number,
            },
          ];
    },
  };
  const expiry: PrePublicationCheck<`${string}.${string}`> = {
    name: EXPIRY_CHECK,
    label: '有效期至已过',
    defaultSeverity: 'block',
    kinds: POLICY_KINDS,
    // The day the step publishes on (the review service's clock), not the process's: a back-dated import
    // or a scheduled publication is judged on its own day.
    run: ({ document, texts, input }) => {
      const today = input.publishOn ?? todayInShanghai(d.clock.now());
      const meta = (document?.kindMetadata ?? {}) as { expiresOn?: string | null };
      const out: RawFinding[] = [];
      if (meta.expiresOn && meta.expiresOn < today)
        out.push({ message: `有效期至 ${meta.expiresOn} 已过，不能发布；请核对有效期至` });
      else if (!meta.expiresOn) {
        const fromText = readPolicyText(bodyText(texts.main), titleText(texts.main)).expiresOn;
        if (fromText && fromText.value < today)
          out.push({
            message: `正文写明的有效期至 ${fromText.value} 已过，不能发布；请核对有效期至`,
            excerpt: fromText.excerpt,
            location: 'body',
          });
      }
      return out;
    },
  };
  return [registration, expiry];
}

/** Registers the checks with 主动公开 (once per app). */
export function registerPolicyChecks(publishing: Pick<PublishingApi, 'checkRegistry'>, d: PolicyChecksDeps) {
  for (const c of policyChecks(d)) publishing.checkRegistry.register(c);
}
