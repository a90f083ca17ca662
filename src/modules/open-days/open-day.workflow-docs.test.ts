/** docs/interaction-open-days.md lists the transition table of `OPEN_DAY_EVENTS`: event, from, to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  OPEN_DAY_EVENTS,
  OPEN_DAY_STATE_LABELS,
  type OpenDayEvent,
  type OpenDayState,
} from './open-day.model.ts';

const DOC = readFileSync(new URL('../../../docs/interaction-open-days.md', import.meta.url), 'utf8');
type Rule = { label: string; from: readonly OpenDayState[]; to: OpenDayState };
const COLUMNS: TableColumn<OpenDayEvent, Rule>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => r.from.map((s) => OPEN_DAY_STATE_LABELS[s]).join(', ') },
  { header: 'To', cell: (_e, r) => OPEN_DAY_STATE_LABELS[r.to] },
];

describe('docs/interaction-open-days.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Transition table', OPEN_DAY_EVENTS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
