/** docs/workflows/qa-entry.md lists the transition table of QA_ENTRY_EVENTS: event, from, to and who. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { possibleTargets } from '../../lib/workflow/definition.ts';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import { QA_STATE_LABELS, type QaState } from './qa.model.ts';
import { QA_ENTRY_EVENTS, type QaEntryEvent, type QaEntryEventDefinition } from './qa-entry.workflow.ts';

const DOC = readFileSync(new URL('../../../docs/workflows/qa-entry.md', import.meta.url), 'utf8');
const states = (list: readonly (QaState | null)[], sep: string) =>
  list.map((s) => (s ? QA_STATE_LABELS[s] : '(removed)')).join(sep);

const COLUMNS: TableColumn<QaEntryEvent, QaEntryEventDefinition>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => states(r.from, ', ') },
  { header: 'To', cell: (_e, r) => states(possibleTargets(r), ' or ') },
  { header: 'Who', cell: (_e, r) => r.who },
];

describe('docs/workflows/qa-entry.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Transition table', QA_ENTRY_EVENTS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
