/**
 * Demo 政府信息: ≥ 300 documents across the demo county's units, statutory columns and 专题专栏, plus the
 * five seed notices (test/fixtures/seeds) with the metadata printed in their text. Everything goes through
 * the real drafting and review services as the system actor (强制发布 with a recorded reason); a seed
 * clock spreads 发布日期 over the last three years. Some documents are corrected, some withdrawn; the
 * 规范性文件-like ones carry 有效性 (有效 with 施行日期; replaced ones 失效 / 废止 / 已修改, see markSucceeded).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Actor, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import { AttachmentStore } from '../../modules/publishing/documents/attachment-store.ts';
import { DocumentRepository } from '../../modules/publishing/documents/document.repository.ts';
import { DocumentService } from '../../modules/publishing/documents/document.service.ts';
import type { PublishingContext } from '../../modules/publishing/publishing.api.ts';
import { DocumentReviewService } from '../../modules/publishing/review/document-review.service.ts';
import { searchProviderFor } from '../../modules/publishing/search/index.ts';
import type { Unit } from '../schema.ts';
import {
  DEMO_TEMPLATES,
  DEMO_TOPIC_COLUMNS,
  type DemoTemplate,
  SEED_NOTICES,
} from './demo-documents.data.ts';

const ctx = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };
const FORCE_REASON = '演示数据初始化：历史信息批量补录';
const DAY = 86_400_000;
/** Documents per unit (government, departments and townships): 16 units × 20 = 320. */
const PER_UNIT = 20;
/** The demo 政务公开管理员 (demo-units.ts), who corrects and withdraws. */
const DEMO_ADMIN = 'gkadmin';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (lines: readonly string[]) =>
  lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');

/** The text of a seed notice from test/fixtures/seeds when the repository is at hand, else its excerpt. */
function seedBody(file: string, excerpt: string, startsWith: string): string {
  const path = fileURLToPath(new URL(`../../../test/fixtures/seeds/${file}`, import.meta.url));
  if (!existsSync(path)) return paragraphs(excerpt.split('\n'));
  const lines = readFileSync(path, 'utf8').split('\n');
  const from = Math.max(
    0,
    lines.findIndex((l) => l.includes(startsWith)),
  );
  return paragraphs(lines.slice(from + 1).map((l) => l.replace(/^#+\s*/, '')));
}

/** Creates the demo documents; returns how many were published. */
export async function seedDemoDocuments(app: PublishingContext, start?: Date): Promise<number> {
  const db = app.database.db;
  const clock = new FixedClock(start ?? new Date(app.clock.now().getTime() - 3 * 365 * DAY));
  const documentRepo = new DocumentRepository(db);
  const files = new AttachmentStore(app.config.DATA_DIR);
  const search = searchProviderFor(db);
  const base = { db, documents: documentRepo, units: app.units, files, search, audit: app.audit, clock };
  const documents = new DocumentService({ ...base, columns: app.publishing.columnRepo });
  const review = new DocumentReviewService({
    ...base,
    drafting: documents,
    calendar: app.calendar,
    publicRoutes: app.publicRoutes,
  });

  const units = (await app.units.activeUnits()).filter((u) =>
    ['government', 'department', 'township'].includes(u.kind),
  );
  const root = units.find((u) => u.parent_id === null);
  if (!root) return 0;
  // Corrections and withdrawals are the 政务公开管理员's (the workflow refuses them to system actors).
  const admin = await app.accounts.findUserByUsername(DEMO_ADMIN);
  const adminCtx = admin ? { actor: await app.auth.buildActor(admin.id), meta: NO_REQUEST } : null;
  const topicIds = new Map((await documentRepo.listTopics()).map((t) => [t.name, t.id]));
  const specials = new Map<string, number>();
  for (const [i, c] of DEMO_TOPIC_COLUMNS.entries()) {
    const col = await app.publishing.columns.createColumn(ctx, root.id, null, { ...c, sortOrder: 100 + i });
    specials.set(c.name, col.id);
  }
  const columnsOf = new Map<number, Map<string, number>>();
  for (const u of units) {
    const cols = await app.publishing.columns.listActiveForUnit(u.id);
    columnsOf.set(
      u.id,
      new Map(cols.flatMap((c) => (c.template_key ? [[c.template_key, c.id] as const] : []))),
    );
  }

  const plan: { unit: Unit; t: DemoTemplate; n: number }[] = [];
  for (const [ui, unit] of units.entries())
    for (let k = 0; k < PER_UNIT; k++)
      plan.push({ unit, t: DEMO_TEMPLATES[(ui * 7 + k) % DEMO_TEMPLATES.length]!, n: k + 1 });
  const now = app.clock.now().getTime();
  const step = (now - clock.now().getTime() - 5 * DAY) / (plan.length + SEED_NOTICES.length);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  let published = 0;

  const publish = async (unitId: number, input: Record<string, unknown>, attach: boolean) => {
    const draft = await documents.createDraft(ctx, unitId, input);
    if (attach) await documents.addAttachment(ctx, draft.id, `${input.title as string}（附件）.pdf`, pdf);
    await review.forcePublish(ctx, draft.id, FORCE_REASON);
    published++;
    return draft.id;
  };

  // The five seed notices first: they are the oldest documents.
  const office = units.find((u) => /办公室$/.test(u.name)) ?? root;
  for (const s of SEED_NOTICES) {
    clock.set(new Date(`${s.publishedOn}T02:00:00Z`));
    await publish(
      office.id,
      {
        title: s.title,
        topicId: String(topicIds.get('综合政务') ?? ''),
        genre: '通知',
        docNumber: s.docNumber ?? '',
        issuers: s.issuers.join('\n'),
        writtenOn: s.writtenOn,
        formedOn: s.writtenOn,
        disclosureMode: 'proactive',
        keywords: '政务公开，工作要点',
        summary: s.summary,
        source: s.issuers[0],
        bodyHtml: seedBody(s.file, s.summary, s.startsWith),
        columnIds: [
          columnsOf.get(office.id)?.get('art20_15'),
          specials.get('政务公开工作'),
          specials.get('政务公开主题日'),
        ].filter(Boolean),
      },
      false,
    );
  }

  clock.set(new Date(Math.max(clock.now().getTime(), now - 3 * 365 * DAY)));
  const serial = new Map<number, number>();
  // 规范性文件-like documents per unit and template, oldest first, for their 有效性 afterwards.
  const marked = new Map<string, { id: number; t: DemoTemplate; day: string }[]>();
  for (const [i, { unit, t, n }] of plan.entries()) {
    clock.set(new Date(now - 3 * 365 * DAY + (i + 1) * step));
    const day = todayInShanghai(clock.now());
    const year = day.slice(0, 4);
    const seq = (serial.get(unit.id) ?? 0) + 1;
    serial.set(unit.id, seq);
    const short = unit.short_name ?? unit.name;
    const title = t.title.replace('{unit}', short).replace('{year}', year).replace('{n}', String(n));
    const written = todayInShanghai(new Date(clock.now().getTime() - 3 * DAY));
    const columnIds = [
      columnsOf.get(unit.id)?.get(t.column) ?? columnsOf.get(unit.id)?.get('art20_15'),
      t.special ? specials.get(t.special) : undefined,
    ].filter(Boolean);
    const id = await publish(
      unit.id,
      {
        title,
        topicId: String(topicIds.get(t.topic) ?? ''),
        genre: t.genre,
        docNumber: t.genre === '其他' ? '' : `示${t.code}〔${year}〕${seq}号`,
        issuers: unit.name,
        writtenOn: written,
        formedOn: written,
        disclosureMode: 'proactive',
        keywords: t.keywords.join('，'),
        summary: `${short}${t.summary}`,
        source: short,
        bodyHtml: paragraphs([
          `各有关单位：`,
          ...t.body.map((p) => p.replace('{unit}', unit.name)),
          `${unit.name}`,
          written,
        ]),
        columnIds,
        ...(t.succeededAs ? { validity: 'valid', effectiveOn: day } : {}),
      },
      i % 23 === 0,
    );
    if (t.succeededAs) {
      const key = `${unit.id}:${t.title}`;
      marked.set(key, [...(marked.get(key) ?? []), { id, t, day }]);
    }
    if (!adminCtx) continue;
    if (i % 37 === 5) {
      await documents.correctPublished(
        adminCtx,
        id,
        { ...(await inputOf(documentRepo, id)), summary: `${short}${t.summary}（已更正联系电话）` },
        '原文联系电话有误，已更正。',
      );
    }
    if (i % 41 === 7)
      await review.withdraw(
        adminCtx,
        id,
        i % 2 ? { reason: 'expired' } : { reason: 'superseded', note: '已发布修订版本' },
      );
  }
  if (adminCtx) await markSucceeded(documents, documentRepo, adminCtx, marked, todayInShanghai(clock.now()));
  return published;
}

/**
 * 有效性 after the fact, as a 政务公开管理员 would mark it (a published change that keeps the earlier
 * version): a document the same unit later replaced gets its template's mark (废止 dated the day the
 * replacement took effect); a temporary measure older than its lifetime is 失效. Withdrawn ones are left.
 */
async function markSucceeded(
  documents: DocumentService,
  repo: DocumentRepository,
  adminCtx: { actor: Actor; meta: typeof NO_REQUEST },
  groups: Map<string, { id: number; t: DemoTemplate; day: string }[]>,
  today: string,
): Promise<void> {
  for (const docs of groups.values()) {
    for (const [k, d] of docs.entries()) {
      const next = docs[k + 1];
      const lapsed =
        d.t.lapsesAfterDays !== undefined &&
        Date.parse(d.day) + d.t.lapsesAfterDays * DAY <= Date.parse(today);
      const mark = next ? d.t.succeededAs : lapsed ? 'expired' : undefined;
      if (!mark || (await repo.findById(d.id))?.state !== 'published') continue;
      await documents.changeValidity(adminCtx, d.id, {
        validity: mark,
        effectiveOn: d.day,
        repealedOn: mark === 'repealed' ? next?.day : '',
        note: next ? '已由本单位新发布的文件替代' : '临时性措施已到期',
      });
    }
  }
}

/** The form input of a stored document (for a correction that changes one field). */
async function inputOf(repo: DocumentRepository, id: number): Promise<Record<string, unknown>> {
  const d = (await repo.findById(id))!;
  return {
    title: d.title,
    topicId: d.topic_id ? String(d.topic_id) : '',
    genre: d.genre ?? '',
    docNumber: d.doc_number ?? '',
    issuers: (await repo.issuers(id)).join('\n'),
    writtenOn: d.written_on ?? '',
    formedOn: d.formed_on ?? '',
    disclosureMode: d.disclosure_mode,
    keywords: (JSON.parse(d.keywords_json) as string[]).join('，'),
    summary: d.summary ?? '',
    source: d.source ?? '',
    bodyHtml: d.body_html,
    columnIds: await repo.columnIds(id),
    validity: d.validity ?? '',
    effectiveOn: d.effective_on ?? '',
    repealedOn: d.repealed_on ?? '',
  };
}
