/** docs/interaction-letters.md lists the transition table of LETTER_EVENTS: event, from, to and who. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { possibleTargets } from '../../lib/workflow/definition.ts';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import { LETTER_STATUS_LABELS, type LetterStatus } from './letter.model.ts';
import { LETTER_EVENTS, type LetterEvent, type LetterEventDefinition } from './letter.workflow.ts';

const DOC = readFileSync(new URL('../../../docs/interaction-letters.md', import.meta.url), 'utf8');
const states = (list: readonly (LetterStatus | null)[], sep: string) =>
  list.map((s) => (s ? LETTER_STATUS_LABELS[s] : '(removed)')).join(sep);

const COLUMNS: TableColumn<LetterEvent, LetterEventDefinition>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => states(r.from, ', ') },
  { header: 'To', cell: (_e, r) => states(possibleTargets(r), ' or ') },
  { header: 'Who', cell: (_e, r) => (r.who === 'writer' ? 'writer (编号 + 查询码)' : r.who) },
];

describe('docs/interaction-letters.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Transition table', LETTER_EVENTS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
