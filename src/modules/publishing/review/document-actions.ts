/**
 * The actions of the back-office document page, as the workflow engine offers them: every event of
 * `DOCUMENT_WORKFLOW_DEFINITION` that the document's state allows and a person may be offered, with
 * every reason it cannot run now (`availability`), grouped into the page's forms. Blocking
 * pre-publication findings are added to the events they stop, as the review service refuses them.
 */
import { can, scopesFor } from '../../../kernel/permissions.ts';
import type { Action } from '../../../kernel/roles.ts';
import type { Actor } from '../../../lib/actor.ts';
import { availability, offeredEvents } from '../../../lib/workflow/definition.ts';
import type { PrePublicationResult } from '../checks/pre-publication.types.ts';
import type { ActionKey, ActionState } from '../views/admin-document-actions.tsx';
import {
  DOCUMENT_WORKFLOW,
  DOCUMENT_WORKFLOW_DEFINITION,
  type DocumentEvent,
  type DocumentSnapshot,
  EDITABLE_STATES,
} from './document.workflow.ts';

/** One form of the page and the workflow events it may run (the input picks one, e.g. 保密审查结论). */
export interface PageAction {
  key: Exclude<ActionKey, 'edit'>;
  events: readonly DocumentEvent[];
  /** Shown only to someone who holds this action on some unit (强制发布 is not everyone's business). */
  heldBy?: Action;
}

/** The page's forms in page order; 修改草稿 (not a workflow event) comes first in editable states. */
export const PAGE_ACTIONS: readonly PageAction[] = [
  { key: 'submit', events: ['submit'] },
  { key: 'review', events: ['clear', 'redact', 'withhold'] },
  { key: 'approve', events: ['approve', 'schedule'] },
  { key: 'return', events: ['return'] },
  { key: 'unschedule', events: ['unschedule'] },
  { key: 'force', events: ['force_publish'], heldBy: 'content.force_publish' },
  // 变更有效性 is a change of a published document like a correction: the same event.
  { key: 'validity', events: ['correct'] },
  { key: 'withdraw', events: ['withdraw'] },
  { key: 'correct', events: ['correct'] },
  { key: 'delete', events: ['delete'] },
];

/**
 * The actions the document page shows to `actor`, each with every reason it cannot be taken now
 * (empty = it can): the offered events of the engine's availability, then the blocking `findings`
 * for the events the pre-publication checks stop.
 */
export function documentActions(
  snapshot: DocumentSnapshot,
  actor: Actor,
  findings: PrePublicationResult['findings'],
): ActionState[] {
  const offered = offeredEvents(availability(DOCUMENT_WORKFLOW_DEFINITION, snapshot, actor));
  const blocks = findings.filter((f) => f.severity === 'block').map((f) => `发布前检查未通过：${f.message}`);
  const actions: ActionState[] = EDITABLE_STATES.includes(snapshot.state)
    ? [
        {
          key: 'edit',
          problems: can(actor, 'content.draft', snapshot.unitPath) ? [] : ['您没有修改此信息的权限'],
        },
      ]
    : [];
  for (const a of PAGE_ACTIONS) {
    const events = offered.filter((o) => a.events.includes(o.event));
    if (!events.length || (a.heldBy && scopesFor(actor, a.heldBy).length === 0)) continue;
    const checked = events.some((e) => DOCUMENT_WORKFLOW[e.event].prePublicationChecked);
    const reasons = [...new Set(events.flatMap((e) => e.reasons))];
    actions.push({ key: a.key, problems: checked ? [...reasons, ...blocks] : reasons });
  }
  return actions;
}
