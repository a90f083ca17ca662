/**
 * Importing a 工作要点 (政务公开管理员): source → draft to review and correct (stored next to the source,
 * so edits survive every step without JavaScript) → confirm (one task_plan per plan of the document).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import { AppError, isAppError } from '../../lib/errors.ts';
import type { Registry } from '../../platform/module.ts';
import {
  deleteDraft,
  readDraft,
  type StoredDraft,
  saveDraftSource,
  writeDraft,
} from './plan-import-drafts.ts';
import {
  applyReviewForm,
  applyTaskForm,
  confirmInput,
  deadlineWordsOf,
  reviewFieldOf,
  reviewModel,
  taskFormValues,
  unitGroups,
  unitsOf,
} from './plan-import-review.ts';
import type { NameMatch } from './unit-matcher.ts';
import { ImportFormPage } from './views/plan-import-pages.tsx';
import { DraftReviewPage } from './views/plan-import-review-page.tsx';
import { DraftTaskPage } from './views/plan-import-task-page.tsx';

type Fields = Record<string, string | string[]>;
const str = (f: Fields, k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
const reviewUrl = (name: string) => `/admin/tasks/plans/review?draft=${encodeURIComponent(name)}`;

/** A form made from a page that no longer shows the stored draft (a second tab, a double submit). */
function requireFresh(draft: StoredDraft, f: Fields): void {
  const rev = str(f, 'rev');
  if (rev !== '' && Number(rev) !== draft.rev)
    throw AppError.conflict(
      '导入草稿已在别处修改（可能是重复提交或另一个窗口），页面已刷新为最新内容，请重新操作',
    );
}

export function registerPlanImportRoutes(server: FastifyInstance, app: Registry): void {
  const dataDir = app.config.DATA_DIR;
  const manageable = async (req: FastifyRequest) => {
    const scopes = scopesFor(req.ctx.actor, 'task.manage');
    return (await app.units.listActive()).filter((u) => scopes.some((s) => u.path.startsWith(s)));
  };
  const formPage = async (req: FastifyRequest, form: FormState) => {
    const units = await manageable(req);
    const plans = (await Promise.all(units.map((u) => app.tasks.repo.listPlans(u.id)))).flat();
    return ImportFormPage({
      ctx: await viewContext(app, req),
      form,
      units: units.map((u) => ({ value: String(u.id), label: u.name })),
      plans: plans.map((p) => ({ value: String(p.id), label: `${p.year}年 ${p.title}` })),
    });
  };
  const load = async (req: FastifyRequest, name: string) => {
    const draft = await readDraft(dataDir, name);
    return { draft, m: await app.tasks.plans.draftMatcher(req.ctx, draft.head.unitId, draft.mapping) };
  };
  const reviewPage = async (req: FastifyRequest, name: string, form: FormState = emptyForm()) => {
    const { draft, m } = await load(req, name);
    const ctx = await viewContext(app, req);
    return DraftReviewPage({ ctx, draftName: name, model: reviewModel(draft, m), form });
  };

  server.get('/admin/tasks/plans/new', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const first = (await manageable(req))[0];
    const year = String(Number(app.clock.now().toISOString().slice(0, 4)));
    return sendPage(reply, await formPage(req, emptyForm({ unitId: String(first?.id ?? ''), year })));
  });

  server.post('/admin/tasks/plans/new', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const f = formFields(req.body);
    const files = await uploadedFiles(req.body, 'file');
    if (!str(f, 'source') && files[0]) f.source = files[0].fileName;
    return handleForm(
      reply,
      req.body,
      async () => reviewPage(req, await saveDraftSource(app.tasks.plans, req.ctx, dataDir, f, files)),
      (form) => formPage(req, form),
    );
  });

  server.get('/admin/tasks/plans/review', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const name = String((req.query as Record<string, unknown>).draft ?? '');
    return sendPage(reply, await reviewPage(req, name));
  });

  server.post('/admin/tasks/plans/review', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const f = formFields(req.body);
    const name = str(f, 'draft');
    return handleForm(
      reply,
      req.body,
      async () => {
        const { draft, m } = await load(req, name);
        requireFresh(draft, f);
        const next = applyReviewForm(draft, f, m);
        if (Array.isArray(next)) throw AppError.validation(next);
        const saved = await writeDraft(dataDir, name, next);
        const step = str(f, 'step');
        if (step.startsWith('edit.'))
          return `/admin/tasks/plans/review/task?draft=${encodeURIComponent(name)}&task=${step.slice(5)}`;
        if (step !== 'confirm') return reviewPage(req, name);
        const matcher = await app.tasks.plans.draftMatcher(req.ctx, saved.head.unitId, saved.mapping);
        const { planIds } = await app.tasks.plans
          .confirmImportPlans(req.ctx, confirmInput(saved, matcher))
          .catch((e: unknown) => {
            if (!isAppError(e) || e.code !== 'validation') throw e;
            const problems = e.problems.map((p) => ({ ...p, field: reviewFieldOf(saved, p.field) }));
            throw AppError.validation(problems);
          });
        await deleteDraft(dataDir, name);
        return `/admin/tasks?plan=${planIds[0]}&done=imported`;
      },
      async (form) => {
        // A stale page is shown again as the draft now stands, not as it was typed.
        const stale = form.problems.some((p) => p.message.startsWith('导入草稿已在别处修改'));
        const shown = stale ? { values: {}, problems: form.problems } : form;
        return (await reviewPage(req, name, shown).catch(() => null)) ?? formPage(req, form);
      },
    );
  });

  const taskPage = async (
    req: FastifyRequest,
    name: string,
    key: number,
    form: FormState | null,
    matched: NameMatch[] = [],
  ) => {
    const { draft, m } = await load(req, name);
    const t = draft.tasks.find((x) => x.key === key);
    if (!t) throw AppError.notFound('导入草稿中的任务');
    const words = deadlineWordsOf(t.deadline);
    return DraftTaskPage({
      ...{ ctx: await viewContext(app, req), draftName: name, rev: draft.rev, taskKey: key },
      ...{ number: t.number, written: { lead: t.leadNames, units: t.unitNames }, deadline: t.deadline },
      ...{ sections: draft.sections.map((s) => s.title), groups: unitGroups(m) },
      ...{
        everyoneCount: m.everyone.length,
        matched,
        unitNames: new Map(m.units.map((u) => [u.id, u.name])),
      },
      form: form ?? emptyForm(taskFormValues(t, unitsOf(t, m), words)),
    });
  };

  server.get('/admin/tasks/plans/review/task', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const q = req.query as Record<string, unknown>;
    return sendPage(reply, await taskPage(req, String(q.draft ?? ''), Number(q.task), null));
  });

  server.post('/admin/tasks/plans/review/task', async (req, reply) => {
    requirePermission(req, 'task.manage');
    const f = formFields(req.body);
    const name = str(f, 'draft');
    const key = Number(str(f, 'task'));
    const { draft, m } = await load(req, name);
    const fresh = str(f, 'rev') === '' || Number(str(f, 'rev')) === draft.rev;
    const r = fresh
      ? applyTaskForm(draft, key, f, m)
      : {
          values: f,
          matched: [],
          problems: [{ field: '_', message: '导入草稿已在别处修改，请返回核对页后重新打开此任务' }],
        };
    if (r.problems.length === 0 && 'draft' in r && r.draft) {
      await writeDraft(dataDir, name, r.draft);
      return reply.redirect(`${reviewUrl(name)}#t-${key}`, 303);
    }
    const page = await taskPage(req, name, key, { values: r.values, problems: r.problems }, r.matched);
    return sendPage(reply, page, r.problems.length ? 422 : 200);
  });
}
