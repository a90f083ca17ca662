/**
 * Retention of applicant data (个人信息保护法 第十九条: personal data is kept no longer than the
 * purpose needs). Once a case has been concluded for longer than its unit's retention period, a daily
 * job erases the applicant's personal data: the encrypted blob becomes a marker, the ID scan is
 * deleted, and applicant_key (an HMAC of the 证件号码, only needed to count 按件 fees within a month)
 * is cleared. What the annual statistics need stays: applicant kind and category, dates, decisions.
 * Decision and basis: docs/workflows/info-requests.md ("Retention of applicant data").
 */
import { z } from 'zod';
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import { type RunOnceResult, runOnce } from '../../lib/jobs.ts';
import { fieldSetting, SettingsStore } from '../../lib/settings/index.ts';
import { optionalIntField } from '../../lib/validation.ts';
import type { InfoRequestDeps } from './info-request.deps.ts';
import type { ErasableCase, InfoRequestLifecycleRepository } from './info-request-lifecycle.repository.ts';

/**
 * Years applicant data is kept after 办结, unless the unit sets another period. There is no national
 * number for 依申请公开 case files; archive practice files them as 文书档案 with a retention period of
 * commonly 10 years (《机关文件材料归档范围和文书档案保管期限规定》, 国家档案局令第8号: 定期 30 年
 * / 10 年), so 10 years is the default. Configurable per unit (申请指南设置).
 */
export const DEFAULT_APPLICANT_RETENTION_YEARS = 10;
/** At least one year: a 复议 can be filed within 60 days and a suit within 6 months (行政诉讼法 第四十六条). */
const MIN_APPLICANT_RETENTION_YEARS = 1;
const MAX_APPLICANT_RETENTION_YEARS = 100;

/**
 * The unit setting of the retention period (申请指南设置). No own value = the default, so a later change of
 * the default reaches units that never chose; a department does not inherit its government's choice.
 */
export const APPLICANT_RETENTION_SETTING = fieldSetting<number>({
  key: 'requests.applicant_retention_years',
  scope: 'unit',
  label: '申请人信息保存期限（年）',
  legalBasis: '个人信息保护法 第十九条；国家档案局令第8号（文书档案定期 10 年）',
  default: DEFAULT_APPLICANT_RETENTION_YEARS,
  schema: z.number().int().min(MIN_APPLICANT_RETENTION_YEARS).max(MAX_APPLICANT_RETENTION_YEARS),
  control: {
    kind: 'text',
    name: 'applicantRetentionYears',
    width: 'short',
    inputmode: 'numeric',
    hint: `办结满该年限后，系统每日自动清除申请人的个人信息和身份证明扫描件，保留统计所需的申请人类型、日期和处理结果。默认 ${DEFAULT_APPLICANT_RETENTION_YEARS} 年（文书档案定期 10 年的常见做法），最少 ${MIN_APPLICANT_RETENTION_YEARS} 年`,
  },
  parse: optionalIntField('申请人信息保存期限（年）', {
    min: MIN_APPLICANT_RETENTION_YEARS,
    max: MAX_APPLICANT_RETENTION_YEARS,
  }),
});

/** The job id: the scheduler's name and the key of its once-a-day claim in job_runs. */
export const RETENTION_JOB = 'requests.retention';

export interface RetentionResult {
  erased: number;
  references: string[];
}

/** The day `years` years before `today` (29 Feb becomes 28 Feb in a common year). */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export class InfoRequestRetention {
  private readonly ctx: CallContext = { actor: systemActor('依申请公开保存期限任务'), meta: NO_REQUEST };

  private readonly settings: SettingsStore;

  constructor(
    private readonly d: InfoRequestDeps & {
      lifecycle: InfoRequestLifecycleRepository;
      settings?: SettingsStore;
    },
  ) {
    this.settings = d.settings ?? new SettingsStore(d);
  }

  /** Runs today's erasure unless some process already ran it today. */
  async runDaily(): Promise<RunOnceResult<RetentionResult>> {
    const today = todayInShanghai(this.d.clock.now());
    return runOnce(this.d.db, this.d.clock, RETENTION_JOB, today, () => this.erase(today));
  }

  /**
   * Erases the applicant data of every case concluded before its unit's cutoff. Safe to repeat and to
   * run in two processes at once: each erasure is conditional on the data still being there.
   */
  async erase(today: string): Promise<RetentionResult> {
    const erased: string[] = [];
    for (const { years, cases } of await this.candidates(today)) {
      for (const c of cases) if (await this.eraseOne(c, years, today)) erased.push(c.reference);
    }
    await this.d.db.transaction().execute((trx) =>
      this.d.audit.record(trx, this.ctx, {
        action: 'request.retention_run',
        targetType: 'job',
        targetId: RETENTION_JOB,
        summary: `按保存期限清除政府信息公开申请人信息：${erased.length} 件`,
        after: { today, erased: erased.length, references: erased },
      }),
    );
    return { erased: erased.length, references: erased };
  }

  private async candidates(today: string): Promise<{ years: number; cases: ErasableCase[] }[]> {
    const settings = (await this.settings.unitValues(APPLICANT_RETENTION_SETTING)).map((s) => ({
      unit_id: s.unitId,
      years: s.value,
    }));
    const byYears = new Map<number, number[]>();
    for (const s of settings) byYears.set(s.years, [...(byYears.get(s.years) ?? []), s.unit_id]);
    const out = [];
    for (const [years, unitIds] of byYears) {
      out.push({ years, cases: await this.d.lifecycle.erasable({ unitIds }, retentionCutoff(today, years)) });
    }
    const exceptUnitIds = settings.map((s) => s.unit_id);
    const years = DEFAULT_APPLICANT_RETENTION_YEARS;
    out.push({
      years,
      cases: await this.d.lifecycle.erasable({ exceptUnitIds }, retentionCutoff(today, years)),
    });
    return out;
  }

  private async eraseOne(c: ErasableCase, years: number, today: string): Promise<boolean> {
    const now = this.d.clock.now().toISOString();
    return this.d.db.transaction().execute(async (trx) => {
      if (!(await this.d.lifecycle.eraseApplicant(trx, c.id, today, now))) return false;
      const files = await this.d.lifecycle.deleteFiles(trx, c.id);
      await this.d.audit.record(trx, this.ctx, {
        action: 'request.applicant_erased',
        targetType: 'info_request',
        targetId: c.id,
        summary: `政府信息公开申请 ${c.reference}：办结已满 ${years} 年，申请人信息已按保存期限清除`,
        after: { retentionYears: years, filesDeleted: files },
      });
      return true;
    });
  }
}
