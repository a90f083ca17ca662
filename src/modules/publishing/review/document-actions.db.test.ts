/**
 * The back-office document page offers what the workflow engine says: for a document in every state
 * and each member of staff, the action forms (and every reason one cannot be taken) are the offered
 * events of `availability(DOCUMENT_WORKFLOW_DEFINITION, …)`. A guard or an `offered` rule registered on
 * the definition shows on the page, so a hand-made list of actions would fail here.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Browser, startTestServer } from '../../../../test/support/http.ts';
import { documentInput } from '../../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../../test/support/test-app.ts';
import { seedDemo } from '../../../db/seeds/demo.ts';
import { DEMO_PASSWORD } from '../../../db/seeds/demo-units.ts';
import { can, scopesFor } from '../../../kernel/permissions.ts';
import type { CallContext } from '../../../lib/actor.ts';
import { availability, guard, offeredEvents } from '../../../lib/workflow/definition.ts';
import { DOCUMENT_WORKFLOW_DEFINITION, type DocumentState } from './document.workflow.ts';
import { PAGE_ACTIONS } from './document-actions.ts';

const STAFF = ['clerk', 'secrecy', 'reviewer', 'gkadmin'] as const;
type Who = (typeof STAFF)[number];

/** The action forms of a document page: key → the reasons listed (empty = the form is shown). */
function shownActions(html: string): [string, string[]][] {
  return [...html.matchAll(/<section class="card" id="f-action-(\w+)"[\s\S]*?<\/section>/g)].map((m) => [
    m[1]!,
    m[0].includes('暂不能') ? [...m[0].matchAll(/<li>(.*?)<\/li>/g)].map((li) => li[1]!) : [],
  ]);
}

describe(`document page actions from the workflow engine on ${ENGINE}`, () => {
  let app: TestApp;
  let server: FastifyInstance;
  const users = {} as Record<Who, Browser>;
  const ctx = {} as Record<Who, CallContext>;
  const docs = {} as Record<DocumentState, number>;

  /** What the engine offers `who` on document `id`, grouped into the page's forms. */
  async function engineActions(who: Who, id: number): Promise<[string, string[]][]> {
    const p = app.publishing;
    const snap = await p.documents.snapshot((await p.documentRepo.findById(id))!);
    const actor = ctx[who].actor;
    const offered = offeredEvents(availability(DOCUMENT_WORKFLOW_DEFINITION, snap, actor));
    const edit: [string, string[]][] =
      snap.state === 'draft'
        ? [['edit', can(actor, 'content.draft', snap.unitPath) ? [] : ['您没有修改此信息的权限']]]
        : [];
    return [
      ...edit,
      ...PAGE_ACTIONS.filter((a) => !a.heldBy || scopesFor(actor, a.heldBy).length > 0).flatMap((a) => {
        const events = offered.filter((o) => a.events.includes(o.event));
        return events.length
          ? [[a.key, [...new Set(events.flatMap((e) => e.reasons))]] as [string, string[]]]
          : [];
      }),
    ];
  }
  const pageActions = async (who: Who, id: number) =>
    shownActions((await users[who].get(`/admin/documents/${id}`)).body);

  beforeAll(async () => {
    app = await createTestApp();
    await seedDemo(app, () => {}, { '*': false, requests: true, policies: true, reports: true });
    server = await startTestServer(app);
    for (const name of STAFF) {
      users[name] = new Browser(server);
      expect((await users[name].login(name, DEMO_PASSWORD)).statusCode).toBe(303);
      const user = (await app.accounts.findUserByUsername(name))!;
      ctx[name] = {
        actor: await app.auth.buildActor(user.id),
        meta: { ip: '127.0.0.1', userAgent: 'vitest' },
      };
    }
    const unitId = (await app.unitRepo.findByName('县发展和改革局'))!.id;
    const { documents, review } = app.publishing;
    const draft = async () => (await documents.createDraft(ctx.clerk, unitId, documentInput())).id;
    const inReview = async () => {
      const id = await draft();
      await review.submit(ctx.clerk, id);
      return id;
    };
    const cleared = async () => {
      const id = await inReview();
      await review.reviewConfidentiality(ctx.secrecy, id, { conclusion: 'disclose' });
      return id;
    };
    docs.draft = await draft();
    docs.confidentiality_review = await inReview();
    docs.approval_review = await cleared();
    docs.scheduled = await cleared();
    await review.approve(ctx.reviewer, docs.scheduled, { scheduledAt: '2030-03-10T09:00:00+08:00' });
    docs.published = await cleared();
    await review.approve(ctx.reviewer, docs.published);
    docs.withdrawn = await cleared();
    await review.approve(ctx.reviewer, docs.withdrawn);
    await review.withdraw(ctx.reviewer, docs.withdrawn, { reason: 'expired' });
    docs.withheld = await inReview();
    await review.reviewConfidentiality(ctx.secrecy, docs.withheld, {
      conclusion: 'withhold',
      ground: 'art14_state_secret',
    });
    for (const [state, id] of Object.entries(docs))
      expect((await app.publishing.documentRepo.findById(id))?.state).toBe(state);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await server?.close();
    await app?.destroy();
  });

  it('offers, for a document in each state, what the engine says is available to each member of staff', async () => {
    for (const [state, id] of Object.entries(docs))
      for (const who of STAFF)
        expect(await pageActions(who, id), `${state} for ${who}`).toEqual(await engineActions(who, id));
    // Somebody may take each offered step; withdrawn and withheld documents offer nothing.
    expect((await pageActions('reviewer', docs.approval_review)).map(([k]) => k)).toEqual([
      'approve',
      'return',
    ]);
    expect(await pageActions('gkadmin', docs.withdrawn)).toEqual([]);
    expect(await pageActions('gkadmin', docs.withheld)).toEqual([]);
  });

  it('shows a guard registered on the workflow definition, and hides what the definition does not offer', async () => {
    const checks = DOCUMENT_WORKFLOW_DEFINITION.checks;
    vi.spyOn(DOCUMENT_WORKFLOW_DEFINITION, 'checks').mockImplementation((event, rule) => [
      ...checks(event, rule),
      ...(event === 'withdraw' ? [guard.subject(() => '测试：另有撤回条件')] : []),
    ]);
    const offered = DOCUMENT_WORKFLOW_DEFINITION.offered!;
    vi.spyOn(DOCUMENT_WORKFLOW_DEFINITION, 'offered').mockImplementation(
      (event, rule) => event !== 'unschedule' && offered(event, rule),
    );
    expect(await pageActions('reviewer', docs.published)).toEqual([
      ['validity', []],
      ['withdraw', ['测试：另有撤回条件']],
      ['correct', []],
    ]);
    expect(await pageActions('reviewer', docs.scheduled)).toEqual([]);
    for (const [state, id] of Object.entries(docs))
      for (const who of STAFF)
        expect(await pageActions(who, id), `${state} for ${who}`).toEqual(await engineActions(who, id));
  });
});
