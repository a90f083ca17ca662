/**
 * Demo 依申请公开 cases (issue 4 §5): about 200 applications over 2025–2026 in every state and
 * decision, spread over every demo agency (the 县政府, its departments and the townships; 县发改局,
 * where the demo clerk works, receives the most), some near or past their due date, with letters,
 * fees, one 复议 and one 诉讼, and 一事一申请 splits — so the workbench and the statistics look
 * real. Every case goes through the real services; a seed clock replays each step on its own date
 * (never later than today).
 */

import { type CallContext, NO_REQUEST, systemActor } from '../../lib/actor.ts';
import { AuditLog } from '../../lib/audit/audit-log.ts';
import type { WorkingDayCalendar } from '../../lib/calendar/calendar.ts';
import { todayInShanghai } from '../../lib/calendar/dates.ts';
import { FixedClock } from '../../lib/clock.ts';
import { DECISION_KEYS, type Decision } from '../../modules/requests/info-request.model.ts';
import { InfoRequestService } from '../../modules/requests/info-request.service.ts';
import { InfoRequestTransitions } from '../../modules/requests/info-request.transitions.ts';
import type { WorkflowEvent } from '../../modules/requests/info-request.workflow.ts';
import { splitVersion } from '../../modules/requests/info-request-split.service.ts';
import { createRequestExtras, type RequestExtras } from '../../modules/requests/requests.services.ts';
import type { Registry } from '../../platform/module.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '秀英', '伟', '芳', '敏', '静', '磊', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超'];
const ORGS: [string, string, string][] = [
  ['示范商贸有限公司', '91350100M000100Y43', 'commercial'],
  ['示范县农业科学研究所', '11430000MB1234562G', 'research'],
  ['示范县公益助学协会', '91350100M000100Y43', 'public_interest'],
  ['湖南示范律师事务所', '11430000MB1234562G', 'legal_services'],
  ['示范县某村股份经济合作社', '91350100M000100Y43', 'other'],
];
const TOPICS = [
  '2025 年城区道路改造项目批复文件',
  '县城污水处理厂扩建工程环境影响评价批复',
  '2025 年度惠民惠农财政补贴发放明细',
  '工业园区土地征收补偿安置方案',
  '县第一中学新建教学楼招标文件',
  '2025 年度部门预算',
  '农村饮水安全巩固提升工程实施方案',
  '保障性租赁住房分配结果',
];
const CHANNELS = ['online', 'in_person', 'registered_mail', 'email', 'fax', 'ordinary_letter'] as const;
/** Decisions a member of staff chooses (the other two are reached through 补正 and fees). */
const STAFF_DECISIONS = DECISION_KEYS.filter(
  (d) => d !== 'other_correction_overdue' && d !== 'other_fee_unpaid',
);

function residentId(seq: number): string {
  const body = `430100${1960 + (seq % 40)}${String((seq % 12) + 1).padStart(2, '0')}${String((seq % 28) + 1).padStart(2, '0')}${String(100 + (seq % 900)).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (w[i] ?? 0), 0);
  return body + ('10X98765432'[sum % 11] ?? '0');
}

function applicant(i: number): Record<string, string> {
  const common = {
    address: `示范县${['人民路', '建设路', '解放路', '新华街'][i % 4]} ${i + 1} 号`,
    postcode: '410000',
    phone: `1380013${String(8000 + i).padStart(4, '0')}`,
    email: `applicant${i}@example.com`,
    infoName: TOPICS[i % TOPICS.length] ?? '',
    deliveryMethod: ['email', 'post', 'self_pickup', 'online'][i % 4] ?? 'email',
    carrier: i % 3 === 0 ? 'paper' : 'electronic',
  };
  if (i % 4 !== 3) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
    return { ...common, applicantKind: 'citizen', name, idType: 'resident_id', idNumber: residentId(i) };
  }
  const [name, creditCode, orgCategory] = ORGS[i % ORGS.length] ?? ORGS[0]!;
  return {
    ...common,
    applicantKind: 'organisation',
    name,
    creditCode,
    orgCategory,
    legalRepresentative: '李法人',
    contactName: '周联系',
  };
}

type Scenario =
  | { kind: 'pending' }
  | { kind: 'old'; special: number; decision: Decision; appeal: 'review' | 'suit' | null }
  | { kind: 'open'; step: number };

interface CaseSpec {
  i: number;
  /** Index into the handling units (0 = 县发展和改革局). */
  unit: number;
  received: string;
  ageWd: number;
  channel: (typeof CHANNELS)[number];
  scenario: Scenario;
}

const TOTAL = 200;
const START = '2025-01-06';

/** Which handling unit receives application i: 县发改局 two in five, the others in turn. */
function unitOf(i: number, units: number): number {
  if (units <= 1 || i % 5 < 2) return 0;
  return 1 + ((i - 2 * Math.floor(i / 5) - 2) % (units - 1));
}

/** The deterministic plan: receipt dates evenly spread over working days, and what happens to each. */
function plan(calendar: WorkingDayCalendar, today: string, units: number): CaseSpec[] {
  const span = calendar.countWorkingDays(START, today);
  const specs: CaseSpec[] = [];
  let decisionNo = 0;
  let openNo = 0;
  const appeals = { review: false, suit: false };
  for (let i = 0; i < TOTAL; i++) {
    const received = calendar.addWorkingDays(START, Math.floor((i * span) / TOTAL));
    const ageWd = calendar.countWorkingDays(received, today);
    const channel = CHANNELS[i % CHANNELS.length] ?? 'in_person';
    let scenario: Scenario;
    if (i >= TOTAL - 3) scenario = { kind: 'pending' };
    else if (ageWd > 30) {
      const special = i % 23;
      const plain = ![5, 9, 13, 17].includes(special);
      const decision = plain
        ? (STAFF_DECISIONS[decisionNo++ % STAFF_DECISIONS.length] as Decision)
        : 'granted';
      let appeal: 'review' | 'suit' | null = null;
      if (plain && decision === 'withheld_third_party' && !appeals.review) appeal = 'review';
      if (plain && decision === 'not_handled_repeated' && !appeals.suit) appeal = 'suit';
      if (appeal) appeals[appeal] = true;
      scenario = { kind: 'old', special, decision, appeal };
    } else scenario = { kind: 'open', step: openNo++ % 9 };
    const unit = scenario.kind === 'pending' ? 0 : unitOf(i, units);
    specs.push({ i, unit, received, ageWd, channel, scenario });
  }
  return specs;
}

/** Seeds the cases; returns how many. Needs the demo units and accounts (clerk, reviewer, gkadmin). */
export async function seedDemoRequests(app: Registry): Promise<number> {
  const actor = async (username: string): Promise<CallContext> => {
    const user = await app.accounts.findUserByUsername(username);
    if (!user) throw new Error(`demo account missing: ${username}`);
    return { actor: await app.auth.buildActor(user.id), meta: NO_REQUEST };
  };
  const dept = await app.units.findByName('县发展和改革局');
  if (!dept) throw new Error('demo unit missing: 县发展和改革局');
  // Administrative agencies answer applications (条例 第二条); 村（居）委会 and the water company do not.
  const agencies = (await app.units.activeUnits()).filter(
    (u) => ['government', 'department', 'township'].includes(u.kind) && u.id !== dept.id,
  );
  const ctx: SeedContext = {
    app,
    units: [dept.id, ...agencies.map((u) => u.id)],
    clerk: await actor('clerk'),
    reviewer: await actor('reviewer'),
    admin: await actor('gkadmin'),
    calendar: await app.calendar.calendar(),
    today: todayInShanghai(app.clock.now()),
  };
  const specs = plan(ctx.calendar, ctx.today, ctx.units.length);
  // One after another: the work is CPU-bound (measured: parallel workers were no faster on PostgreSQL).
  const seeder = new CaseSeeder(ctx);
  for (const spec of specs) await seeder.seed(spec);
  return specs.length + seeder.splitCases;
}

interface SeedContext {
  app: Registry;
  /** The handling units; the first is 县发展和改革局 (demo clerk and reviewer). */
  units: number[];
  clerk: CallContext;
  reviewer: CallContext;
  admin: CallContext;
  calendar: WorkingDayCalendar;
  today: string;
}

/** Replays cases through the real services on a clock of its own. */
class CaseSeeder {
  private readonly clock: FixedClock;
  private readonly service: InfoRequestService;
  private readonly t: InfoRequestTransitions;
  private readonly x: RequestExtras;
  private readonly system: CallContext = { actor: systemActor('演示数据初始化'), meta: NO_REQUEST };

  constructor(private readonly c: SeedContext) {
    const app = c.app;
    this.clock = new FixedClock(app.clock.now());
    const core = {
      db: app.database.db,
      repo: app.requests.repo,
      unitDirectory: app.units,
      audit: new AuditLog(app.auditRepo, this.clock),
      clock: this.clock,
      calendar: app.calendar,
    };
    this.service = new InfoRequestService(core, app.config.dataEncryptionKey);
    this.t = new InfoRequestTransitions(core);
    this.x = createRequestExtras(
      { ...core, service: this.service },
      { formSecret: app.config.SESSION_SECRET, encryptionKey: app.config.dataEncryptionKey },
    );
  }

  private wd(date: string, n: number): string {
    return this.c.calendar.addWorkingDays(date, n);
  }

  /** Sets the seed clock to 10:00 on `date` (never after today). */
  private on(date: string): void {
    this.clock.set(new Date(`${date > this.c.today ? this.c.today : date}T02:00:00Z`));
  }

  private run(ctx: CallContext, id: number, e: WorkflowEvent, date: string, raw: object = {}) {
    this.on(date);
    return this.t.run(ctx, id, e, raw);
  }

  /** Cases created by 一事一申请 splits (on top of the planned applications). */
  splitCases = 0;

  /**
   * Who works on a unit's cases. 县发改局 has the demo clerk and reviewer; elsewhere the county's
   * 政务公开管理员 handles, approves and reviews, and the draft is entered by the seeding system user
   * (the reviewer must not be the drafter, and those units have no demo clerk).
   */
  private staff(unit: number): Staff {
    const { clerk, reviewer, admin } = this.c;
    if (unit === 0) return { handler: clerk, drafter: clerk, reviewer, approver: admin };
    return { handler: admin, drafter: this.system, reviewer: admin, approver: admin };
  }

  async seed(spec: CaseSpec): Promise<void> {
    const { i, received, channel, scenario } = spec;
    const unitId = this.c.units[spec.unit] ?? (this.c.units[0] as number);
    const staff = this.staff(spec.unit);
    const form = { ...applicant(i), idempotencyKey: `demo-request-${i}` };
    this.on(received);
    if (channel === 'online' || scenario.kind === 'pending') {
      const { id } = await this.service.submitOnline(this.system, unitId, form);
      if (scenario.kind === 'pending') return; // the newest online applications wait (待确认)
      await this.run(staff.handler, id, 'confirm', received, { receivedOn: received });
      return this.proceed(spec, staff, id);
    }
    const input = { ...form, channel, receivedOn: received };
    const { id } = await this.service.intake(staff.handler, unitId, input);
    await this.proceed(spec, staff, id);
  }

  private async proceed(spec: CaseSpec, staff: Staff, id: number): Promise<void> {
    // 一事一申请: a few multi-item applications are split on the day after receipt
    const split = spec.i % 37 === 1 && spec.ageWd > 2 ? await this.split(spec, staff, id) : [];
    if (spec.scenario.kind === 'old') {
      await this.concludeOld(spec, spec.scenario, staff, id);
      for (const child of split) {
        await this.answerWith(
          staff,
          child,
          'unavailable_not_held',
          this.wd(spec.received, 10),
          this.wd(spec.received, 14),
        );
      }
    }
    if (spec.scenario.kind === 'open') await this.leaveOpen(spec, spec.scenario.step, staff, id);
  }

  private async split(spec: CaseSpec, staff: Staff, id: number): Promise<number[]> {
    this.on(this.wd(spec.received, 1));
    const row = await this.c.app.requests.repo.findById(id);
    if (!row) return [];
    const topic = (n: number) => TOPICS[(spec.i + n) % TOPICS.length] ?? '';
    const children = await this.x.split.split(staff.handler, id, {
      version: splitVersion(row.updated_at, 0),
      item1Name: topic(0),
      item2Name: topic(1),
      ...(spec.i % 2 === 1 ? { item3Name: topic(2) } : {}),
    });
    this.splitCases += children.length;
    return children.map((c) => c.id);
  }

  private async answerWith(staff: Staff, id: number, decision: Decision, draftOn: string, answerOn: string) {
    await this.run(staff.drafter, id, 'draft_reply', draftOn, { decision, replySummary: '详见附件。' });
    await this.run(staff.drafter, id, 'submit_review', draftOn);
    await this.run(staff.reviewer, id, 'pass_review', answerOn);
    const row = await this.c.app.requests.repo.findById(id);
    this.on(answerOn);
    if (row) await this.x.letters.issue(staff.handler, id, { kind: this.x.letters.suggestedKinds(row)[0] });
    await this.run(staff.handler, id, 'answer', answerOn, { deliveryMethod: 'email', answeredOn: answerOn });
  }

  private async concludeOld(
    spec: CaseSpec,
    s: Extract<Scenario, { kind: 'old' }>,
    staff: Staff,
    id: number,
  ): Promise<void> {
    const { handler, approver } = staff;
    const r = spec.received;
    const wd = (n: number) => this.wd(r, n);
    if (s.special === 5) {
      await this.run(handler, id, 'request_correction', wd(2), { periodWorkingDays: '10' });
      await this.run(this.system, id, 'correction_overdue', wd(13));
      return;
    }
    if (s.special === 9) {
      this.on(wd(3));
      await this.x.fees.issueNotice(handler, id, { method: 'per_page', pages: '180' });
      await this.run(this.system, id, 'fee_unpaid', wd(24));
      const fee = (await this.x.records.fees(id))[0];
      if (fee) {
        await this.c.app.database.db
          .transaction()
          .execute((trx) => this.x.records.setFeeStatus(trx, fee.id, 'unpaid', { status: 'lapsed' }));
      }
      return;
    }
    const units = this.c.units;
    const target = units[(spec.unit + 3) % units.length];
    if (s.special === 13 && target !== undefined && target !== units[spec.unit]) {
      await this.run(handler, id, 'transfer', wd(1), { targetUnitId: String(target) });
      return;
    }
    if (s.special === 17) {
      await this.run(handler, id, 'mark_not_this_agency', wd(2), {
        responsibleAgency: '示范市自然资源和规划局',
      });
      this.on(wd(3));
      await this.x.letters.issue(handler, id, { kind: 'not_this_agency_notice' });
      await this.run(handler, id, 'answer', wd(3), { deliveryMethod: 'post', answeredOn: wd(3) });
      await this.run(handler, id, 'close', wd(4));
      return;
    }
    const i = spec.i;
    let lead = 0;
    if (i % 7 === 0) {
      await this.run(handler, id, 'request_correction', wd(2), { periodWorkingDays: '10' });
      await this.run(handler, id, 'receive_correction', wd(6), { receivedOn: wd(6) });
      lead = 6;
    }
    if (i % 11 === 0) {
      const sentOn = wd(lead + 3);
      await this.run(handler, id, 'start_consultation', sentOn, {
        partyKind: 'third_party',
        partyName: '相关企业',
        sentOn,
      });
      await this.run(handler, id, 'end_consultation', wd(lead + 9), { repliedOn: wd(lead + 9) });
    }
    if (i % 13 === 0) {
      await this.run(approver, id, 'extend', wd(lead + 10), {
        extensionWorkingDays: '15',
        reason: '需要检索的档案数量较大',
      });
    }
    if (i % 5 === 0) {
      this.on(wd(lead + 4));
      await this.x.fees.issueNotice(handler, id, { method: 'per_page', pages: '120' });
      this.on(wd(lead + 8));
      await this.x.fees.markPaid(handler, id, {});
    }
    await this.answerWith(staff, id, s.decision, wd(lead + 12), wd(lead + 16));
    if (i % 3 !== 0) await this.run(handler, id, 'close', wd(lead + 17));
    if (s.appeal === 'review') {
      this.on(wd(lead + 40));
      await this.x.appeals.record(handler, id, {
        kind: 'review',
        filedOn: wd(lead + 30),
        body: '示范县人民政府',
        result: 'upheld',
        concludedOn: wd(lead + 40),
      });
    }
    if (s.appeal === 'suit') {
      this.on(wd(lead + 30));
      await this.x.appeals.record(handler, id, {
        kind: 'litigation_direct',
        filedOn: wd(lead + 30),
        body: '示范县人民法院',
        result: 'pending',
      });
    }
  }

  private async leaveOpen(spec: CaseSpec, step: number, staff: Staff, id: number): Promise<void> {
    const { handler, drafter, approver } = staff;
    const age = spec.ageWd;
    const wd = (n: number) => this.wd(spec.received, n);
    if (step === 1 && age >= 1) {
      await this.run(handler, id, 'request_correction', wd(1), { periodWorkingDays: '45' });
    } else if (step === 2 && age >= 3) {
      await this.run(handler, id, 'start_consultation', wd(2), {
        partyKind: 'agency',
        partyName: '县自然资源局',
        sentOn: wd(2),
      });
    } else if (step === 3 && age >= 2) {
      await this.run(approver, id, 'extend', wd(1), {
        extensionWorkingDays: '10',
        reason: '涉及多个内设机构',
      });
    } else if (step === 4 && age >= 2) {
      await this.run(drafter, id, 'draft_reply', wd(2), { decision: 'granted' });
    } else if (step === 5 && age >= 3) {
      await this.run(drafter, id, 'draft_reply', wd(2), {
        decision: 'unavailable_not_held',
        replyType: 'art36_4',
      });
      await this.run(drafter, id, 'submit_review', wd(3));
    } else if (step === 6 && age >= 5) {
      await this.answerWith(staff, id, 'granted', wd(3), wd(5));
    } else if (step === 7 && age >= 2) {
      await this.run(handler, id, 'mark_not_this_agency', wd(2), { responsibleAgency: '示范市生态环境局' });
    }
    // the others stay 已受理; those received 18–30 working days ago are 临期 or 超期
  }
}

/** The demo accounts acting on one unit's cases. */
interface Staff {
  handler: CallContext;
  drafter: CallContext;
  reviewer: CallContext;
  approver: CallContext;
}
