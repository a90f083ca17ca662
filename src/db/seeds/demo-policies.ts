/**
 * Demo 规范性文件库 and 政策解读 (demo-policies.data.ts): the county's policies published on their own
 * days through the real drafting and review services (as the system actor, 强制发布 with a recorded
 * reason) with a seed clock, so the library's published hook, the 三同步 check and the relations behave
 * as in real use: successors amend or repeal their predecessors, 解读 follow their policies (one late,
 * one missing), one 清理 batch is decided, reviewed and its result published, and the daily job records
 * what has expired by today.
 */
import { NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import { FixedClock } from '../../lib/clock.ts';
import type { Policies } from '../../modules/policies/policies.services.ts';
import { addMonths } from '../../modules/policies/policy-publication.ts';
import { ColumnRepository } from '../../modules/publishing/columns/column.repository.ts';
import { AttachmentStore } from '../../modules/publishing/documents/attachment-store.ts';
import { DocumentRepository } from '../../modules/publishing/documents/document.repository.ts';
import { DocumentService } from '../../modules/publishing/documents/document.service.ts';
import { DocumentReviewService } from '../../modules/publishing/review/document-review.service.ts';
import { searchProviderFor } from '../../modules/publishing/search/index.ts';
import type { Registry } from '../../platform/module.ts';
import type { Unit } from '../schema.ts';
import { DEMO_CLEANUP, DEMO_POLICIES, type DemoPolicy } from './demo-policies.data.ts';

const ctx = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };
const FORCE_REASON = '演示数据初始化：历史规范性文件补录';
const INTERPRETATION_PLAN = '由起草单位同步起草解读材料，与文件同步审签、同步发布（三同步）。';
const FORM_TITLES: Record<string, string> = {
  text: '政策解读',
  graphic: '一图读懂',
  qa: '政策问答',
  audio_video: '视频解读',
  h5: 'H5解读',
  press_conference: '新闻发布会实录',
  online_interview: '在线访谈实录',
  expert: '专家解读',
  media: '媒体解读',
};

/** 主题分类 by the issuing unit's 机关代字 (the county's own documents: 综合政务). */
const TOPIC_BY_CODE: Record<string, string> = {
  发改规: '国民经济管理、国有资产监管',
  财规: '财政、金融、审计',
  财发: '财政、金融、审计',
  人社规: '劳动、人事、监察',
  住建规: '城乡建设、环境保护',
  市监规: '市场监管、安全生产监管',
  卫健规: '卫生、体育',
  民政规: '民政、扶贫、救灾',
  教规: '科技、教育',
  自然资规: '国土资源、能源',
  环规: '城乡建设、环境保护',
  应急规: '市场监管、安全生产监管',
  司规: '公安、安全、司法',
  税发: '财政、金融、审计',
  新政规: '农业、林业、水利',
  桃政规: '商贸、海关、旅游',
  石政规: '农业、林业、水利',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paragraphs = (lines: readonly string[]) => lines.map((l) => `<p>${esc(l)}</p>`).join('\n');
/** 10:00 China time of a day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** Loads the demo library; returns the line for the log. */
export async function seedDemoPolicies(app: Registry & { policies: Policies }): Promise<string> {
  const db = app.database.db;
  const today = todayInShanghai(app.clock.now());
  const clock = new FixedClock(at(today));
  const pub = app.publishing;
  const documentRepo = new DocumentRepository(db);
  const files = new AttachmentStore(app.config.DATA_DIR);
  const search = searchProviderFor(db);
  const base = { db, documents: documentRepo, units: app.units, files, search, audit: app.audit, clock };
  // The module's own kinds, checks and hooks, on the seed clock: the published hook sees each day.
  const documents = new DocumentService({
    ...base,
    columns: new ColumnRepository(db),
    kinds: pub.kinds,
    hooks: pub.events,
  });
  const review = new DocumentReviewService({
    ...base,
    drafting: documents,
    calendar: app.calendar,
    publicRoutes: app.publicRoutes,
    checkRegistry: pub.checkRegistry,
    hooks: pub.events,
  });

  const topics = new Map((await documentRepo.listTopics()).map((t) => [t.name, t.id] as const));
  const topicOf = (p: DemoPolicy) => String(topics.get(TOPIC_BY_CODE[p.code] ?? '综合政务') ?? '');
  const units = await app.units.activeUnits();
  const byShort = new Map(units.map((u) => [u.short_name ?? u.name, u] as const));
  const root = units.find((u) => u.parent_id === null);
  if (!root) return '没有演示单位，未载入规范性文件库';
  const dayOf = (p: DemoPolicy) =>
    p.published.startsWith('-') ? addDays(today, Number(p.published)) : p.published;
  const plan = [...DEMO_POLICIES].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0));
  const ids = new Map<string, number>();
  const serial = new Map<string, number>();
  const next = (key: string) => {
    const n = (serial.get(key) ?? 0) + 1;
    serial.set(key, n);
    return n;
  };
  let policies = 0;
  let interpretations = 0;

  const publishAt = async (
    day: string,
    unit: Unit,
    input: Record<string, unknown>,
    before?: (id: number) => Promise<void>,
  ) => {
    clock.set(at(day));
    const draft = await documents.createDraft(ctx, unit.id, input);
    await before?.(draft.id);
    await review.forcePublish(ctx, draft.id, FORCE_REASON);
    return draft.id;
  };

  const cleanupDay = addDays(today, -DEMO_CLEANUP.publishedDaysAgo);
  let cleanupDone = false;
  for (const p of plan) {
    const day = dayOf(p);
    if (!cleanupDone && day > cleanupDay) {
      await seedCleanup(app.policies, review, clock, root, cleanupDay, ids);
      cleanupDone = true;
    }
    const unit = byShort.get(p.unit) ?? root;
    const year = day.slice(0, 4);
    const docNumber = `示${p.code}〔${year}〕${next(`${p.code}${year}`)}号`;
    const effectiveOn = p.effectiveAfterDays ? addDays(day, p.effectiveAfterDays) : '';
    const predecessor = DEMO_POLICIES.find((o) => o.amendedBy === p.key || o.repealedBy === p.key);
    const id = await publishAt(
      day,
      unit,
      {
        kind: p.kind,
        title: p.title,
        topicId: topicOf(p),
        genre: p.kind === 'normative' ? '通知' : '其他',
        docNumber,
        issuers: unit.name,
        writtenOn: day,
        formedOn: day,
        disclosureMode: 'proactive',
        keywords: '规范性文件',
        summary: `${unit.name}印发《${p.title}》。`,
        source: unit.short_name ?? unit.name,
        bodyHtml: paragraphs([
          '各有关单位：',
          `现将《${p.title}》印发给你们，请认真贯彻执行。`,
          p.title,
          ...p.body,
          ...(p.clause ? [p.clause] : []),
          unit.name,
          day,
        ]),
        'meta.registrationNumber':
          p.kind === 'normative' ? `SFXR-${year}-${String(next(`reg${year}`)).padStart(5, '0')}` : '',
        'meta.publishedOn': day,
        'meta.effectiveOn': effectiveOn,
        'meta.expiresOn': p.expiresInMonths ? addMonths(today, p.expiresInMonths) : '',
        'meta.interpretationPlan': p.noInterpretationReason ? '' : INTERPRETATION_PLAN,
        'meta.noInterpretationReason': p.noInterpretationReason ?? '',
      },
      async (draftId) => {
        // A successor names the edition it amends or repeals; the library records it at publication.
        if (!predecessor) return;
        const toId = ids.get(predecessor.key);
        if (toId)
          await pub.relations.addRelation(ctx, draftId, {
            type: predecessor.amendedBy === p.key ? 'amends' : 'repeals',
            toId: String(toId),
          });
      },
    );
    ids.set(p.key, id);
    policies++;
    for (const i of p.interpretations ?? []) {
      const title = `《${p.title}》${FORM_TITLES[i.form] ?? '政策解读'}`;
      await publishAt(
        addDays(day, i.lateDays ?? 0),
        unit,
        {
          kind: 'interpretation',
          title,
          topicId: topicOf(p),
          genre: '其他',
          issuers: unit.name,
          writtenOn: day,
          formedOn: day,
          disclosureMode: 'proactive',
          keywords: '政策解读',
          summary: `${unit.name}对《${p.title}》（${docNumber}）的解读。`,
          source: unit.short_name ?? unit.name,
          bodyHtml: paragraphs([
            `一、制定背景：${unit.name}根据有关法律法规和上级文件精神，结合本县实际，制定《${p.title}》（${docNumber}）。`,
            `二、主要内容：${p.body.slice(0, 2).join('')}`,
            '三、适用对象和执行时间：详见文件原文。',
            `四、解读机关：${unit.name}。`,
          ]),
          'meta.form': i.form,
          'meta.interpreter': i.byPrincipal ? `${unit.name}主要负责同志` : `${unit.name}政策文件起草科室`,
          'meta.byPrincipal': i.byPrincipal ? 'yes' : 'no',
        },
        (draftId) =>
          pub.relations
            .addRelation(ctx, draftId, { type: 'interpretation_of', toId: String(id) })
            .then(() => {}),
      );
      interpretations++;
    }
  }
  if (!cleanupDone) await seedCleanup(app.policies, review, clock, root, cleanupDay, ids);
  // What has expired by today is recorded as the daily job would (失效 events, 评估 tasks).
  await app.policies.expiry.sweep(today);
  return `已载入演示规范性文件 ${policies} 件、政策解读 ${interpretations} 篇和一次文件清理`;
}

/**
 * The demo's 清理 batch: every document of the county and its units published before the batch, in force
 * on its day; the ones the data marks are repealed or declared invalid, the rest stay valid. Its result
 * document is published on `day`, which lands the events. Documents already expired by then are not in it.
 */
async function seedCleanup(
  policies: Policies,
  review: DocumentReviewService,
  clock: FixedClock,
  root: Unit,
  day: string,
  ids: Map<string, number>,
): Promise<void> {
  const batchId = await policies.cleanups.create(ctx, {
    title: DEMO_CLEANUP.title,
    basis: DEMO_CLEANUP.basis,
    unitId: String(root.id),
    includeSubtree: '1',
    publishedTo: addDays(day, -30),
  });
  const body: Record<string, string> = {};
  for (const p of DEMO_POLICIES) {
    const id = ids.get(p.key);
    if (!id || !p.cleanup || p.cleanup === 'keep') continue;
    body[`item.${id}.decision`] = p.cleanup;
    body[`item.${id}.reason`] = DEMO_CLEANUP.reasons[p.cleanup];
  }
  await policies.cleanups.saveDecisions(ctx, batchId, body);
  await policies.cleanups.keepRest(ctx, batchId);
  await policies.cleanupReview.submit(ctx, batchId);
  const resultId = await policies.cleanupReview.approve(ctx, batchId);
  clock.set(at(day));
  await review.forcePublish(ctx, resultId, FORCE_REASON);
}
