/**
 * Demo data of the 政策问答库: entries written from the demo library (sources named by 文号 or exact title,
 * resolved here — a missing one fails the seed loudly), most published by the 政务公开办 (陈公开, never by
 * their author), some left 待审核 or as drafts, then the 待更新 sweep run once so entries citing repealed or
 * expired documents show as such; and a few unanswered questions. The data comes as parameters (the full set
 * is src/db/seeds/demo-qa.data.ts, helper D's; until it lands, the 3-entry sample below).
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import type { DemoQaEntry, DemoQaQuestion } from '../../modules/qa/qa.model.ts';
import type { Qa } from '../../modules/qa/qa.services.ts';
import type { Registry } from '../../platform/module.ts';

const SYSTEM: CallContext = { actor: systemActor('演示数据'), meta: NO_REQUEST };
/** The 政务公开办's demo account: reviews and publishes the demo entries. */
const REVIEWER = 'gkadmin';

/** A small inline sample (replaced by DEMO_QA_ENTRIES when demo-qa.data.ts is merged). */
export const SAMPLE_QA_ENTRIES: DemoQaEntry[] = [
  {
    unit: '县民政局',
    question: '困难残疾人生活补贴怎么申请？',
    altQuestions: ['残疾人两项补贴去哪里办', '残疾人生活补贴申请条件'],
    answer:
      '申请人向户籍所在地乡镇人民政府（街道办事处）提出申请，也可委托他人代为申请。\n\n乡镇人民政府（街道办事处）初审后报县民政局审核确认，符合条件的自次月起发放。',
    topic: '民政、扶贫、救灾',
    audiences: ['individual'],
    matter: '困难残疾人生活补贴和重度残疾人护理补贴',
    sources: [{ docNumber: '示民政规〔2024〕1号', article: '第五条' }],
  },
  {
    unit: '示范县人民政府',
    question: '最低生活保障怎么申请？',
    altQuestions: ['低保怎么申请', '低保去哪里办'],
    answer: '由共同生活的家庭成员向户籍所在地乡镇人民政府（街道办事处）提出书面申请。',
    topic: '民政、扶贫、救灾',
    audiences: ['individual'],
    matter: '最低生活保障审核确认',
    sources: [{ title: '示范县最低生活保障实施办法', article: '第八条' }],
  },
  {
    unit: '县教育局',
    question: '义务教育阶段入学需要准备哪些材料？',
    altQuestions: ['小学报名要什么材料'],
    answer: '一般需准备户口簿、房产证明或居住证明，具体以当年招生入学工作方案为准。',
    topic: '科技、教育',
    audiences: ['individual'],
    matter: '义务教育入学',
    sources: [{ docNumber: '示教规〔2023〕1号', article: '第六条' }],
    state: 'in_review',
  },
];

export const SAMPLE_QA_QUESTIONS: DemoQaQuestion[] = [
  { unit: '县民政局', question: '高龄津贴多少岁可以领？' },
  { unit: null, question: '新生儿医保在哪里办理？' },
];

/** Loads the demo 问答库 into `app`; returns a line for the log. */
export async function seedDemoQa(
  app: Registry & { qa: Qa },
  entries: readonly DemoQaEntry[] = SAMPLE_QA_ENTRIES,
  questions: readonly DemoQaQuestion[] = SAMPLE_QA_QUESTIONS,
): Promise<string> {
  const s = app.qa.entryService;
  const admin = await app.accounts.findUserByUsername(REVIEWER);
  if (!admin) return '没有演示账户 gkadmin，未载入政策问答';
  const reviewer: CallContext = { actor: await app.auth.buildActor(admin.id), meta: NO_REQUEST };
  const units = await app.units.activeUnits();
  const unitId = (name: string) => {
    const u = units.find((x) => x.name === name);
    if (!u) throw new Error(`demo 问答: no demo unit named ${name}`);
    return u.id;
  };
  const topics = await app.publishing.topics.list();
  const counts = { published: 0, other: 0, skipped: 0 };
  nextEntry: for (const [i, e] of entries.entries()) {
    const topic = e.topic ? topics.find((t) => t.name === e.topic) : undefined;
    if (e.topic && !topic) throw new Error(`demo 问答 ${i + 1}: no topic named ${e.topic}`);
    const fields: Record<string, unknown> = {
      unitId: String(unitId(e.unit)),
      question: e.question,
      altQuestions: e.altQuestions.join('\n'),
      answer: e.answer,
      topicId: topic ? String(topic.id) : '',
      audiences: e.audiences,
      matter: e.matter ?? '',
    };
    for (const [n, src] of e.sources.entries()) {
      const doc = await resolveSource(s, src, `demo 问答 ${i + 1}（${e.question}）`);
      // Its document comes from a demo part that was left out (e.g. consultations): skip the entry.
      if (doc === null) {
        counts.skipped++;
        continue nextEntry;
      }
      Object.assign(fields, {
        [`s${n}_doc`]: doc,
        [`s${n}_article`]: src.article ?? '',
        [`s${n}_excerpt`]: src.excerpt ?? '',
      });
    }
    const id = await s.create(SYSTEM, fields);
    const state = e.state ?? 'published';
    if (state !== 'draft') await s.run(SYSTEM, id, 'submit');
    if (state === 'published' || state === 'withdrawn') await s.run(reviewer, id, 'publish');
    if (state === 'withdrawn') await s.run(reviewer, id, 'withdraw', { reason: '演示：政策已调整' });
    if (state === 'published') counts.published++;
    else counts.other++;
  }
  const stale = await app.qa.stale.sweep(todayInShanghai(app.clock.now()));
  const now = app.clock.now().toISOString();
  for (const q of questions)
    await app.db
      .insertInto('qa_questions')
      .values({
        question: q.question,
        unit_id: q.unit ? unitId(q.unit) : null,
        source: 'ask',
        state: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
  const skipped = counts.skipped ? `；${counts.skipped} 条的依据文件所在的演示部分未载入，略过` : '';
  return `已载入政策问答：${counts.published + counts.other} 条（已发布 ${counts.published} 条，其中待更新 ${stale.flagged} 条；待审核或草稿 ${counts.other} 条${skipped}），未解答问题 ${questions.length} 个`;
}

/**
 * The 文号 (or exact title) of the one published document a demo source names; null when none (its demo
 * part is not loaded); throws when several match (the data must name one document).
 */
async function resolveSource(
  s: Qa['entryService'],
  src: DemoQaEntry['sources'][number],
  where: string,
): Promise<string | null> {
  const ref = src.docNumber ?? src.title;
  if (!ref) throw new Error(`${where}: a source names neither 文号 nor title`);
  const found = await s.findDocument(ref);
  if (found.length > 1) throw new Error(`${where}: several published documents for ${ref}`);
  return found.length ? ref : null;
}
