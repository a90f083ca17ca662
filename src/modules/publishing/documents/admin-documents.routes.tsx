/** Back-office documents: the workbench list, the document form (new / edit / correct), the document page. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../../http/downloads.ts';
import { handleForm, idParam } from '../../../http/forms.ts';
import { sendPage } from '../../../http/render.ts';
import { requireUser, viewContext } from '../../../http/request-context.ts';
import { formFields, type UploadedFile, uploadedFiles } from '../../../http/uploads.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import { can, scopesFor } from '../../../kernel/permissions.ts';
import type { Action } from '../../../kernel/roles.ts';
import type { Actor } from '../../../lib/actor.ts';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { checkUpload } from '../../../lib/file-types.ts';
import type { PublishingContext } from '../publishing.api.ts';
import type { DocumentRow } from '../publishing.tables.ts';
import { DOCUMENT_STATES } from '../review/document.workflow.ts';
import { documentActions } from '../review/document-actions.ts';
import type { ActionKey } from '../views/admin-document-actions.tsx';
import { type DocumentFormMode, DocumentFormPage } from '../views/admin-document-form.tsx';
import { DocumentPage } from '../views/admin-document-page.tsx';
import { WorkbenchPage } from '../views/admin-documents.tsx';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from './document.service.ts';
import { BUILT_IN_KIND } from './document-kinds.ts';

const CONTENT_ACTIONS: readonly Action[] = [
  'content.draft',
  'content.review_confidentiality',
  'content.approve',
];
const PAGE_SIZE = 20;

/** Units whose documents the actor may see in the back office (any content role covers the subtree). */
async function contentUnits(app: PublishingContext, actor: Actor) {
  const scopes = CONTENT_ACTIONS.flatMap((a) => scopesFor(actor, a));
  return (await app.units.activeUnits()).filter((u) => scopes.some((s) => u.path.startsWith(s)));
}

/** The unit chosen by ?unit= (or the switcher), if the actor may work in it. */
export async function chosenUnit(app: PublishingContext, req: FastifyRequest, wanted?: number) {
  const units = await contentUnits(app, requireUser(req));
  const fromQuery = Number((req.query as Record<string, string>).unit);
  const id = wanted || fromQuery || (await viewContext(app, req)).currentUnitId;
  const unit = units.find((u) => u.id === id) ?? units[0];
  if (!unit) throw AppError.forbidden();
  return { unit, units };
}

/** Checks every uploaded attachment by content; returns all problems (field 'attachments'). */
function attachmentProblems(files: UploadedFile[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of files) {
    try {
      checkUpload('attachments', '附件', f.fileName, f.content, {
        allowed: ATTACHMENT_KINDS,
        maxBytes: MAX_ATTACHMENT_BYTES,
      });
    } catch (e) {
      if (e instanceof AppError) problems.push(...e.problems);
      else throw e;
    }
  }
  return problems;
}

/** The form values of a stored document. */
async function valuesOf(app: PublishingContext, doc: DocumentRow) {
  const repo = app.publishing.documentRepo;
  return {
    title: doc.title,
    issuers: (await repo.issuers(doc.id)).join('\n'),
    docNumber: doc.doc_number ?? '',
    genre: doc.genre ?? '',
    topicId: doc.topic_id === null ? '' : String(doc.topic_id),
    writtenOn: doc.written_on ?? '',
    formedOn: doc.formed_on ?? '',
    disclosureMode: doc.disclosure_mode,
    withheldGround: doc.withheld_ground ?? '',
    columnIds: (await repo.columnIds(doc.id)).map(String),
    keywords: (JSON.parse(doc.keywords_json) as string[]).join('，'),
    summary: doc.summary ?? '',
    source: doc.source ?? '',
    bodyHtml: doc.body_html,
    ...validityValuesOf(doc),
    ...app.publishing.kinds.formValues(app.publishing.kinds.of(doc.kind), doc.kind_metadata_json),
  };
}

/** The 有效性 form values of a stored document. */
function validityValuesOf(doc: DocumentRow) {
  return {
    validity: doc.validity ?? '',
    effectiveOn: doc.effective_on ?? '',
    repealedOn: doc.repealed_on ?? '',
  };
}

/** The document form page for `unitId`. */
export async function formPage(
  app: PublishingContext,
  req: FastifyRequest,
  unitId: number,
  mode: DocumentFormMode,
  form: FormState,
  extra: { docId?: number; importedFrom?: string; kind?: string } = {},
) {
  const { unit } = await chosenUnit(app, req, unitId);
  const kindKey = extra.kind ?? (typeof form.values.kind === 'string' ? form.values.kind : undefined);
  return DocumentFormPage({
    ctx: await viewContext(app, req),
    unit,
    form,
    mode,
    topics: await app.publishing.documentRepo.listTopics(),
    columns: await app.publishing.columns.listForUnit(unit.id),
    ...extra,
    kind: app.publishing.kinds.get(kindKey ?? BUILT_IN_KIND),
  });
}

/** The document page with its actions (and, after a failed action, that form with its problems). */
export async function documentPage(
  app: PublishingContext,
  req: FastifyRequest,
  id: number,
  failed?: { key: ActionKey; form: FormState },
  relationForm?: FormState,
) {
  const { documents, documentRepo: repo, review, kinds, relations } = app.publishing;
  const doc = await documents.get(req.ctx, id);
  const snap = await documents.snapshot(doc);
  const checks = await review.runChecks(doc);
  const actor = req.ctx.actor;
  // A kind with derived validity (document-kinds.ts) has no 变更有效性 form: its module records events.
  const actions = documentActions(snap, actor, checks.findings).filter(
    (a) => a.key !== 'validity' || !kinds.of(doc.kind).derivedValidity,
  );
  const columns = await app.publishing.columns.listForUnit(doc.unit_id);
  const placed = new Set(await repo.columnIds(doc.id));
  const topic = (await repo.listTopics()).find((t) => t.id === doc.topic_id);
  return DocumentPage({
    ctx: await viewContext(app, req),
    doc,
    unitName: (await app.units.get(doc.unit_id)).name,
    topicName: topic?.name ?? null,
    issuers: await repo.issuers(doc.id),
    columnNames: columns.filter((c) => placed.has(c.id)).map((c) => c.name),
    attachments: await repo.attachments(doc.id),
    findings: checks.findings,
    reviews: await repo.reviews(doc.id),
    versions: await repo.versions(doc.id),
    actions,
    failed,
    validityForm:
      failed?.key === 'validity' ? failed.form : emptyForm<Record<string, unknown>>(validityValuesOf(doc)),
    canRemoveAttachments:
      doc.state === 'draft' && doc.ever_published === 0 && can(actor, 'content.draft', snap.unitPath),
    done: (req.query as Record<string, string>).done,
    ...{ kind: kinds.of(doc.kind), kindMetadata: kinds.metadataOf(doc.kind_metadata_json) },
    relations: await relations.relationsOf(req.ctx, doc.id),
    canEditRelations: await relations.canEdit(req.ctx, doc),
    panels: await mergedPanels(app, req, doc),
    ...(relationForm ? { relationForm } : {}),
  });
}

/** Other modules' panels for the back-office page: every placement, in page order, before the body. */
async function mergedPanels(app: PublishingContext, req: FastifyRequest, doc: DocumentRow) {
  const doc_ = { id: doc.id, kind: doc.kind, unitId: doc.unit_id, title: doc.title, state: doc.state };
  const r = await app.publishing.panels.render(doc_, 'admin', req.ctx);
  const all = [...(r.before_body ?? []), ...(r.after_body ?? []), ...(r.end ?? [])];
  return all.length ? { before_body: all } : {};
}

export function registerAdminDocumentRoutes(server: FastifyInstance, app: PublishingContext): void {
  const { documents } = app.publishing;

  server.get('/admin/documents', async (req, reply) => {
    const { unit, units } = await chosenUnit(app, req);
    const q = req.query as Record<string, string>;
    const state = (DOCUMENT_STATES as readonly string[]).includes(q.state ?? '') ? q.state : undefined;
    const filters = { state, title: q.title?.trim() || undefined, topicId: Number(q.topic) || undefined };
    const page = Math.max(1, Number(q.page) || 1);
    const repo = app.publishing.documentRepo;
    const { items, total } = await repo.listForAdmin(unit.path, filters, { page, pageSize: PAGE_SIZE });
    const counts = await repo.countByState(unit.path);
    const topics = await repo.listTopics();
    const ctx = await viewContext(app, req);
    const props = { ctx, unit, units, counts, filters, topics, items, total, page, pageSize: PAGE_SIZE };
    return sendPage(reply, WorkbenchPage({ ...props, done: q.done, kinds: app.publishing.kinds }));
  });

  server.get('/admin/documents/new', async (req, reply) => {
    const { unit } = await chosenUnit(app, req);
    const kind = app.publishing.kinds.get((req.query as Record<string, string>).kind ?? BUILT_IN_KIND);
    const form = emptyForm({
      disclosureMode: 'proactive',
      issuers: unit.name,
      ...(kind && kind.key !== BUILT_IN_KIND ? await documents.newDraftValues(kind, unit.id) : {}),
    });
    return sendPage(reply, await formPage(app, req, unit.id, 'new', form));
  });

  server.post('/admin/documents/new', async (req, reply) => {
    requireUser(req);
    const f = formFields(req.body);
    const unitId = Number(f.unitId);
    const files = await uploadedFiles(req.body, 'attachments');
    return handleForm(
      reply,
      req.body,
      async () => {
        const checked = await documents.checkInput(f, unitId);
        const problems = [...('problems' in checked ? checked.problems : []), ...attachmentProblems(files)];
        if (problems.length) throw AppError.validation(problems);
        const doc = await documents.createDraft(req.ctx, unitId, f);
        for (const file of files) await documents.addAttachment(req.ctx, doc.id, file.fileName, file.content);
        return `/admin/documents/${doc.id}?done=created`;
      },
      (form) => formPage(app, req, unitId, 'new', form),
    );
  });

  for (const mode of ['edit', 'correct'] as const) {
    server.get(`/admin/documents/:id/${mode}`, async (req, reply) => {
      const doc = await documents.get(req.ctx, idParam(req.params));
      const form = emptyForm(await valuesOf(app, doc));
      const extra = { docId: doc.id, kind: doc.kind };
      return sendPage(reply, await formPage(app, req, doc.unit_id, mode, form, extra));
    });
  }

  server.post('/admin/documents/:id/edit', async (req, reply) => {
    const doc = await documents.get(req.ctx, idParam(req.params));
    const files = await uploadedFiles(req.body, 'attachments');
    return handleForm(
      reply,
      req.body,
      async () => {
        const problems = attachmentProblems(files);
        if (problems.length) throw AppError.validation(problems);
        await documents.updateDraft(req.ctx, doc.id, formFields(req.body));
        for (const file of files) await documents.addAttachment(req.ctx, doc.id, file.fileName, file.content);
        return `/admin/documents/${doc.id}?done=saved`;
      },
      (form) => formPage(app, req, doc.unit_id, 'edit', form, { docId: doc.id, kind: doc.kind }),
    );
  });

  server.post('/admin/documents/:id/correct', async (req, reply) => {
    const doc = await documents.get(req.ctx, idParam(req.params));
    const f = formFields(req.body);
    return handleForm(
      reply,
      req.body,
      async () => {
        await documents.correctPublished(req.ctx, doc.id, f, f.correctionNote);
        return `/admin/documents/${doc.id}?done=correct`;
      },
      (form) => formPage(app, req, doc.unit_id, 'correct', form, { docId: doc.id, kind: doc.kind }),
    );
  });

  server.get('/admin/documents/:id', async (req, reply) => {
    requireUser(req);
    return sendPage(reply, await documentPage(app, req, idParam(req.params)));
  });

  server.get('/admin/documents/:id/attachments/:aid', async (req, reply) => {
    requireUser(req);
    const file = await documents.readAttachment(req.ctx, idParam(req.params), idParam(req.params, 'aid'));
    return sendDownload(reply, { fileName: file.fileName, kind: file.kind, body: file.content });
  });
}
