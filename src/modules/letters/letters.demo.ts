/**
 * Demo letters (issue 13 "Demo"): the boxes (县长信箱, two unit boxes, 政务公开咨询, 我为政府网站找错) and a year
 * of letters in every state, dated back from today — some answered late, some overdue now, some rated, one
 * follow-up, a few closed as spam / duplicate / out of scope, some with consent to publish. Everything goes
 * through the real services with the demo accounts, on a seed clock of its own set to each event's day.
 */

import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { addDays, todayInShanghai } from '../../lib/calendar/dates.ts';
import { FixedClock } from '../../lib/clock.ts';
import { FORM_TOKEN_FIELD, issueFormToken } from '../../lib/form-abuse.ts';
import type { Registry } from '../../platform/module.ts';
import { createLetters } from './letters.services.ts';

const SYSTEM: CallContext = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };
const PUBLIC: CallContext = { actor: { kind: 'anonymous' }, meta: NO_REQUEST };

const TOPICS: [type: string, title: string, body: string, reply: string][] = [
  [
    'consultation',
    '城区停车收费标准在哪里公开？',
    '请问城区公共停车场的收费标准在哪里可以查到？',
    '城区公共停车场收费标准已在本网站“价格收费”栏目公开，可按停车场名称查询。',
  ],
  [
    'suggestion',
    '建议在人民路口增设公交站点',
    '人民路口附近居民较多，建议增设一个公交站点，方便老人出行。',
    '感谢您的建议。经与县交通运输局研究，拟在人民路口增设公交站点，预计下季度启用。',
  ],
  [
    'complaint',
    '夜间施工噪音扰民',
    '新城小区旁工地夜间十一点后仍在施工，噪音很大，影响休息。',
    '经核查，该工地确有夜间违规施工情况，已责令整改并依法处罚，后续将加强巡查。',
  ],
  [
    'consultation',
    '企业开办补贴如何申请？',
    '新注册的小微企业能否申请开办补贴，需要哪些材料？',
    '符合条件的小微企业可在注册后6个月内向县政务服务中心申请，所需材料见本网站“办事指南”。',
  ],
  [
    'help',
    '老旧小区加装电梯咨询',
    '我们小区想加装电梯，请问政府有没有补助，流程怎样？',
    '老旧小区加装电梯按户数给予补助，具体流程请咨询县住房和城乡建设局，电话已在“联系我们”公开。',
  ],
  [
    'suggestion',
    '建议公开农村道路建设进度',
    '建议在网站上定期公开农村道路建设项目的进度和资金使用情况。',
    '感谢建议。农村道路建设项目的进度和资金情况将按季度在“重点领域信息公开”栏目公开。',
  ],
  [
    'consultation',
    '医保异地就医备案怎么办？',
    '在外地务工，怎样办理医保异地就医备案？',
    '可通过国家医保服务平台手机应用或到县医疗保障局窗口办理异地就医备案，即时生效。',
  ],
  [
    'complaint',
    '菜市场占道经营',
    '东街菜市场门口长期占道经营，车辆难以通行。',
    '已会同城关镇对东街菜市场周边占道经营进行整治，并设置临时疏导点。',
  ],
];
const WRITERS = [
  ['张三丰', '13800138000', null],
  ['李晓梅', '13900139001', 'lxm@example.com'],
  ['王建国', '0745-2345678', null],
  ['欧阳娜娜', '13700137002', 'oyn@example.com'],
  ['陈平', '15800158003', null],
] as const;

/** How one demo letter ends up. */
type Fate =
  | 'received'
  | 'assigned'
  | 'in_review'
  | 'answered'
  | 'late'
  | 'rated'
  | 'follow_up'
  | 'spam'
  | 'duplicate'
  | 'out_of_scope';

/** Letters from about a year ago to yesterday: [days ago, box index, fate]. */
const PLAN: [number, number, Fate][] = [
  [350, 0, 'rated'],
  [340, 1, 'rated'],
  [330, 3, 'answered'],
  [320, 0, 'late'],
  [310, 2, 'rated'],
  [300, 0, 'spam'],
  [290, 1, 'rated'],
  [280, 3, 'rated'],
  [270, 2, 'late'],
  [260, 0, 'follow_up'],
  [250, 0, 'duplicate'],
  [240, 1, 'answered'],
  [230, 3, 'rated'],
  [220, 2, 'rated'],
  [200, 0, 'out_of_scope'],
  [190, 1, 'late'],
  [170, 3, 'rated'],
  [150, 0, 'rated'],
  [130, 2, 'answered'],
  [110, 1, 'rated'],
  [90, 0, 'late'],
  [70, 3, 'rated'],
  [50, 1, 'rated'],
  [30, 2, 'answered'],
  [20, 0, 'assigned'],
  [14, 1, 'assigned'],
  [6, 3, 'in_review'],
  [3, 0, 'assigned'],
  [1, 2, 'received'],
  [0, 0, 'received'],
];

/** Loads the demo letters; returns the line for the log. */
export async function seedDemoLetters(r: Registry): Promise<string> {
  const county = (await r.units.activeUnits()).find((u) => u.parent_id === null);
  const fgw = await r.units.findByName('县发展和改革局');
  const czj = await r.units.findByName('县财政局');
  if (!county || !fgw || !czj) return '没有演示单位，未载入政民互动来信';
  const today = todayInShanghai(r.clock.now());
  const clock = new FixedClock(new Date(`${addDays(today, -360)}T02:00:00Z`));
  const L = createLetters({
    db: r.db,
    audit: r.audit,
    clock,
    calendar: r.calendar,
    mail: r.mail,
    units: r.units,
    encryptionKey: r.config.dataEncryptionKey,
    formSecret: r.config.SESSION_SECRET,
  });
  const actor = async (username: string) => {
    const user = await r.accounts.findUserByUsername(username);
    if (!user) throw new Error(`demo account missing: ${username}`);
    return { actor: await r.auth.buildActor(user.id), meta: NO_REQUEST };
  };
  const office = await actor('gkadmin');
  const staff = { [fgw.id]: await actor('clerk'), [czj.id]: await actor('czjclerk') };
  const reviewer = { [fgw.id]: await actor('reviewer'), [czj.id]: office };
  const box = (over: Record<string, string>) => L.channels.create(SYSTEM, { kind: 'mailbox', ...over });
  const boxes = [
    await box({ name: '县长信箱', leaderName: '张县长', unitId: String(county.id), position: '1' }),
    await box({ name: '县发展和改革局信箱', unitId: String(fgw.id), position: '2' }),
    await box({ name: '县财政局信箱', unitId: String(czj.id), position: '3' }),
    await box({
      name: '政务公开咨询',
      unitId: String(county.id),
      position: '4',
      description: '咨询政府信息公开工作',
    }),
  ];
  await box({ name: '我为政府网站找错', kind: 'site_error', unitId: String(county.id), position: '9' });

  const atDay = (day: string, hour = 10) =>
    clock.set(new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`));
  const references: string[] = [];
  // Answered letters whose writers agreed: the office reviews the masked texts and publishes them.
  const publishable: { id: number; unitId: number; day: string }[] = [];
  for (const [i, [ago, b, fate]] of PLAN.entries()) {
    const day = addDays(today, -ago);
    atDay(day, 9);
    const [type, title, body, answer] = TOPICS[i % TOPICS.length]!;
    const [name, phone, email] = WRITERS[i % WRITERS.length]!;
    const fields = {
      [FORM_TOKEN_FIELD]: issueFormToken(r.config.SESSION_SECRET, clock.now().getTime() - 60_000),
      name,
      phone,
      email: email ?? '',
      type,
      title,
      body,
      consent: i % 3 === 0 ? 'no' : 'yes',
    };
    const receipt = await L.letters.submit(PUBLIC, boxes[b]!.id, fields);
    references.push(receipt.reference);
    if (fate === 'received') continue;
    atDay(day, 11);
    if (fate === 'spam' || fate === 'duplicate' || fate === 'out_of_scope') {
      await L.transitions.run(office, receipt.id, 'close', {
        closeReason: fate,
        duplicateOf: fate === 'duplicate' ? references[i - 1] : '',
        reason:
          fate === 'spam'
            ? '内容为广告'
            : fate === 'duplicate'
              ? '与此前来信内容相同'
              : '属于司法机关职责，已告知来信人',
      });
      continue;
    }
    const unitId = i % 2 === 0 ? fgw.id : czj.id;
    await L.transitions.run(office, receipt.id, 'route', { unitId });
    if (fate === 'assigned') continue;
    const replyDay = addDays(day, fate === 'late' ? 12 : fate === 'in_review' ? 2 : 3);
    atDay(replyDay, 14);
    await L.transitions.run(staff[unitId]!, receipt.id, 'submit_reply', { body: answer });
    if (fate === 'in_review') continue;
    atDay(replyDay, 16);
    await L.transitions.run(reviewer[unitId]!, receipt.id, 'send_reply', {});
    if (fields.consent === 'yes' && fate !== 'follow_up')
      publishable.push({ id: receipt.id, unitId, day: addDays(replyDay, 2) });
    const { lookupCode } = receipt;
    if (fate === 'rated' || fate === 'follow_up') {
      atDay(addDays(replyDay, 1));
      const rating = i % 5 === 0 ? 'basically' : i % 7 === 0 ? 'dissatisfied' : 'satisfied';
      if (fate === 'rated')
        await L.transitions.runAsWriter(PUBLIC, receipt.reference, lookupCode, 'rate', { rating });
      else {
        await L.transitions.runAsWriter(PUBLIC, receipt.reference, lookupCode, 'follow_up', {
          text: '请问具体什么时候实施？',
        });
        atDay(addDays(replyDay, 4), 15);
        await L.transitions.run(staff[unitId]!, receipt.id, 'submit_reply', {
          body: '预计于下月起实施，届时将在本网站发布通告。',
        });
        atDay(addDays(replyDay, 4), 17);
        await L.transitions.run(reviewer[unitId]!, receipt.id, 'send_reply', {});
        atDay(addDays(replyDay, 5));
        await L.transitions.runAsWriter(PUBLIC, receipt.reference, lookupCode, 'rate', {
          rating: 'satisfied',
        });
      }
    }
  }
  for (const p of publishable) {
    atDay(p.day < today ? p.day : today, 10);
    const draft = await L.publication.draft(reviewer[p.unitId]!, p.id);
    await L.publication.publish(reviewer[p.unitId]!, p.id, {
      revision: String(draft.revision),
      title: draft.title,
      body: draft.body,
      reply: draft.reply,
    });
  }
  return `已创建政民互动信箱 5 个、来信 ${PLAN.length} 件（公开答复 ${publishable.length} 件）`;
}
