/** docs/workflows/info-requests.md lists the transition table of `EVENTS`: event, from, to and who. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { possibleTargets } from '../../lib/workflow/definition.ts';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  EVENTS,
  type EventDefinition,
  STATE_LABELS,
  type State,
  type WorkflowEvent,
} from './info-request.workflow.ts';

const DOC = readFileSync(new URL('../../../docs/workflows/info-requests.md', import.meta.url), 'utf8');
const states = (list: readonly (State | null)[], sep: string) =>
  list.map((s) => (s ? STATE_LABELS[s] : '(removed)')).join(sep);

const COLUMNS: TableColumn<WorkflowEvent, EventDefinition>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => states(r.from, ', ') },
  { header: 'To', cell: (_e, r) => states(possibleTargets(r), ' or ') },
  { header: 'Who', cell: (_e, r) => (r.who === 'system' ? 'system (daily job)' : r.who) },
];

describe('docs/workflows/info-requests.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Transition table', EVENTS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
