/** Staff letter routes: the queue, the letter page and its events, the reply draft, boxes, settings. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPage } from '../../http/render.ts';
import { requireUser, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { canSiteWide, scopesFor } from '../../kernel/permissions.ts';
import { AppError } from '../../lib/errors.ts';
import type { FileKind } from '../../lib/file-types.ts';
import { settingsFormValues } from '../../lib/settings/settings-form.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { LETTER_STATUSES } from './letter.model.ts';
import { LETTER_EVENTS, type LetterEvent } from './letter.workflow.ts';
import { LETTER_SETTINGS } from './letter-settings.ts';
import type { Letters } from './letters.services.ts';
import { LetterPage, type QueueFilter, QueuePage } from './views/letter-admin.tsx';
import { ChannelFormPage, ChannelsPage, LetterSettingsPage } from './views/letter-channels.tsx';

type Ctx = RoutesContext<'letters', Letters>;
const OPEN = ['received', 'assigned', 'in_review'];

export function registerAdminLetterRoutes(server: FastifyInstance, app: Ctx): void {
  const L = app.letters;
  const mustWork = (req: FastifyRequest) => {
    requireUser(req);
    if (!L.views.mayWork(req.ctx)) throw AppError.forbidden();
  };

  server.get('/admin/letters', async (req, reply) => {
    mustWork(req);
    const q = req.query as Record<string, string | undefined>;
    const tab = q.tab && ['open', 'all', ...LETTER_STATUSES].includes(q.tab) ? q.tab : 'open';
    const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
    const filter: QueueFilter = {
      tab,
      ...optional({ unitId: num(q.unitId), type: q.type || undefined, channelId: num(q.channelId) }),
    };
    const statuses = tab === 'open' ? OPEN : tab === 'all' ? [] : [tab];
    const rows = await L.views.queue(req.ctx, {
      statuses,
      ...optional({ unitId: filter.unitId, type: filter.type, channelId: filter.channelId }),
    });
    return sendPage(
      reply,
      QueuePage({
        ctx: await viewContext(app, req),
        rows,
        reminders: await L.reminders.latest(rows.map((r) => r.id)),
        filter,
        units: await app.units.activeUnits(),
        channels: await L.repo.channels(),
      }),
    );
  });

  // ── boxes and settings (before /admin/letters/:id) ──
  const channelsAllowed = (req: FastifyRequest) => {
    const actor = requireUser(req);
    if (!scopesFor(actor, 'letter.oversee').length) throw AppError.forbidden();
  };
  server.get('/admin/letters/channels', async (req, reply) => {
    channelsAllowed(req);
    return sendPage(
      reply,
      ChannelsPage({ ctx: await viewContext(app, req), channels: await L.repo.channels() }),
    );
  });
  const channelForm = async (req: FastifyRequest, form: FormState, channelId?: number) =>
    ChannelFormPage({
      ctx: await viewContext(app, req),
      form,
      units: await app.units.activeUnits(),
      ...optional({ channelId }),
    });
  server.get('/admin/letters/channels/new', async (req, reply) => {
    channelsAllowed(req);
    return sendPage(
      reply,
      await channelForm(req, emptyForm({ kind: 'mailbox', active: 'yes', position: '0' })),
    );
  });
  server.post('/admin/letters/channels/new', async (req, reply) => {
    channelsAllowed(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await L.channels.create(req.ctx, formFields(req.body));
        return '/admin/letters/channels';
      },
      (form) => channelForm(req, form),
    );
  });
  server.get('/admin/letters/channels/:id', async (req, reply) => {
    channelsAllowed(req);
    const c = await L.repo.channel(idParam(req.params));
    if (!c) throw AppError.notFound('信箱');
    const values = {
      name: c.name,
      kind: c.kind,
      unitId: String(c.unit_id),
      leaderName: c.leader_name ?? '',
      description: c.description,
      replyWorkingDays: c.reply_working_days === null ? '' : String(c.reply_working_days),
      position: String(c.position),
      active: c.active ? 'yes' : 'no',
    };
    return sendPage(reply, await channelForm(req, emptyForm(values), c.id));
  });
  server.post('/admin/letters/channels/:id', async (req, reply) => {
    channelsAllowed(req);
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await L.channels.update(req.ctx, id, formFields(req.body));
        return '/admin/letters/channels';
      },
      (form) => channelForm(req, form, id),
    );
  });

  const settingsPage = async (req: FastifyRequest, form?: FormState) => {
    const actor = requireUser(req);
    if (!canSiteWide(actor, 'letter.oversee')) throw AppError.forbidden();
    const values = await L.deps.settings.readGroup(LETTER_SETTINGS);
    const f = form ?? emptyForm(settingsFormValues(LETTER_SETTINGS, values));
    const done = (req.query as Record<string, string>).done === '1';
    return LetterSettingsPage({ ctx: await viewContext(app, req), form: f, done });
  };
  server.get('/admin/letters/settings', async (req, reply) => sendPage(reply, await settingsPage(req)));
  server.post('/admin/letters/settings', async (req, reply) => {
    await settingsPage(req);
    return handleForm(
      reply,
      req.body,
      async () => {
        await L.views.saveSettings(req.ctx, req.body);
        return '/admin/letters/settings?done=1';
      },
      (form) => settingsPage(req, form),
    );
  });

  // ── one letter ──
  const letterPage = async (req: FastifyRequest, form: FormState = emptyForm()) => {
    requireUser(req);
    const data = await L.views.letter(req.ctx, idParam(req.params));
    return LetterPage({ ctx: await viewContext(app, req), data, form });
  };
  server.get('/admin/letters/:id', async (req, reply) => sendPage(reply, await letterPage(req)));

  server.get('/admin/letters/:id/attachments/:aid', async (req, reply) => {
    requireUser(req);
    const f = await L.views.attachment(req.ctx, idParam(req.params), idParam(req.params, 'aid'));
    return sendDownload(reply, { fileName: f.fileName, kind: f.kind as FileKind, body: f.body });
  });

  server.post('/admin/letters/:id/reply', async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    const f = formFields(req.body);
    return handleForm(
      reply,
      req.body,
      async () => {
        if (f.action === 'submit') await L.transitions.run(req.ctx, id, 'submit_reply', { body: f.body });
        else await L.transitions.saveDraft(req.ctx, id, { body: f.body });
        return `/admin/letters/${id}`;
      },
      (form) => letterPage(req, form),
    );
  });

  server.post('/admin/letters/:id/events/:event', async (req, reply) => {
    requireUser(req);
    const id = idParam(req.params);
    const event = (req.params as Record<string, string>).event as LetterEvent;
    if (!(event in LETTER_EVENTS) || LETTER_EVENTS[event].who === 'writer') throw AppError.notFound();
    return handleForm(
      reply,
      req.body,
      async () => {
        await L.transitions.run(req.ctx, id, event, formFields(req.body));
        return `/admin/letters/${id}`;
      },
      (form) => letterPage(req, form),
    );
  });
}

/** The entries whose value is defined (exactOptionalPropertyTypes). */
function optional<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}
