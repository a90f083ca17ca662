/** docs/workflows/publishing.md lists `DOCUMENT_WORKFLOW`: event, from, to and permission. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../../lib/workflow/transition-table.ts';
import {
  DOCUMENT_STATE_LABELS,
  DOCUMENT_WORKFLOW,
  type DocumentEvent,
  type TransitionRule,
} from './document.workflow.ts';

const DOC = readFileSync(new URL('../../../../docs/workflows/publishing.md', import.meta.url), 'utf8');

function who(r: TransitionRule): string {
  if (r.systemOnly) return 'system job only';
  const permissions = [...new Set(Object.values(r.permission))].join(' / ');
  return r.systemAllowed ? `${permissions} (or a system import)` : permissions;
}

const COLUMNS: TableColumn<DocumentEvent, TransitionRule>[] = [
  { header: 'Event', cell: (e, r) => `${e} ${r.label}` },
  { header: 'From', cell: (_e, r) => r.from.map((s) => DOCUMENT_STATE_LABELS[s]).join(' / ') },
  { header: 'To', cell: (_e, r) => (r.to ? DOCUMENT_STATE_LABELS[r.to] : '(removed)') },
  { header: 'Permission', cell: (_e, r) => who(r) },
];

describe('docs/workflows/publishing.md', () => {
  it('shows the transition table as the code declares it', () => {
    const drift = transitionTableDrift(DOC, '# 政府信息 review workflow', DOCUMENT_WORKFLOW, COLUMNS);
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
