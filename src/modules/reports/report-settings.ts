/**
 * The deadlines of the 年度报告 and the days its reminders are raised, as typed settings (lib/settings),
 * each with its legal basis (regulations.md §1, §5). Unit scope with inheritance: a county may set the
 * date of its townships, and its departments follow it; a province's value applies where no county set
 * one. Dates are month-day ('MM-DD') of the year after the report's year.
 */
import { z } from 'zod';
import { fieldSetting, SETTINGS, type SettingDefinition } from '../../lib/settings/setting.ts';
import { ancestorIds, type SettingsStore } from '../../lib/settings/settings-store.ts';

/** 'MM-DD' of a day that exists in every year (so 02-29 is refused). */
export const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isMonthDay(v: string): boolean {
  const m = MONTH_DAY.exec(v);
  return !!m && Number(m[2]) <= DAYS_IN_MONTH[Number(m[1]) - 1]!;
}

/** '01-31' → '1月31日'. */
export function monthDayLabel(v: string): string {
  const [m, d] = v.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** What a clerk types — '1月31日', '01-31', '1-31', '1/31' — as 'MM-DD', or the text unchanged. */
export function parseMonthDay(raw: string): string {
  const m = /^\s*(\d{1,2})\s*(?:月|-|\/|\.)\s*(\d{1,2})\s*日?\s*$/.exec(raw);
  return m ? `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : raw.trim();
}

const monthDaySchema = (label: string) =>
  z.string().refine(isMonthDay, `${label}应为一年中的某一天，例如“1月31日”（不能是2月29日）`);

const monthDayField = (label: string) =>
  z.preprocess(
    (v) => (typeof v !== 'string' || v.trim() === '' ? null : parseMonthDay(v)),
    monthDaySchema(label).nullable(),
  );

const monthDaySetting = (d: {
  key: string;
  name: string;
  label: string;
  hint: string;
  legalBasis: string;
  default: string;
}) =>
  fieldSetting<string>({
    key: d.key,
    scope: 'unit',
    inherit: true,
    label: d.label,
    hint: d.hint,
    legalBasis: d.legalBasis,
    default: d.default,
    schema: monthDaySchema(d.label),
    control: { kind: 'text', name: d.name, width: 'short' },
    parse: monthDayField(d.label),
    format: monthDayLabel,
  });

/**
 * 条例 第四十九条: 县级以上人民政府部门 publish their report of the previous year and submit it to the
 * 本级政府信息公开工作主管部门 by 31 January.
 */
export const DEPARTMENT_DEADLINE = monthDaySetting({
  key: 'reports.deadline_department',
  name: 'departmentDeadline',
  label: '部门年度报告期限',
  hint: '县级以上人民政府部门每年此日前向本级政府信息公开工作主管部门提交上一年度报告并向社会公布。',
  legalBasis: '《政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前提交并公布',
  default: '01-31',
});

/**
 * 条例 第四十九条 (regulations.md §1): the 政府信息公开工作主管部门 of a 县级以上地方人民政府 publishes the
 * government's own report of the previous year by 31 March.
 */
export const GOVERNMENT_DEADLINE = monthDaySetting({
  key: 'reports.deadline_government',
  name: 'governmentDeadline',
  label: '本级人民政府年度报告期限',
  hint: '政府信息公开工作主管部门每年此日前向社会公布本级政府上一年度报告。',
  legalBasis: '《政府信息公开条例》第四十九条：主管部门每年3月31日前公布本级政府年度报告',
  default: '03-31',
});

/** 乡镇（街道）: the 条例 names no date; the county sets one (default as for departments). */
export const TOWNSHIP_DEADLINE = monthDaySetting({
  key: 'reports.deadline_township',
  name: 'townshipDeadline',
  label: '乡镇（街道）年度报告期限',
  hint: '条例未规定乡镇（街道）的期限，按本地规定填写；村（居）同此期限。',
  legalBasis: '本地规定（条例第四十九条只规定县级以上人民政府及其部门；默认与部门相同，为1月31日）',
  default: '01-31',
});

/** Days before the deadline a reminder is raised (and every day once it has passed). */
export const REMINDER_DAYS = fieldSetting<number[]>({
  key: 'reports.reminder_days',
  scope: 'unit',
  inherit: true,
  label: '提前提醒天数',
  hint: '用逗号分隔，例如“10，3，1”：期限前这些天各提醒一次；逾期后每天提醒，直至发布。',
  legalBasis: '本地工作安排（条例未规定提醒；默认期限前10天、3天、1天）',
  default: [10, 3, 1],
  schema: z.array(z.number().int().min(1).max(90)).max(10),
  control: { kind: 'text', name: 'reminderDays', width: 'short', inputmode: 'numeric' },
  parse: z.preprocess(
    (v) => {
      if (typeof v !== 'string' || v.trim() === '') return null;
      return v
        .split(/[,，、\s]+/)
        .filter(Boolean)
        .map((x) => (/^\d+$/.test(x) ? Number(x) : Number.NaN));
    },
    z
      .array(
        z
          .number({ message: '提前提醒天数应为 1 至 90 之间的整数，用逗号分隔' })
          .int('提前提醒天数应为 1 至 90 之间的整数，用逗号分隔')
          .min(1, '提前提醒天数应为 1 至 90 之间的整数，用逗号分隔')
          .max(90, '提前提醒天数应为 1 至 90 之间的整数，用逗号分隔'),
      )
      .max(10, '提前提醒天数最多 10 个')
      .transform((xs) => [...new Set(xs)].sort((a, b) => b - a))
      .nullable(),
  ),
  format: (v) => v.join('，'),
});

/** The 年度报告 settings page (one form). */
export const REPORT_SETTINGS = SETTINGS.register({
  departmentDeadline: DEPARTMENT_DEADLINE,
  governmentDeadline: GOVERNMENT_DEADLINE,
  townshipDeadline: TOWNSHIP_DEADLINE,
  reminderDays: REMINDER_DAYS,
});

export interface ReportSettingsValues {
  departmentDeadline: string;
  governmentDeadline: string;
  townshipDeadline: string;
  reminderDays: number[];
}

/**
 * The settings in force for many units at once (the dashboard, the reminders job): one query per
 * setting for every unit's own value, then each unit's chain (own, nearest parent, site, default) in
 * memory — the same order SettingsStore.readGroup follows for one unit.
 */
export async function readReportSettingsMany(
  store: SettingsStore,
  units: readonly { id: number; path: string }[],
): Promise<Map<number, ReportSettingsValues>> {
  const entries = Object.entries(REPORT_SETTINGS) as [
    keyof ReportSettingsValues,
    SettingDefinition<unknown>,
  ][];
  const resolved = await Promise.all(
    entries.map(async ([name, def]) => {
      const [site, own] = await Promise.all([store.read(def), store.unitValues(def)]);
      return { name, site, own: new Map(own.map((o) => [o.unitId, o.value])) };
    }),
  );
  const out = new Map<number, ReportSettingsValues>();
  for (const u of units) {
    const chain = [u.id, ...ancestorIds(u.path, u.id)];
    const values: Record<string, unknown> = {};
    for (const { name, site, own } of resolved) {
      const id = chain.find((x) => own.has(x));
      values[name] = id === undefined ? site : own.get(id);
    }
    out.set(u.id, values as unknown as ReportSettingsValues);
  }
  return out;
}
