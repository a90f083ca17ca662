/** Back-office 意见征集 routes: list, create/edit, the consultation's page and its forms, settings. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formRejection, handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requireUser, viewContext } from '../../http/request-context.ts';
import { formFields, uploadedFiles } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { can, scopesFor } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import { settingsFormValues } from '../../lib/settings/index.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { CONSULTATION_SETTINGS } from './consultation-settings.ts';
import type { Consultations } from './consultations.services.ts';
import { withUploadedDraft } from './draft-docx.ts';
import { buildFeedbackReport, feedbackProblems } from './feedback-report.ts';
import {
  AdminListPage,
  ConsultationDetailPage,
  ConsultationFormPage,
  type DetailData,
} from './views/admin-pages.tsx';
import { SettingsPage } from './views/settings-page.tsx';

type Ctx = RoutesContext<'consultations', Consultations>;

const NOTICES: Record<string, string> = {
  saved: '已保存。',
  published: '已发布征集。',
  moderated: '已处理该意见。',
  decided: '已记录采纳情况。',
  feedback: '反馈报告已生成并送审，审核发布后征集状态变为“已反馈”。',
  final: '已登记最终文件。',
};

const FORM_FIELDS = ['title', 'basis', 'summary', 'draftText', 'opensOn', 'closesOn', 'shortReason'];
const pick = (f: Record<string, unknown>) => Object.fromEntries(FORM_FIELDS.map((k) => [k, f[k]]));

export function registerConsultationAdminRoutes(server: FastifyInstance, app: Ctx): void {
  const x = app.consultations;

  const manageableUnits = async (req: FastifyRequest) => {
    const actor = requireUser(req);
    return (await app.units.activeUnits()).filter((u) => can(actor, 'consultation.manage', u.path));
  };

  server.get('/admin/consultations', async (req, reply) => {
    const actor = requireUser(req);
    if (!scopesFor(actor, 'consultation.manage').length && !scopesFor(actor, 'consultation.moderate').length)
      throw AppError.forbidden();
    const rows = await x.service.listForStaff(req.ctx);
    const mayCreate = scopesFor(actor, 'consultation.manage').length > 0;
    return sendPage(reply, AdminListPage({ ctx: await viewContext(app, req), rows, mayCreate }));
  });

  const newPage = async (req: FastifyRequest, form: FormState) => {
    const units = await manageableUnits(req);
    if (!units.length) throw AppError.forbidden();
    return ConsultationFormPage({
      ctx: await viewContext(app, req),
      form,
      action: '/admin/consultations/new',
      units,
      editing: false,
    });
  };

  server.get('/admin/consultations/new', async (req, reply) =>
    sendPage(reply, await newPage(req, emptyForm({ opensOn: x.service.today() }))),
  );

  server.post('/admin/consultations/new', async (req, reply) => {
    await manageableUnits(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        const f = formFields(req.body);
        const fields = await withUploadedDraft(pick(f), (await uploadedFiles(req.body, 'draftFile'))[0]);
        const id = await x.service.create(req.ctx, Number(f.unitId), fields);
        return `/admin/consultations/${id}?done=saved`;
      },
      (form) => newPage(req, form),
    );
  });

  const editPage = async (req: FastifyRequest, form?: FormState) => {
    const id = idParam(req.params);
    const { row } = await x.service.getForStaff(req.ctx, id);
    const f =
      form ??
      emptyForm({
        title: row.title,
        basis: row.basis,
        summary: row.summary ?? '',
        draftText: row.draft_text,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        shortReason: row.short_reason ?? '',
      });
    return ConsultationFormPage({
      ctx: await viewContext(app, req),
      form: f,
      action: `/admin/consultations/${id}/edit`,
      units: null,
      editing: true,
    });
  };

  server.get('/admin/consultations/:id/edit', async (req, reply) => sendPage(reply, await editPage(req)));
  server.post('/admin/consultations/:id/edit', async (req, reply) => {
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        const fields = await withUploadedDraft(
          pick(formFields(req.body)),
          (await uploadedFiles(req.body, 'draftFile'))[0],
        );
        await x.service.update(req.ctx, id, fields);
        return `/admin/consultations/${id}?done=saved`;
      },
      (form) => editPage(req, form),
    );
  });

  const detail = async (req: FastifyRequest, id: number): Promise<DetailData> => {
    const actor = requireUser(req);
    const { row, unit } = await x.service.getForStaff(req.ctx, id);
    const comments = await x.comments.forStaff(req.ctx, id);
    const fbComments = await x.feedback.comments(row);
    return {
      row,
      unitName: unit.name,
      articles: await x.service.articles(id),
      comments,
      window: await x.service.windowOf(row),
      report: buildFeedbackReport(fbComments),
      feedbackProblems: feedbackProblems(fbComments),
      columns: (await x.feedback.columnsFor(unit.id)).map((c) => ({ id: c.id, name: c.name })),
      feedbackState: await x.service.documentStateLabel(row.feedback_document_id),
      finalState: await x.service.documentStateLabel(row.final_document_id),
      mayManage: can(actor, 'consultation.manage', unit.path),
      mayModerate: can(actor, 'consultation.moderate', unit.path),
    };
  };

  const showDetail = async (req: FastifyRequest, id: number, form: FormState = emptyForm(), status = 200) => {
    const done = String((req.query as Record<string, string>).done ?? '');
    const page = ConsultationDetailPage({
      ctx: await viewContext(app, req),
      d: await detail(req, id),
      form,
      notice: NOTICES[done] ?? null,
    });
    return { page, status };
  };

  server.get('/admin/consultations/:id', async (req, reply) => {
    const { page } = await showDetail(req, idParam(req.params));
    return sendPage(reply, page);
  });

  /** A POST from the consultation's page: on success back to it with a notice, else the page with the problems. */
  const action = (
    path: string,
    run: (req: FastifyRequest, id: number) => Promise<{ id: number; done: string }>,
    field: (req: FastifyRequest, f: string) => string = (_r, f) => f,
  ) =>
    server.post(path, async (req, reply) => {
      try {
        const r = await run(req, idParam(req.params));
        return reply.redirect(`/admin/consultations/${r.id}?done=${r.done}`, 303);
      } catch (e) {
        const rejected = formRejection(e);
        if (!rejected) throw e;
        const consultationId = path.includes('/comments/')
          ? await x.comments.consultationOf(idParam(req.params))
          : idParam(req.params);
        const problems = rejected.problems.map((p) => ({ ...p, field: field(req, p.field) }));
        const values: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(formFields(req.body))) values[field(req, k)] = v;
        const { page } = await showDetail(req, consultationId, { values, problems });
        return sendPage(reply, page, rejected.status);
      }
    });

  action('/admin/consultations/:id/publish', async (req, id) => {
    await x.service.publish(req.ctx, id);
    return { id, done: 'published' };
  });
  action('/admin/consultations/comments/:id/show', async (req, id) => ({
    id: await x.comments.moderate(req.ctx, id, 'show'),
    done: 'moderated',
  }));
  action(
    '/admin/consultations/comments/:id/hide',
    async (req, id) => ({
      id: await x.comments.moderate(req.ctx, id, 'hide', formFields(req.body)),
      done: 'moderated',
    }),
    (req, f) => (f === 'reason' ? `reason-${idParam(req.params)}` : f),
  );
  action('/admin/consultations/:id/adoption', async (req, id) => {
    await x.comments.decide(req.ctx, id, formFields(req.body));
    return { id, done: 'decided' };
  });
  action('/admin/consultations/:id/feedback', async (req, id) => {
    await x.feedback.generate(req.ctx, id, formFields(req.body));
    return { id, done: 'feedback' };
  });
  action('/admin/consultations/:id/final', async (req, id) => {
    await x.service.recordFinal(req.ctx, id, formFields(req.body));
    return { id, done: 'final' };
  });

  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    requireUser(req);
    if (!x.service.maySetSettings(req.ctx)) throw AppError.forbidden();
    const values = await x.settings.readGroup(CONSULTATION_SETTINGS);
    const f = form ?? emptyForm(settingsFormValues(CONSULTATION_SETTINGS, values));
    return SettingsPage({
      ctx: await viewContext(app, req),
      form: f,
      done: (req.query as Record<string, string>).done === '1',
    });
  };
  server.get('/admin/consultations/settings', async (req, reply) => sendPage(reply, await settingsPage(req)));
  server.post('/admin/consultations/settings', async (req, reply) => {
    await settingsPage(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.service.saveSettings(req.ctx, req.body);
        return '/admin/consultations/settings?done=1';
      },
      (form) => settingsPage(req, form),
    );
  });
}
