/** docs/interaction-interviews.md lists the transition table of `INTERVIEW_EVENTS`: event, from, to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  INTERVIEW_EVENTS,
  INTERVIEW_STATE_LABELS,
  type InterviewEvent,
  type InterviewState,
} from './interview.model.ts';

const DOC = readFileSync(new URL('../../../docs/interaction-interviews.md', import.meta.url), 'utf8');
type Rule = { label: string; from: readonly InterviewState[]; to: InterviewState };
const COLUMNS: TableColumn<InterviewEvent, Rule>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => r.from.map((s) => INTERVIEW_STATE_LABELS[s]).join(', ') },
  { header: 'To', cell: (_e, r) => INTERVIEW_STATE_LABELS[r.to] },
];

describe('docs/interaction-interviews.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Transition table', INTERVIEW_EVENTS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
