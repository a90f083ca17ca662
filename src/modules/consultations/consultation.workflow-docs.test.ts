/** docs/interaction-consultations.md lists the steps of consultations and comments as the code declares them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableColumn, transitionTableDrift } from '../../lib/workflow/transition-table.ts';
import {
  COMMENT_STATE_LABELS,
  COMMENT_STEPS,
  CONSULTATION_STEPS,
  type CommentState,
  type ConsultationState,
  STATE_LABELS,
} from './consultation.model.ts';

const DOC = readFileSync(new URL('../../../docs/interaction-consultations.md', import.meta.url), 'utf8');

function columns<S extends string>(labels: Record<S, string>) {
  const state = (s: S) => `${labels[s]} \`${s}\``;
  return [
    { header: 'event', cell: (e, r) => `${e} (${r.label})` },
    { header: 'from', cell: (_e, r) => r.from.map(state).join(' / ') },
    { header: 'to', cell: (_e, r) => state(r.to) },
    { header: 'who', cell: (_e, r) => `\`${r.action}\`` },
  ] as TableColumn<string, { from: readonly S[]; to: S; label: string; action: string }>[];
}

describe('docs/interaction-consultations.md', () => {
  it('shows the consultation steps', () => {
    const drift = transitionTableDrift(
      DOC,
      '## States',
      CONSULTATION_STEPS,
      columns<ConsultationState>(STATE_LABELS),
    );
    expect(drift, drift.join('\n')).toEqual([]);
  });
  it('shows the comment steps', () => {
    const drift = transitionTableDrift(
      DOC,
      '## Comments',
      COMMENT_STEPS,
      columns<CommentState>(COMMENT_STATE_LABELS),
    );
    expect(drift, drift.join('\n')).toEqual([]);
  });
});
