/**
 * The monitor's overdue list (/admin/letters/overdue and its .xlsx, 'letter.oversee'), for the units the actor
 * oversees: letters past their due day, the ones past the inspection limit (国办秘函〔2019〕19号) first.
 */
import type { FastifyInstance } from 'fastify';
import { sendDownload } from '../../http/downloads.ts';
import { sendPage } from '../../http/render.ts';
import { requirePermission, viewContext } from '../../http/request-context.ts';
import { canSiteWide, scopesFor } from '../../kernel/permissions.ts';
import type { UserActor } from '../../lib/actor.ts';
import { defineSheet, writeXlsx } from '../../lib/spreadsheet/index.ts';
import type { RoutesContext } from '../../platform/module.ts';
import { LETTER_STATUS_LABELS, type LetterStatus } from './letter.model.ts';
import type { OverdueEntry } from './letter-reminders.ts';
import type { Letters } from './letters.services.ts';
import { INSPECTION_MARK, OVERDUE_PATH, OverduePage } from './views/letter-monitor.tsx';

type Ctx = RoutesContext<'letters', Letters>;

type SheetRow = OverdueEntry & { channel: string };

export const OVERDUE_SHEET = defineSheet<SheetRow>({
  sheetName: '超期来信',
  columns: [
    { key: 'channel', header: '渠道', width: 16 },
    { key: 'reference', header: '编号', width: 16 },
    { key: 'inspection', header: '检查', width: 24, cell: (r) => (r.inspection ? INSPECTION_MARK : '') },
    { key: 'title', header: '标题', width: 40 },
    {
      key: 'unitName',
      header: '办理单位',
      width: 24,
      cell: (r) => (r.routed ? r.unitName : `${r.unitName}（待分办）`),
    },
    {
      key: 'status',
      header: '状态',
      width: 10,
      cell: (r) => LETTER_STATUS_LABELS[r.status as LetterStatus] ?? r.status,
    },
    { key: 'receivedOn', header: '收到日期', width: 12 },
    { key: 'dueOn', header: '答复期限', width: 12 },
    { key: 'workingDaysLate', header: '超期工作日', width: 10 },
    { key: 'pageUrl', header: '页面地址', width: 40, cell: (r) => r.pageUrl ?? '' },
  ],
});

export function registerLetterMonitorRoutes(server: FastifyInstance, app: Ctx): void {
  /** Site-wide overseers see every letter (also those not routed yet); others their subtree. */
  const listFor = (actor: UserActor) =>
    app.letters.overdue(canSiteWide(actor, 'letter.oversee') ? null : scopesFor(actor, 'letter.oversee'));

  server.get(OVERDUE_PATH, async (req, reply) => {
    const actor = requirePermission(req, 'letter.oversee');
    return sendPage(reply, OverduePage({ ctx: await viewContext(app, req), list: await listFor(actor) }));
  });
  server.get(`${OVERDUE_PATH}.xlsx`, async (req, reply) => {
    const actor = requirePermission(req, 'letter.oversee');
    const list = await listFor(actor);
    const rows: SheetRow[] = [
      ...list.letters.map((e) => ({ ...e, channel: e.channelName })),
      ...list.siteErrors.map((e) => ({ ...e, channel: '我为政府网站找错' })),
    ];
    const body = await writeXlsx(OVERDUE_SHEET, rows, {
      title: `超期未答复的来信（截至 ${list.today}）`,
      wrap: true,
      neutraliseFormulas: true,
    });
    return sendDownload(reply, { fileName: `超期来信-${list.today}.xlsx`, kind: 'xlsx', body });
  });
}
