/**
 * HTTP routes of 政策找人: /subscribe (e-mail with double opt-in, or an Atom address), the links of the mails
 * (confirm, manage, unsubscribe — each a GET page with one button, the change on POST), the RFC 8058
 * one-click endpoint, the Atom feed, and /admin/subscriptions.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formRejection, handleForm } from '../../http/forms.ts';
import { type PublicOutput, servePublic } from '../../http/public-cache.tsx';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { formFields } from '../../http/uploads.ts';
import { emptyForm, type FormState } from '../../http/view-context.ts';
import { isAppError } from '../../lib/errors.ts';
import { withAbuseFields } from '../../lib/form-abuse.ts';
import { settingsFormValues } from '../../lib/settings/settings-form.ts';
import type { Registry } from '../../platform/module.ts';
import { choicesOf } from './subscription.service.ts';
import { feedFields, feedItems, feedQuery, subscriptionFeed } from './subscription-feed.ts';
import { SUBSCRIPTION_SETTINGS } from './subscription-settings.ts';
import type { Subscriptions } from './subscriptions.services.ts';
import { SubscriptionAdminPage } from './views/subscription-admin-pages.tsx';
import {
  ButtonPage,
  type ChoiceOptions,
  FeedAddressPage,
  ManagePage,
  MessagePage,
  SubscribePage,
} from './views/subscription-pages.tsx';

/** Subscriptions one IP address may send per minute (the form also has a honeypot and a signed start time). */
export const SUBSCRIBE_PER_IP_PER_MINUTE = 5;
/** Link pages (confirm, manage, unsubscribe) one IP address may post per minute. */
export const LINK_POSTS_PER_IP_PER_MINUTE = 20;
const ATOM = 'application/atom+xml; charset=utf-8';

export function registerSubscriptionRoutes(server: FastifyInstance, x: Subscriptions, app: Registry): void {
  const s = x.service;
  const formLimit = server.rateLimit({ max: SUBSCRIBE_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const linkLimit = server.rateLimit({ max: LINK_POSTS_PER_IP_PER_MINUTE, timeWindow: 60_000 });
  const origin = (req: FastifyRequest) =>
    (app.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');
  const token = (req: FastifyRequest) => String((req.params as Record<string, string>).token ?? '');
  const options = async (): Promise<ChoiceOptions> => ({
    topics: (await app.publishing.topics.list())
      .filter((t) => t.active)
      .map((t) => ({ id: t.id, name: t.name })),
    units: (await app.units.activeUnits()).map((u) => ({
      id: u.id,
      name: u.name,
      depth: Math.max(0, (u.path.match(/\d+/g)?.length ?? 1) - 1),
    })),
  });
  const subscribeForm = (
    values: Record<string, unknown> = {},
    problems: FormState['problems'] = [],
  ): FormState => ({
    values: withAbuseFields(values, app.config.SESSION_SECRET, app.clock.now().getTime()),
    problems,
  });
  const subscribePage = async (req: FastifyRequest, form: FormState) =>
    SubscribePage({
      ctx: await viewContext(app, req),
      form,
      options: await options(),
      mailEnabled: app.mail.enabled,
    });
  const message = async (
    req: FastifyRequest,
    title: string,
    text: string,
    status: 'success' | 'warning' = 'success',
  ) => MessagePage({ ctx: await viewContext(app, req), title, children: text, status });
  /** A bad or retired link: a page that says so (422), never a 500. */
  const linkOr = async (
    req: FastifyRequest,
    reply: import('fastify').FastifyReply,
    run: () => Promise<unknown>,
  ) => {
    try {
      return await run();
    } catch (e) {
      if (!isAppError(e) || e.code !== 'validation' || e.problems.length) throw e;
      return sendPage(reply, await message(req, '链接无效', e.message, 'warning'), 422);
    }
  };

  server.get('/subscribe', async (req, reply) => sendPage(reply, await subscribePage(req, subscribeForm())));
  server.post('/subscribe', { preHandler: formLimit }, async (req, reply) => {
    const fields = formFields(req.body);
    return handleForm(
      reply,
      req.body,
      async () => {
        if (fields.via === 'feed') return `/subscribe/feed?${feedQuery(await s.parseChoices(fields))}`;
        await s.subscribe(req.ctx, fields);
        return '/subscribe/sent';
      },
      async (form) => subscribePage(req, subscribeForm(form.values, form.problems)),
    );
  });
  server.get('/subscribe/sent', async (req, reply) =>
    sendPage(
      reply,
      await message(
        req,
        '请查收确认邮件',
        '如果该邮箱可以接收邮件，您将收到一封确认邮件。请打开邮件中的链接完成订阅；确认之前我们不会发送任何推送。',
      ),
    ),
  );
  server.get('/subscribe/feed', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    try {
      const choices = await s.parseChoices(feedFields(q));
      const url = `${origin(req)}/subscriptions/feed.atom${feedQuery(choices) ? `?${feedQuery(choices)}` : ''}`;
      return sendPage(reply, FeedAddressPage({ ctx: await viewContext(app, req), url }));
    } catch (e) {
      const rejected = formRejection(e);
      if (!rejected) throw e;
      return sendPage(reply, await subscribePage(req, subscribeForm({}, rejected.problems)), rejected.status);
    }
  });
  server.get('/subscriptions/feed.atom', (req, reply) => servePublic(app, req, reply, () => feed(req)));
  const feed = async (req: FastifyRequest): Promise<PublicOutput> => {
    const q = req.query as Record<string, unknown>;
    const choices = await s.parseChoices(feedFields(q));
    const paths = new Map((await app.units.listAll()).map((u) => [u.id, u.path]));
    const items = await feedItems(x.sources, choices, paths, app.clock.now().getTime());
    const query = feedQuery(choices);
    const xml = subscriptionFeed({
      origin: origin(req),
      title: `${app.config.SITE_NAME} · 政策订阅`,
      author: app.config.SITE_NAME,
      selfPath: `/subscriptions/feed.atom${query ? `?${query}` : ''}`,
      pagePath: '/subscribe',
      fallbackUpdated: app.clock.now().toISOString(),
      items,
    });
    return { body: xml, contentType: ATOM };
  };

  // ── links of the mails ──
  server.get('/subscribe/confirm/:token', async (req, reply) =>
    linkOr(req, reply, async () => {
      await s.checkConfirm(token(req));
      return sendPage(
        reply,
        ButtonPage({
          ctx: await viewContext(app, req),
          title: '确认订阅',
          text: '请点击下面的按钮确认订阅。确认后，符合您选择的新信息将发送到您的邮箱。',
          action: `/subscribe/confirm/${token(req)}`,
          label: '确认订阅',
        }),
      );
    }),
  );
  server.post('/subscribe/confirm/:token', { preHandler: linkLimit }, async (req, reply) =>
    linkOr(req, reply, async () => {
      const row = await s.confirm(req.ctx, token(req));
      const urls = s.urlsOf(row);
      return sendPage(
        reply,
        MessagePage({
          ctx: await viewContext(app, req),
          title: '订阅成功',
          children: (
            <>
              订阅已确认。以后每封推送邮件都附有修改和退订的链接。
              <a href={urls.manage.replace(/^https?:\/\/[^/]+/, '')}>管理订阅</a>
            </>
          ),
        }),
      );
    }),
  );
  const managePage = async (req: FastifyRequest, form?: FormState, done = false) => {
    const row = await s.forManage(token(req));
    const c = choicesOf(row);
    const f =
      form ??
      emptyForm({
        topics: c.topics.map(String),
        units: c.units.map(String),
        audiences: c.audiences,
        kinds: c.kinds,
      });
    return ManagePage({
      ctx: await viewContext(app, req),
      form: f,
      options: await options(),
      token: token(req),
      masked: row.email_masked,
      done,
    });
  };
  server.get('/subscriptions/manage/:token', async (req, reply) =>
    linkOr(req, reply, async () =>
      sendPage(reply, await managePage(req, undefined, (req.query as Record<string, string>).done === '1')),
    ),
  );
  server.post('/subscriptions/manage/:token', { preHandler: linkLimit }, async (req, reply) =>
    linkOr(req, reply, () =>
      handleForm(
        reply,
        req.body,
        async () => {
          await s.changeChoices(req.ctx, token(req), formFields(req.body));
          return `/subscriptions/manage/${token(req)}?done=1`;
        },
        (form) => managePage(req, form),
      ),
    ),
  );
  server.get('/subscriptions/unsubscribe/:token', async (req, reply) =>
    linkOr(req, reply, async () => {
      const row = await s.forManage(token(req));
      return sendPage(
        reply,
        ButtonPage({
          ctx: await viewContext(app, req),
          title: '退订',
          text: `退订后，${row.email_masked} 将不再收到推送，邮箱地址随即删除。`,
          action: `/subscriptions/unsubscribe/${token(req)}`,
          label: '确认退订',
          kind: 'warning',
        }),
      );
    }),
  );
  server.post('/subscriptions/unsubscribe/:token', { preHandler: linkLimit }, async (req, reply) =>
    linkOr(req, reply, async () => {
      await s.unsubscribe(req.ctx, token(req));
      return sendPage(reply, await message(req, '已退订', '您已退订，不会再收到推送邮件，邮箱地址已删除。'));
    }),
  );
  /**
   * RFC 8058 one-click: the mail program POSTs `List-Unsubscribe=One-Click` to the address of the
   * List-Unsubscribe header, without cookies or a form. The signed token in the path is the proof (it is
   * as unguessable as a CSRF token and bound to this one subscription), so this route supplies the CSRF
   * header itself: the shared check (src/http/request-context.ts) runs before route hooks and would
   * otherwise refuse every such request.
   */
  server.post(
    '/subscriptions/one-click/:token',
    {
      onRequest: async (req) => {
        req.headers['x-csrf-token'] = req.csrfToken;
      },
      preHandler: linkLimit,
    },
    async (req, reply) => {
      try {
        await s.unsubscribe(req.ctx, token(req));
        return reply.type('text/plain; charset=utf-8').send('已退订');
      } catch (e) {
        if (!isAppError(e) || e.code !== 'validation') throw e;
        return reply.code(422).type('text/plain; charset=utf-8').send(e.message);
      }
    },
  );

  // ── admin ──
  const adminPage = async (req: FastifyRequest, form?: FormState) => {
    requirePermission(req, 'subscription.view');
    const f = form ?? emptyForm(settingsFormValues(SUBSCRIPTION_SETTINGS, await x.admin.settings(req.ctx)));
    return SubscriptionAdminPage({
      ctx: await viewContext(app, req),
      stats: await x.admin.stats(req.ctx),
      form: f,
      done: (req.query as Record<string, string>).done === '1',
    });
  };
  server.get('/admin/subscriptions', async (req, reply) => sendPage(reply, await adminPage(req)));
  server.post('/admin/subscriptions/settings', async (req, reply) => {
    requirePermission(req, 'subscription.view');
    return handleForm(
      reply,
      req.body,
      async () => {
        await x.admin.saveSettings(req.ctx, req.body);
        return '/admin/subscriptions?done=1';
      },
      (form) => adminPage(req, form),
    );
  });
}
