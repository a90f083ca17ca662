/**
 * Demo data of 在线访谈: one past interview whose 实录 is published (as the 解读 of a demo policy when
 * the library holds one) and one upcoming 预告 with a question waiting for moderation. Dates are
 * relative to today.
 */
import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Interviews } from '../../modules/interviews/interviews.services.ts';
import { POLICY_KINDS } from '../../modules/policies/policy.model.ts';
import type { Registry } from '../../platform/module.ts';

const FORCE_REASON = '演示数据初始化：在线访谈实录补录';
const SYSTEM: CallContext = { actor: systemActor('演示数据'), meta: NO_REQUEST };

export async function seedDemoInterviews(app: Registry & { interviews: Interviews }): Promise<string> {
  const units = await app.units.activeUnits();
  const root = units.find((u) => u.parent_id === null);
  if (!root) return '没有演示单位，未载入在线访谈';
  const unit = units.find((u) => u.name.includes('人力资源和社会保障')) ?? root;
  const today = todayInShanghai(app.clock.now());
  const policy = await app.db
    .selectFrom('documents')
    .select(['id'])
    .where('kind', 'in', POLICY_KINDS)
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .executeTakeFirst();
  const { service, record } = app.interviews;
  const pastId = await service.create(SYSTEM, unit.id, {
    title: '稳就业惠民生政策解读',
    summary: '围绕稳就业、促创业相关政策，嘉宾与网友在线交流。',
    guests: '张明，县人力资源和社会保障局局长\n李华，县就业服务中心主任',
    host: '王静',
    startsAt: `${addDays(today, -30)} 09:30`,
    endsAt: `${addDays(today, -30)} 11:00`,
    policyIds: policy ? String(policy.id) : '',
  });
  for (const event of ['announce', 'start'] as const) await service.transition(SYSTEM, pastId, event);
  const qid = await app.db.transaction().execute(async (trx) =>
    service.repo.insertQuestion(trx, {
      interview_id: pastId,
      asker_name: '热心市民',
      content: '高校毕业生到中小企业就业有哪些补贴？',
      phase: 'advance',
      status: 'pending',
      created_at: app.clock.now().toISOString(),
      moderated_by: null,
      moderated_at: null,
    }),
  );
  await service.moderate(SYSTEM, pastId, qid, { decision: 'adopted' });
  const entries = [
    { role: 'host', speaker: '王静', content: '各位网友大家好，欢迎参加本期在线访谈。' },
    {
      role: 'netizen',
      speaker: '热心市民',
      content: '高校毕业生到中小企业就业有哪些补贴？',
      questionId: String(qid),
    },
    {
      role: 'guest',
      speaker: '张明',
      content: '符合条件的可申请一次性吸纳就业补贴和社会保险补贴，具体标准见政策文件。',
    },
  ];
  for (const e of entries) await service.addEntry(SYSTEM, pastId, e);
  await service.transition(SYSTEM, pastId, 'end');
  // 主动公开 takes submissions from people only: the demo's 政务公开管理员 sends it, then it is force-published.
  const admin = await app.accounts.findUserByUsername('gkadmin');
  const sender: CallContext = admin
    ? { actor: await app.auth.buildActor(admin.id), meta: NO_REQUEST }
    : SYSTEM;
  const docId = await record.submit(sender, pastId).catch(() => null);
  if (docId) await app.publishing.review.forcePublish(SYSTEM, docId, FORCE_REASON);

  const nextId = await service.create(SYSTEM, unit.id, {
    title: '城乡居民医疗保险参保政策问答',
    summary: '介绍城乡居民医保参保缴费、待遇享受等政策，欢迎网友提前提问。',
    guests: '赵强，县医疗保障局局长',
    host: '王静',
    startsAt: `${addDays(today, 14)} 15:00`,
    endsAt: `${addDays(today, 14)} 16:30`,
    policyIds: '',
  });
  await service.transition(SYSTEM, nextId, 'announce');
  return `已载入在线访谈：1 期实录${docId ? '已发布' : '未能发布'}，1 期预告`;
}
