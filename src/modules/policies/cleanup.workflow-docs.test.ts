/** docs/workflows/policy-cleanup.md lists `CLEANUP_STEPS` under Batch states: event, from, to and who. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import { CLEANUP_BATCH_STATE_LABELS, CLEANUP_STEPS, type CleanupBatchState } from './cleanup.model.ts';

const DOC = readFileSync(new URL('../../../docs/workflows/policy-cleanup.md', import.meta.url), 'utf8');
const state = (s: CleanupBatchState) => `${CLEANUP_BATCH_STATE_LABELS[s]} \`${s}\``;
type Step = keyof typeof CLEANUP_STEPS;
type Rule = (typeof CLEANUP_STEPS)[Step];

const COLUMNS: TableColumn<Step, Rule>[] = [
  { header: 'event', cell: (e, r) => `${e} (${r.label})` },
  { header: 'from', cell: (_e, r) => r.from.map(state).join(' / ') },
  { header: 'to', cell: (_e, r) => state(r.to) },
  { header: 'who', cell: (_e, r) => `\`${r.action}\`` },
];

describe('docs/workflows/policy-cleanup.md', () => {
  it('shows the batch steps as the code declares them', () => {
    const drift = transitionTableDrift(DOC, '## Batch states', CLEANUP_STEPS, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
