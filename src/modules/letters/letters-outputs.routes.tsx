/**
 * The letters' outputs on the web: the public 来信选登 (/letters/replies, /letters/replies/:id) and 信箱办理情况
 * 统计 (/letters/stats), and the back-office review of a publication (/admin/letters/:id/publication,
 * 'letter.review') and the statistics with the letters behind each number (/admin/letters/stats,
 * 'letter.handle'). Thin: parse → one service call → render.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { handleForm, idParam } from '../../http/forms.ts';
import { sendPublicPage } from '../../http/public-cache.tsx';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import type { FormState } from '../../http/view-context.ts';
import { scopesFor } from '../../kernel/permissions.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { renderBarChartSvg } from '../../lib/charts.ts';
import { AppError } from '../../lib/errors.ts';
import type { MenuEntry } from '../../platform/menu.ts';
import type { JobDefinition, PublicRoute, RoutesContext } from '../../platform/module.ts';
import type { ChannelKind } from './letter.model.ts';
import { REMINDER_JOB } from './letter-reminders.ts';
import { type StatsReport, UNROUTED_LABEL } from './letter-stats.service.ts';
import { MEMBER_SETS, type MemberSet, parsePeriod, recentMonths, type StatsPeriod } from './letter-stats.ts';
import type { Letters } from './letters.services.ts';
import { registerLetterMonitorRoutes } from './letters-monitor.routes.tsx';
import { REPLIES_PATH, ReplyDetailPage, ReplyListPage, STATS_PATH } from './views/letter-replies.tsx';
import { PublicationPage } from './views/letter-replies-admin.tsx';
import { AdminStatsPage, PublicStatsPage } from './views/letter-stats.tsx';
import { StatsRecordsPage } from './views/letter-stats-records.tsx';

type Ctx = RoutesContext<'letters', Letters>;

/** Letters per page of the public list. */
export const REPLIES_PAGE_SIZE = 20;
/** Months offered by the statistics picker (two years), then the years. */
const PICKER_MONTHS = 24;
const PICKER_YEARS = 3;

const q = (req: FastifyRequest) => (req.query ?? {}) as Record<string, string | undefined>;
const positiveInt = (v: string | undefined, max = 1_000_000_000) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= max ? n : null;
};

/** The outputs' public pages (for the route table, the broken-link check and sitemap.xml). */
export const LETTER_OUTPUT_PUBLIC_ROUTES: readonly PublicRoute[] = [
  { pattern: /^\/letters\/replies$/, sitemap: [{ path: REPLIES_PATH }] },
  { pattern: /^\/letters\/replies\/\d+$/ },
  { pattern: /^\/letters\/stats$/, sitemap: [{ path: STATS_PATH }] },
];

export const LETTER_OUTPUT_MENU: readonly MenuEntry[] = [
  { area: 'interaction', href: '/admin/letters/stats', label: '信箱办理情况统计', action: 'letter.handle' },
  {
    area: 'interaction',
    href: '/admin/letters/overdue',
    label: '超期未答复的来信',
    action: 'letter.oversee',
  },
];

export function letterOutputJobs(letters: Letters): JobDefinition[] {
  return [
    {
      kind: 'daily',
      id: REMINDER_JOB,
      description: '政民互动来信：对临期、超期未答复的来信记录提醒（配置邮件时通知办理单位）',
      run: (day) => letters.reminders.run(day),
    },
  ];
}

/** Every route of the outputs: the public pages, the review of publications, the statistics, the monitor. */
export function registerLetterOutputs(server: FastifyInstance, app: Ctx): void {
  registerLetterOutputRoutes(server, app);
  registerLetterMonitorRoutes(server, app);
}

export function registerLetterOutputRoutes(server: FastifyInstance, app: Ctx): void {
  const pub = () => app.letters.publication;
  const today = () => todayInShanghai(app.clock.now());

  // ── public: 来信选登 ──
  server.get(REPLIES_PATH, async (req, reply) => {
    const box = positiveInt(q(req).box);
    const unit = positiveInt(q(req).unit);
    const page = positiveInt(q(req).page, 10_000) ?? 1;
    const [list, facets] = await Promise.all([
      pub().listPublished({ channelId: box, unitId: unit, page, perPage: REPLIES_PAGE_SIZE }),
      pub().publishedFacets(),
    ]);
    return sendPublicPage(
      req,
      reply,
      ReplyListPage({
        ctx: await viewContext(app, req),
        rows: list.rows,
        total: list.total,
        page,
        pageSize: REPLIES_PAGE_SIZE,
        facets,
        filter: { box, unit },
      }),
    );
  });
  server.get(`${REPLIES_PATH}/:id`, async (req, reply) => {
    const letter = await pub().findPublished(idParam(req.params));
    if (!letter) throw AppError.notFound('公开的来信');
    return sendPublicPage(req, reply, ReplyDetailPage({ ctx: await viewContext(app, req), letter }));
  });

  // ── statistics ──
  const choices = () => {
    const t = today();
    const months = recentMonths(t, PICKER_MONTHS).map((m) => ({ value: m, label: parsePeriod(m)!.label }));
    const year = Number(t.slice(0, 4));
    const years = Array.from({ length: PICKER_YEARS }, (_, i) => String(year - i)).map((y) => ({
      value: y,
      label: `${y}年全年`,
    }));
    return [...months, ...years];
  };
  /** The period asked for; an unknown value falls back to the current month. */
  const periodOf = (req: FastifyRequest): StatsPeriod =>
    parsePeriod(q(req).month) ?? parsePeriod(today().slice(0, 7))!;
  const chartOf = (r: StatsReport) =>
    renderBarChartSvg({
      categories: r.byUnit.map((u) => u.unitName),
      series: [
        { name: '收到', values: r.byUnit.map((u) => u.row.received) },
        { name: '已办结', values: r.byUnit.map((u) => u.row.done) },
      ],
      horizontal: true,
      unit: '件',
    });
  const statsProps = async (req: FastifyRequest) => {
    const period = periodOf(req);
    const [report, siteErrors] = await Promise.all([
      app.letters.stats.report(period, 'mailbox'),
      app.letters.stats.report(period, 'site_error'),
    ]);
    return { period, report, siteErrors, chartSvg: chartOf(report), choices: choices() };
  };
  server.get(STATS_PATH, async (req, reply) => {
    const p = await statsProps(req);
    return sendPublicPage(
      req,
      reply,
      PublicStatsPage({ ctx: await viewContext(app, req), ...p, linkFor: null, action: STATS_PATH }),
    );
  });
  server.get('/admin/letters/stats', async (req, reply) => {
    requirePermission(req, 'letter.handle');
    const p = await statsProps(req);
    const linkFor = (g: { unit?: number | 'none'; box?: number; kind?: string }, set: MemberSet) => {
      const s = new URLSearchParams({ month: p.period.value, set });
      if (g.unit !== undefined) s.set('unit', String(g.unit));
      if (g.box !== undefined) s.set('box', String(g.box));
      if (g.kind) s.set('kind', g.kind);
      return `/admin/letters/stats/records?${s}`;
    };
    return sendPage(
      reply,
      AdminStatsPage({ ctx: await viewContext(app, req), ...p, linkFor, action: '/admin/letters/stats' }),
    );
  });
  server.get('/admin/letters/stats/records', async (req, reply) => {
    const actor = requirePermission(req, 'letter.handle');
    const period = periodOf(req);
    const set = MEMBER_SETS.find((s) => s === q(req).set) ?? 'received';
    const unitRaw = q(req).unit;
    const unit = unitRaw === 'none' ? 'none' : positiveInt(unitRaw);
    const box = positiveInt(q(req).box);
    const kind: ChannelKind = q(req).kind === 'site_error' ? 'site_error' : 'mailbox';
    const all = await app.letters.stats.members(period, { unit, channelId: box, set }, kind);
    // Only the letters of units the actor handles are listed; unrouted ones for the 政务公开办 (letter.route).
    const paths = scopesFor(actor, 'letter.handle');
    const routable = scopesFor(actor, 'letter.route').length > 0;
    const unitPaths = new Map((await app.units.listAll()).map((u) => [u.id, u.path] as const));
    const visible = all.filter((r) =>
      r.unitId === null ? routable : paths.some((p) => (unitPaths.get(r.unitId!) ?? '').startsWith(p)),
    );
    const groupLabel =
      unit === 'none'
        ? UNROUTED_LABEL
        : unit
          ? ((await app.units.findById(unit))?.name ?? '单位')
          : box
            ? ((await app.letters.publication.repo.channels()).find((c) => c.id === box)?.name ?? '信箱')
            : kind === 'site_error'
              ? '我为政府网站找错'
              : '合计';
    return sendPage(
      reply,
      StatsRecordsPage({
        ctx: await viewContext(app, req),
        periodLabel: period.label,
        periodValue: period.value,
        groupLabel,
        set,
        records: visible,
        hidden: all.length - visible.length,
      }),
    );
  });

  // ── review of a publication ──
  const publicationPage = async (
    req: FastifyRequest,
    forms: { form?: FormState; unpublishForm?: FormState } = {},
  ) => {
    const id = idParam(req.params);
    const draft = await pub().draft(req.ctx, id);
    const letter = await pub().repo.findLetter(id);
    const done = q(req).done;
    return PublicationPage({
      ctx: await viewContext(app, req),
      reference: letter?.reference ?? String(id),
      draft,
      ...forms,
      done: done === 'published' || done === 'unpublished' ? done : null,
    });
  };
  server.get('/admin/letters/:id/publication', async (req, reply) => {
    requirePermission(req, 'letter.review');
    return sendPage(reply, await publicationPage(req));
  });
  server.post('/admin/letters/:id/publish', async (req, reply) => {
    requirePermission(req, 'letter.review');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await pub().publish(req.ctx, id, req.body);
        return `/admin/letters/${id}/publication?done=published`;
      },
      (form) => publicationPage(req, { form }),
    );
  });
  server.post('/admin/letters/:id/unpublish', async (req, reply) => {
    requirePermission(req, 'letter.review');
    const id = idParam(req.params);
    return handleForm(
      reply,
      req.body,
      async () => {
        await pub().unpublish(req.ctx, id, req.body);
        return `/admin/letters/${id}/publication?done=unpublished`;
      },
      (unpublishForm) => publicationPage(req, { unpublishForm }),
    );
  });
}
