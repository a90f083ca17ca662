/**
 * 政策解读 rates of a unit over a period (issue 11 §9), for the back-office page and for other modules
 * (the 工作要点 bulletin reads `ratesOfUnits`). The figures are computed by interpretation-rates.ts.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { ancestorIds, type SettingsStore } from '../../lib/settings/settings-store.ts';
import { optionalChecked, optionalIntField, parseInput } from '../../lib/validation.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import {
  computeInterpretationRates,
  type InterpretationRates,
  periodOf,
  type RateInterpretation,
} from './interpretation-rates.ts';
import { INTERPRETATION_FORMS, type InterpretationForm } from './policy.model.ts';
import { PolicyFiguresRepository } from './policy-figures.repository.ts';
import { INTERPRETATION_SETTINGS } from './policy-settings.ts';

export interface InterpretationRatesDeps {
  db: Kysely<DB>;
  clock: Clock;
  units: Pick<UnitService, 'findById' | 'listSubtree'>;
  calendar: Pick<CalendarService, 'calendar'>;
  settings: SettingsStore;
}

export interface UnitInterpretationRates extends InterpretationRates {
  unitId: number;
  unitName: string;
  /** False: the unit and the units below it. */
  ownOnly: boolean;
}

export interface RatesQuery {
  unitId: number | undefined;
  from: string;
  to: string;
  subtree: boolean;
}

const formOf = (json: string | null): { form: InterpretationForm | null; byPrincipal: boolean } => {
  try {
    const m = JSON.parse(json ?? '{}') as { form?: string; byPrincipal?: string };
    const form = (INTERPRETATION_FORMS as readonly string[]).includes(m.form ?? '')
      ? (m.form as InterpretationForm)
      : null;
    return { form, byPrincipal: m.byPrincipal === 'yes' };
  } catch {
    return { form: null, byPrincipal: false };
  }
};

export class InterpretationRatesService {
  private readonly repo: PolicyFiguresRepository;

  constructor(private readonly d: InterpretationRatesDeps) {
    this.repo = new PolicyFiguresRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /** The rates of the unit's own policies (or with `subtree`, of the unit and those below it). */
  async rates(
    unitId: number,
    from: string,
    to: string,
    opts: { subtree?: boolean } = {},
  ): Promise<UnitInterpretationRates> {
    if (!isValidPlainDate(from))
      throw AppError.validation([{ field: 'from', message: '开始日期应为有效日期，例如 2026-03-02' }]);
    if (!isValidPlainDate(to) || to < from)
      throw AppError.validation([{ field: 'to', message: '结束日期应为有效日期，且不能早于开始日期' }]);
    const unit = await this.d.units.findById(unitId);
    if (!unit) throw AppError.validation([{ field: 'unit', message: `单位（编号 ${unitId}）不存在` }]);
    const unitIds = opts.subtree ? (await this.d.units.listSubtree(unit.path)).map((u) => u.id) : [unit.id];
    const settings = await this.d.settings.readGroup(INTERPRETATION_SETTINGS, {
      unitId: unit.id,
      ancestorIds: ancestorIds(unit.path, unit.id),
    });
    const entries = (await this.repo.entries(unitIds, settings.kinds)).filter(
      (e) => e.published_on !== null && e.published_on >= from && e.published_on <= to,
    );
    const interpretations: RateInterpretation[] = (
      await this.repo.publishedInterpretations(entries.map((e) => e.document_id))
    ).flatMap((r) =>
      r.published_on
        ? [
            {
              documentId: Number(r.id),
              policyId: r.to_document_id,
              title: r.title,
              publishedOn: r.published_on,
              ...formOf(r.kind_metadata_json),
            },
          ]
        : [],
    );
    const calendar = await this.d.calendar.calendar();
    const rates = computeInterpretationRates({
      from,
      to,
      policies: entries.map((e) => ({
        documentId: e.document_id,
        unitId: e.unit_id,
        title: e.title,
        docNumber: e.doc_number,
        kind: e.kind,
        publishedOn: e.published_on as string,
        noInterpretationReason: e.no_interpretation_reason?.trim() || null,
      })),
      interpretations,
      settings: {
        dueWorkingDays: settings.dueWorkingDays,
        rateTarget: settings.rateTarget,
        formsTarget: settings.formsTarget,
      },
      dueOn: (d) => calendar.addWorkingDays(d, settings.dueWorkingDays),
    });
    return { ...rates, unitId: unit.id, unitName: unit.name, ownOnly: !opts.subtree };
  }

  /** Each unit's own rates over the period, in the order given (the quarterly bulletin). */
  async ratesOfUnits(
    unitIds: readonly number[],
    from: string,
    to: string,
  ): Promise<UnitInterpretationRates[]> {
    const out: UnitInterpretationRates[] = [];
    for (const id of unitIds) out.push(await this.rates(id, from, to));
    return out;
  }
}

const dateField = (label: string) =>
  optionalChecked(label, (v) => (isValidPlainDate(v) ? null : `${label}应为有效日期，例如 2026-03-02`), 10);

/**
 * Parses the page's query: `from` / `to`, or the shortcuts `year` (+ `quarter` 1–4); default the current
 * quarter. Problems name the fields (`from`, `to`, `year`, `quarter`).
 */
export function parseRatesQuery(raw: unknown, today: string): RatesQuery {
  const q = parseInput(
    z.object({
      unit: optionalIntField('单位', { min: 1 }),
      from: dateField('开始日期'),
      to: dateField('结束日期'),
      year: optionalIntField('年度', { min: 2000, max: 2100 }),
      quarter: optionalIntField('季度', { min: 1, max: 4 }),
      scope: z.preprocess((v) => (v === 'subtree' ? 'subtree' : 'own'), z.enum(['own', 'subtree'])),
    }),
    raw ?? {},
  );
  const thisYear = Number(today.slice(0, 4));
  const shortcut = periodOf(
    q.year ?? thisYear,
    q.quarter ?? (q.year ? undefined : Math.ceil(Number(today.slice(5, 7)) / 3)),
  );
  const from = q.from ?? shortcut.from;
  const to = q.to ?? shortcut.to;
  if (to < from) throw AppError.validation([{ field: 'to', message: '结束日期不能早于开始日期' }]);
  return { unitId: q.unit, from, to, subtree: q.scope === 'subtree' };
}
