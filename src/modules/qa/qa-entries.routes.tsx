/** HTTP routes of 政策问答 entries: public /qa pages; the back office's list, form, entry page and review. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { servePublic } from '../../http/public-cache.tsx';
import { sendPage } from '../../http/render.ts';
import { requirePermission, requireUser, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import { settingsFormValues } from '../../lib/settings/settings-form.ts';
import type { Registry } from '../../platform/module.ts';
import { QA_LIMITS } from './qa.model.ts';
import type { Qa } from './qa.services.ts';
import type { EntryRow, QaEntriesService, SourceRow } from './qa-entries.service.ts';
import { toSource } from './qa-entries.service.ts';
import { SOURCE_ROWS_MIN, sourceFormValues } from './qa-entry.model.ts';
import { QA_ENTRY_EVENT_KEYS, type QaEntryEvent } from './qa-entry.workflow.ts';
import { QA_SETTINGS } from './qa-settings.ts';
import {
  DocumentPickerPage,
  QaEntryAdminPage,
  QaEntryFormPage,
  QaListPage,
  QaSettingsPage,
} from './views/qa-admin-pages.tsx';
import { QaEntryPublicPage, QaListPublicPage } from './views/qa-public-pages.tsx';

const ADMIN_PAGE_SIZE = 30;
const q = (req: FastifyRequest) => req.query as Record<string, string | undefined>;
const positive = (v: string | undefined) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The form values of a stored entry. */
function entryValues(row: EntryRow, sources: SourceRow[]): Record<string, unknown> {
  return {
    unitId: String(row.unit_id),
    question: row.question,
    altQuestions: (JSON.parse(row.alt_questions) as string[]).join('\n'),
    answer: row.answer,
    topicId: row.topic_id === null ? '' : String(row.topic_id),
    audiences: JSON.parse(row.audiences) as string[],
    matter: row.matter ?? '',
    tags: (JSON.parse(row.tags) as string[]).join('、'),
    region: row.region ?? '',
    validUntil: row.valid_until ?? '',
    ...sourceFormValues(sources.map(toSource)),
  };
}

/** Source rows to show: the filled ones and a few empty, within the limit. */
const sourceRowsFor = (form: FormState) => {
  let last = -1;
  for (const k of Object.keys(form.values)) {
    const m = /^s(\d+)_/.exec(k);
    if (m && String(form.values[k] ?? '').trim()) last = Math.max(last, Number(m[1]));
  }
  return Math.min(QA_LIMITS.sources, Math.max(SOURCE_ROWS_MIN, last + 2));
};

export function registerQaPublicRoutes(server: FastifyInstance, qa: Qa, app: Registry): void {
  server.get('/qa', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const filters = {
        unit: q(req).unit ?? '',
        topic: q(req).topic ?? '',
        q: (q(req).q ?? '').slice(0, 200),
      };
      const data = await qa.publicEntries.list({
        unitId: positive(filters.unit),
        topicId: positive(filters.topic),
        q: filters.q,
        page: positive(q(req).page) ?? 1,
      });
      return QaListPublicPage({ ctx: await viewContext(app, req), data, filters });
    }),
  );
  server.get('/qa/:id', (req, reply) =>
    servePublic(app, req, reply, async () => {
      const e = await qa.publicEntries.entry(idParam(req.params));
      if (!e) throw AppError.notFound('问答');
      return QaEntryPublicPage({ ctx: await viewContext(app, req), e });
    }),
  );
}

export function registerQaAdminRoutes(server: FastifyInstance, qa: Qa, app: Registry): void {
  const s: QaEntriesService = qa.entryService;
  const staff = (req: FastifyRequest) => {
    const actor = requireUser(req);
    if (!can(actor, 'qa.manage') && !can(actor, 'qa.review')) throw AppError.forbidden();
    return actor;
  };
  const named = (list: { id: number; name: string }[]) => list.map((u) => ({ id: u.id, name: u.name }));
  const formPage = async (req: FastifyRequest, form: FormState, action: string, title: string) =>
    QaEntryFormPage({
      ctx: await viewContext(app, req),
      form,
      action,
      title,
      units: named(await s.unitsFor(req.ctx)),
      topics: named(await app.publishing.topics.list()),
      sourceRows: sourceRowsFor(form),
    });
  const entryPage = async (req: FastifyRequest, form: FormState = emptyForm()) => {
    const id = idParam(req.params);
    const { row, unit } = await s.getForStaff(req.ctx, id);
    const manage = req.ctx.actor.kind === 'user' && can(req.ctx.actor, 'qa.manage', unit.path);
    const revision = row.state === 'published' ? await s.repo.findRevision(id) : undefined;
    return QaEntryAdminPage({
      ctx: await viewContext(app, req),
      row,
      unitName: unit.name,
      topicName: row.topic_id
        ? ((await app.publishing.topics.list()).find((t) => t.id === row.topic_id)?.name ?? null)
        : null,
      sources: await qa.publicEntries.sourceViews(await s.repo.sources(id)),
      actions: await s.availability(req.ctx, id),
      canEdit: manage && row.state === 'draft',
      canRevise: manage && row.state === 'published',
      revisionId: revision?.id ?? null,
      form,
      notice: q(req).done ? '已保存' : undefined,
    });
  };

  server.get('/admin/qa', async (req, reply) => {
    const actor = staff(req);
    const units = [...(await s.unitsFor(req.ctx, 'qa.manage')), ...(await s.unitsFor(req.ctx, 'qa.review'))];
    const unique = [...new Map(units.map((u) => [u.id, u] as const)).values()];
    const filters = {
      unit: q(req).unit ?? '',
      state: q(req).state ?? '',
      flag: q(req).flag ?? '',
      q: q(req).q ?? '',
    };
    const unitId = positive(filters.unit);
    const page = positive(q(req).page) ?? 1;
    const today = s.today();
    const { rows, total } = await s.repo.listAdmin(
      {
        unitIds: unique.filter((u) => !unitId || u.id === unitId).map((u) => u.id),
        state: filters.state || undefined,
        stale: filters.flag === 'stale',
        overdueOn: filters.flag === 'overdue' ? today : undefined,
        q: filters.q.slice(0, 100) || undefined,
      },
      page,
      ADMIN_PAGE_SIZE,
    );
    return sendPage(
      reply,
      QaListPage({
        ctx: await viewContext(app, req),
        rows,
        total,
        page,
        pageSize: ADMIN_PAGE_SIZE,
        units: named(unique),
        filters,
        canExchange: can(actor, 'qa.exchange'),
        today,
      }),
    );
  });
  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    requireUser(req);
    if (!s.maySetSettings(req.ctx)) throw AppError.forbidden();
    const values = await s.settings.readGroup(QA_SETTINGS);
    return QaSettingsPage({
      ctx: await viewContext(app, req),
      form: form ?? emptyForm(settingsFormValues(QA_SETTINGS, values)),
      done: q(req).done === '1',
    });
  };
  server.get('/admin/qa/settings', async (req, reply) => sendPage(reply, await settingsPage(req)));
  server.post('/admin/qa/settings', async (req, reply) => {
    await settingsPage(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await s.saveSettings(req.ctx, req.body);
        return '/admin/qa/settings?done=1';
      },
      (form) => settingsPage(req, form),
    );
  });
  server.get('/admin/qa/documents', async (req, reply) => {
    staff(req);
    const term = (q(req).q ?? '').trim().slice(0, 100);
    const rows = term ? await s.repo.searchDocuments(term) : [];
    return sendPage(reply, DocumentPickerPage({ ctx: await viewContext(app, req), q: term, rows }));
  });
  server.get('/admin/qa/new', async (req, reply) => {
    requirePermission(req, 'qa.manage');
    const ctx = await viewContext(app, req);
    const form = emptyForm({ unitId: String(ctx.currentUnitId ?? '') });
    return sendPage(reply, await formPage(req, form, '/admin/qa/new', '新建政策问答'));
  });
  server.post('/admin/qa/new', async (req, reply) => {
    requirePermission(req, 'qa.manage');
    return handleForm(
      reply,
      req.body,
      async () => `/admin/qa/${await s.create(req.ctx, formFields(req.body))}?done=1`,
      (form) => formPage(req, form, '/admin/qa/new', '新建政策问答'),
    );
  });
  server.get('/admin/qa/:id', async (req, reply) => {
    staff(req);
    return sendPage(reply, await entryPage(req));
  });
  server.get('/admin/qa/:id/edit', async (req, reply) => {
    staff(req);
    const { row } = await s.getForStaff(req.ctx, idParam(req.params));
    const form = emptyForm(entryValues(row, await s.repo.sources(row.id)));
    return sendPage(reply, await formPage(req, form, `/admin/qa/${row.id}/edit`, '修改政策问答'));
  });
  server.post('/admin/qa/:id/edit', async (req, reply) => {
    staff(req);
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await s.update(req.ctx, id, formFields(req.body));
        return `/admin/qa/${id}?done=1`;
      },
      (form) => formPage(req, form, `/admin/qa/${id}/edit`, '修改政策问答'),
    );
  });
  server.post('/admin/qa/:id/revise', async (req, reply) => {
    staff(req);
    return handleForm(
      reply,
      req.body,
      async () => `/admin/qa/${await s.revise(req.ctx, idParam(req.params))}/edit`,
      (form) => entryPage(req, form),
    );
  });
  server.post('/admin/qa/:id/events/:event', async (req, reply) => {
    staff(req);
    const event = (req.params as Record<string, string>).event as QaEntryEvent;
    if (!QA_ENTRY_EVENT_KEYS.includes(event)) throw AppError.notFound('操作');
    return handleForm(
      reply,
      req.body,
      async () =>
        `/admin/qa/${await s.run(req.ctx, idParam(req.params), event, formFields(req.body))}?done=1`,
      (form) => entryPage(req, form),
    );
  });
}
