/** docs/workflows/tasks.md lists `REPORT_TRANSITIONS` under 进展报告: from, event and to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  REPORT_STATE_LABELS,
  REPORT_TRANSITIONS,
  type ReportEvent,
  type ReportRule,
  type ReportState,
} from './task-report.workflow.ts';

const DOC = readFileSync(new URL('../../../docs/workflows/tasks.md', import.meta.url), 'utf8');
const state = (s: ReportState) => `${REPORT_STATE_LABELS[s]} \`${s}\``;

const COLUMNS: TableColumn<ReportEvent, ReportRule>[] = [
  { header: 'from', cell: (_e, r) => r.from.map(state).join(' / ') },
  { header: 'event', cell: (e, r) => `${e} (${r.label})` },
  { header: 'to', cell: (_e, r) => state(r.to) },
];

describe('docs/workflows/tasks.md', () => {
  it('shows the progress report table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '## Progress reports', REPORT_TRANSITIONS, COLUMNS, 1);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
