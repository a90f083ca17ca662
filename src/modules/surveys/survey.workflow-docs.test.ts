/** docs/interaction-surveys.md lists `SURVEY_STEPS` under States and transitions; every other state rejects each step. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  SURVEY_STATE_LABELS,
  SURVEY_STATES,
  SURVEY_STEPS,
  type SurveyState,
  type SurveyStep,
  stepProblem,
} from './survey.model.ts';

const DOC = readFileSync(new URL('../../../docs/interaction-surveys.md', import.meta.url), 'utf8');
const state = (s: SurveyState) => `${SURVEY_STATE_LABELS[s]} \`${s}\``;
type Rule = (typeof SURVEY_STEPS)[SurveyStep];

const COLUMNS: TableColumn<SurveyStep, Rule>[] = [
  { header: 'event', cell: (e, r) => `${e} (${r.label})` },
  { header: 'from', cell: (_e, r) => r.from.map(state).join(' / ') },
  { header: 'to', cell: (_e, r) => state(r.to) },
  { header: 'who', cell: (_e, r) => `\`${r.action}\`` },
];

describe('survey transitions', () => {
  it('docs/interaction-surveys.md shows them as the code declares them', () => {
    const drift = transitionTableDrift(DOC, '## States and transitions', SURVEY_STEPS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });

  const rows = (Object.keys(SURVEY_STEPS) as SurveyStep[]).flatMap((step) =>
    SURVEY_STATES.map((s) => [step, s, (SURVEY_STEPS[step].from as readonly string[]).includes(s)] as const),
  );
  it.each(rows)('%s from %s allowed: %s', (step, s, allowed) => {
    const problem = stepProblem(step, s);
    if (allowed) expect(problem).toBeNull();
    else expect(problem).toMatch(/^调查/);
  });
});
