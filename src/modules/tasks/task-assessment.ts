/**
 * Year-end assessment (年度考核) arithmetic, pure. Each responsible unit gets three rates over the
 * plans of the assessing unit for one year, weighted into a score out of 100, which is then converted
 * into the 政务公开 share of the 绩效考核:
 * - 完成率 = 已完成 ÷ 应完成 (as in the year's fourth-quarter bulletin);
 * - 按时完成率 = (已完成 − 逾期后完成) ÷ 应完成;
 * - 报送质量 (采纳率) = 已采纳报告 ÷ (已采纳 + 已退回).
 * A rate without a denominator is left out and the other weights count in proportion.
 */
import { z } from 'zod';
import { SETTINGS, type SettingDefinition } from '../../lib/settings/setting.ts';
import type { BulletinUnitLine } from './task-supervision.ts';

/**
 * The lowest share of 绩效考核 政务公开 may have. 道县2017年政务公开工作要点（seed 001）第四部分（四）：
 * “政务公开工作尚未纳入绩效考核体系的……应予纳入，所占分值权重不得低于4%”.
 */
export const MIN_ASSESSMENT_SHARE = 4;

export interface AssessmentWeights {
  /** Weights of the three rates, summing to 100. */
  completion: number;
  timeliness: number;
  quality: number;
  /** Percentage of the whole 绩效考核 that 政务公开 carries (≥ MIN_ASSESSMENT_SHARE). */
  share: number;
}

export const DEFAULT_WEIGHTS: AssessmentWeights = { completion: 50, timeliness: 30, quality: 20, share: 4 };

export const CRITERIA = [
  { key: 'completion', label: '完成率' },
  { key: 'timeliness', label: '按时完成率' },
  { key: 'quality', label: '报送质量（采纳率）' },
] as const;

const weight = (label: string) =>
  z.coerce
    .number({ message: `${label}权重必须是数字` })
    .int(`${label}权重必须是整数`)
    .min(0, `${label}权重不能小于 0`)
    .max(100, `${label}权重不能大于 100`);

const weightsSchema = z
  .object({
    completion: weight('完成率'),
    timeliness: weight('按时完成率'),
    quality: weight('报送质量'),
    share: z.coerce
      .number({ message: '占绩效考核的比例必须是数字' })
      .min(MIN_ASSESSMENT_SHARE, `政务公开占绩效考核的比例不得低于 ${MIN_ASSESSMENT_SHARE}%`)
      .max(100, '占绩效考核的比例不能大于 100%'),
  })
  .refine((w) => w.completion + w.timeliness + w.quality === 100, {
    message: '三项权重之和必须等于 100',
    path: ['completion'],
  });

const weightControl = (name: string, label: string, hint?: string) => ({
  kind: 'text' as const,
  name,
  label,
  width: 'short' as const,
  inputmode: name === 'share' ? 'decimal' : 'numeric',
  required: true,
  ...(hint ? { hint } : {}),
});

/** The weights of an assessing unit (a unit setting without inheritance: each office assesses its own way). */
const weightsSetting: SettingDefinition<AssessmentWeights> = {
  key: 'tasks.assessment_weights',
  scope: 'unit',
  label: '年度考核权重',
  legalBasis: `道县2017年政务公开工作要点（seed 001）第四部分（四）：政务公开占绩效考核分值权重不得低于${MIN_ASSESSMENT_SHARE}%`,
  default: DEFAULT_WEIGHTS,
  schema: weightsSchema,
  controls: [
    weightControl('completion', '完成率权重'),
    weightControl('timeliness', '按时完成率权重'),
    weightControl('quality', '报送质量权重', '三项权重之和为 100'),
    weightControl(
      'share',
      '政务公开占绩效考核的比例（%）',
      `不得低于 ${MIN_ASSESSMENT_SHARE}%（道县2017年政务公开工作要点）`,
    ),
  ],
  fromForm: weightsSchema,
  toForm: (w) => Object.fromEntries(Object.entries(w ?? DEFAULT_WEIGHTS).map(([k, v]) => [k, String(v)])),
};

/** The settings of the assessment page. */
export const ASSESSMENT_SETTINGS = SETTINGS.register({ weights: weightsSetting });

export interface UnitScore {
  unitId: number;
  unitName: string;
  rates: { completion: number | null; timeliness: number | null; quality: number | null };
  /** The numbers behind each rate, e.g. "3 ÷ 4". */
  counts: { completion: string; timeliness: string; quality: string };
  /** Out of 100; null when nothing could be assessed. */
  score: number | null;
  /** Points in the 绩效考核: score × share ÷ 100. */
  points: number | null;
  /** The formula with this unit's numbers. */
  formula: string;
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** Scores for each unit of the year's bulletin lines, with `reviewed` reports (accepted/returned). */
export function computeScores(
  lines: BulletinUnitLine[],
  reviewed: { unit_id: number; state: string }[],
  w: AssessmentWeights,
): UnitScore[] {
  return lines.map((l) => {
    const accepted = reviewed.filter((r) => r.unit_id === l.unitId && r.state === 'accepted').length;
    const returned = reviewed.filter((r) => r.unit_id === l.unitId && r.state === 'returned').length;
    const onTime = l.done - l.lateDone;
    const rates = {
      completion: l.assigned === 0 ? null : l.done / l.assigned,
      timeliness: l.assigned === 0 ? null : onTime / l.assigned,
      quality: accepted + returned === 0 ? null : accepted / (accepted + returned),
    };
    const used = CRITERIA.filter((c) => rates[c.key] !== null && w[c.key] > 0);
    const total = used.reduce((s, c) => s + w[c.key], 0);
    const score =
      total === 0 ? null : used.reduce((s, c) => s + w[c.key] * (rates[c.key] as number), 0) * (100 / total);
    const terms = used.map((c) => `${w[c.key]}×${pct(rates[c.key] as number)}`).join(' + ');
    const scale = total === 100 ? '' : `（按 ${total} 折算为 100）`;
    const points = score === null ? null : (score * w.share) / 100;
    return {
      unitId: l.unitId,
      unitName: l.unitName,
      rates,
      counts: {
        completion: `${l.done} ÷ ${l.assigned}`,
        timeliness: `${onTime} ÷ ${l.assigned}`,
        quality: `${accepted} ÷ ${accepted + returned}`,
      },
      score,
      points,
      formula:
        score === null
          ? '无可考核事项'
          : `${terms}${scale} = ${score.toFixed(1)} 分；折合绩效考核 ${score.toFixed(1)} × ${w.share}% = ${(points as number).toFixed(2)} 分`,
    };
  });
}
