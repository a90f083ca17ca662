/**
 * Progress reports (进展报告): a responsible unit's 信息员/审核员 submits text, a date and evidence links;
 * the 政务公开办 (政务公开管理员 of the plan's unit) accepts or returns them. A report belongs to (task,
 * unit): accepting one marked 完成 completes that unit's part, and the task's status is recomputed from
 * its parts. Each use-case lists every reason it cannot run,
 * then changes data and writes its audit event in one transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { can } from '../../kernel/permissions.ts';
import type { CallContext } from '../../lib/actor.ts';
import type { AuditLog } from '../../lib/audit/audit-log.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, type FieldProblem } from '../../lib/errors.ts';
import { checkUpload, type FileKind, type UploadRule } from '../../lib/file-types.ts';
import { intField, parseInput, requiredText } from '../../lib/validation.ts';
import { type Transition, WorkflowEngine } from '../../lib/workflow/engine.ts';
import type { UnitService } from '../orgs/unit.service.ts';
import type { TaskRepository } from './task.repository.ts';
import { recomputeTaskStatus } from './task-part.service.ts';
import type { TaskReportRepository } from './task-report.repository.ts';
import {
  REPORT_TRANSITIONS,
  REPORT_WORKFLOW,
  type ReportEvent,
  refuseReview,
} from './task-report.workflow.ts';
import { TASK_STATUS_LABELS, type TaskStatus } from './task-status.ts';

export interface TaskReportServiceDeps {
  db: Kysely<DB>;
  tasks: TaskRepository;
  reports: TaskReportRepository;
  audit: AuditLog;
  clock: Clock;
  units: UnitService;
  /** Where attached evidence files are stored (by content hash). */
  files?: { put(content: Buffer): Promise<string>; read(sha256: string): Promise<Buffer> };
  /** Automatic evidence: reasons a task cannot be accepted as done (stale or empty columns). */
  evidence?: { doneBlockers(taskId: number): Promise<string[]> };
}

/** A link to a published document or column: a web address or a path on this site. */
const EVIDENCE_LINK = /^(https?:\/\/[^\s]+|\/[^\s]*)$/;

/** A checkbox or a boolean: 'on', '1', 'true' and true mean yes. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean());

/** A list of links, or a textarea with one link per line. */
const linkList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\r?\n/) : (v ?? [])),
  z.array(z.string().trim().max(1000, '佐证材料链接不能超过 1000 个字符'), {
    message: '佐证材料链接格式不正确',
  }),
);

const submitSchema = z.object({
  unitId: intField('报送单位', { min: 1, emptyMessage: '请选择报送单位' }),
  reportDate: z
    .string({ message: '请填写报送日期' })
    .refine(isValidPlainDate, '报送日期的格式应为 YYYY-MM-DD'),
  text: requiredText('进展情况', 5000),
  evidence: linkList
    .transform((links) => links.filter((l) => l !== ''))
    .superRefine((links, ctx) => {
      links.forEach((l, i) => {
        if (!EVIDENCE_LINK.test(l))
          ctx.addIssue({
            code: 'custom',
            message: `佐证材料链接第 ${i + 1} 条格式不正确，应为 http(s):// 网址或以 / 开头的站内路径`,
          });
      });
    }),
  done: checkbox,
});

const returnSchema = z.object({ comment: requiredText('退回意见', 2000) });

type Task = NonNullable<Awaited<ReturnType<TaskRepository['findTask']>>>;
type Report = NonNullable<Awaited<ReturnType<TaskReportRepository['find']>>>;

export class TaskReportService {
  private readonly engine;

  constructor(private readonly d: TaskReportServiceDeps) {
    this.engine = new WorkflowEngine(REPORT_WORKFLOW, {
      db: d.db,
      audit: d.audit,
      refuse: refuseReview,
      conflict: () => AppError.conflict('该进展报告刚被他人审核，请刷新后查看'),
    });
  }

  /**
   * A responsible unit reports progress on a task (optionally marking it 完成), with evidence links and
   * attached files (checked by content and size before anything is stored).
   */
  async submitReport(
    ctx: CallContext,
    taskId: number,
    raw: unknown,
    files: { fileName: string; content: Buffer }[] = [],
  ): Promise<number> {
    const task = await this.getTask(taskId);
    const input = parseInput(submitSchema, raw);
    const unit = await this.d.units.get(input.unitId);
    if (!can(ctx.actor, 'task.report', unit.path))
      throw AppError.forbidden('您没有代表该单位报送任务进展的权限');
    const problems: FieldProblem[] = [];
    const part = (await this.d.tasks.taskUnits([task.id])).find((u) => u.unit_id === unit.id);
    if (!part) problems.push({ field: 'unitId', message: `“${unit.name}”不是此任务的责任单位` });
    else if (part.done_on !== null)
      problems.push({ field: 'unitId', message: `“${unit.name}”承担的部分已完成，不能再报送进展` });
    else if (part.not_applicable_at !== null)
      problems.push({ field: 'unitId', message: `“${unit.name}”已标为不适用，无需报送进展` });
    if (input.reportDate > this.today())
      problems.push({ field: 'reportDate', message: '报送日期不能晚于今天' });
    if (await this.d.reports.hasPending(task.id, unit.id))
      problems.push({ field: '_', message: '本单位已有待审核的进展报告，请等待审核后再报送' });
    const checked = checkFiles(files, problems);
    if (problems.length) throw AppError.validation(problems);
    const now = this.d.clock.now().toISOString();
    const stored = await this.storeFiles(checked);
    return this.d.db.transaction().execute(async (trx) => {
      const id = await this.d.reports.insert(trx, {
        ...{ task_id: task.id, unit_id: unit.id, report_date: input.reportDate, text: input.text },
        ...{
          evidence_json: JSON.stringify(input.evidence),
          marks_done: input.done ? 1 : 0,
          state: 'submitted',
        },
        ...{ submitted_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null, submitted_at: now },
        ...{ reviewed_by: null, reviewed_at: null, reviewed_on: null, review_comment: null },
      });
      for (const f of stored)
        await this.d.reports.insertAttachment(trx, { report_id: id, ...f, created_at: now });
      await this.d.audit.record(trx, ctx, {
        action: 'task.report_submit',
        targetType: 'task_report',
        targetId: id,
        summary: `${unit.name}报送任务“${task.number} ${task.title}”的进展${input.done ? '（申请办结）' : ''}`,
        after: { taskId: task.id, unitId: unit.id, reportDate: input.reportDate, done: input.done },
      });
      return id;
    });
  }

  /**
   * The 政务公开办 accepts a report. A report marked 完成 completes the reporting unit's part only; the
   * task's status is recomputed from its parts (已完成 once every required part is done).
   */
  async acceptReport(ctx: CallContext, reportId: number): Promise<TaskStatus> {
    return this.review(ctx, reportId, 'accept', {}, async ({ report, task }) => {
      if (report.marks_done === 1 && this.d.evidence) {
        const blockers = await this.d.evidence.doneBlockers(task.id);
        if (blockers.length) throw AppError.validation(blockers.map((message) => ({ field: '_', message })));
      }
      const moved = { status: task.status as TaskStatus };
      return {
        change: (trx) => this.moveReport(trx, ctx, report, 'accept', null),
        record: async (trx) => {
          if (report.marks_done === 1)
            await this.d.tasks.updatePart(trx, task.id, report.unit_id, {
              done_on: report.report_date,
              done_report_id: report.id,
            });
          moved.status = await recomputeTaskStatus(trx, this.d.tasks, task, this.d.clock.now());
        },
        audit: () => ({
          action: 'task.accept_report',
          targetType: 'task_report',
          targetId: report.id,
          summary: `采纳任务“${task.number} ${task.title}”的进展报告，任务状态：${TASK_STATUS_LABELS[moved.status]}`,
          before: { reportState: report.state, taskStatus: task.status },
          after: {
            reportState: 'accepted',
            taskStatus: moved.status,
            ...(report.marks_done === 1
              ? { partDone: { unitId: report.unit_id, on: report.report_date } }
              : {}),
          },
        }),
        result: () => moved.status,
      };
    });
  }

  /** The 政务公开办 returns a report with a required comment; the unit may then submit a new one. */
  async returnReport(ctx: CallContext, reportId: number, raw: unknown): Promise<void> {
    await this.review(ctx, reportId, 'return', raw, async ({ report, task }, { comment }) => ({
      change: (trx) => this.moveReport(trx, ctx, report, 'return', comment),
      audit: () => ({
        action: 'task.return_report',
        targetType: 'task_report',
        targetId: report.id,
        summary: `退回任务“${task.number} ${task.title}”的进展报告：${comment}`,
        before: { reportState: report.state },
        after: { reportState: 'returned', comment },
      }),
      result: () => undefined,
    }));
  }

  /** The reports of a task, oldest first, with their evidence links parsed and attached files. */
  async listReports(taskId: number) {
    const rows = await this.d.reports.listForTask(taskId);
    const files = await this.d.reports.attachmentsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      ...r,
      evidence: JSON.parse(r.evidence_json) as string[],
      attachments: files
        .filter((f) => f.report_id === r.id)
        .map(({ id, file_name, kind, size }) => ({ id, file_name, kind, size })),
    }));
  }

  /** An attached file, for those who may see the task (office or a responsible unit). */
  async readAttachment(
    ctx: CallContext,
    attachmentId: number,
  ): Promise<{ fileName: string; kind: FileKind; body: Buffer }> {
    const file = await this.d.reports.findAttachment(attachmentId);
    const report = file ? await this.d.reports.find(file.report_id) : undefined;
    if (!file || !report || !this.d.files) throw AppError.notFound('附件');
    const task = await this.getTask(report.task_id);
    const unit = await this.d.units.get(report.unit_id);
    if (!can(ctx.actor, 'task.manage', task.plan_unit_path) && !can(ctx.actor, 'task.report', unit.path))
      throw AppError.forbidden();
    return {
      fileName: file.file_name,
      kind: file.kind as FileKind,
      body: await this.d.files.read(file.sha256),
    };
  }

  private async storeFiles(files: { fileName: string; content: Buffer; kind: FileKind }[]) {
    if (files.length && !this.d.files) throw new AppError('internal', '附件存储未配置');
    const out: { file_name: string; kind: string; size: number; sha256: string }[] = [];
    for (const f of files)
      out.push({
        file_name: f.fileName,
        kind: f.kind,
        size: f.content.length,
        sha256: await this.d.files!.put(f.content),
      });
    return out;
  }

  /**
   * Runs a review through the workflow engine: the permission first (403 alone), then every reason
   * (state, self-review, the 退回意见) at once, then one transaction that moves the report only if it
   * is still 待审核 (else 409 "刚被他人审核") and writes the audit event.
   */
  private review<Out>(
    ctx: CallContext,
    reportId: number,
    event: ReportEvent,
    raw: unknown,
    commit: (
      p: { report: Report; task: Task },
      input: { comment: string },
    ) => Promise<Transition<Transaction<DB>, undefined, Out>>,
  ): Promise<Out> {
    return this.engine.run(ctx, {
      ...(event === 'return' ? { input: { schema: returnSchema, raw: raw ?? {} } } : {}),
      event,
      prepare: async () => {
        const report = await this.d.reports.find(reportId);
        if (!report) throw AppError.notFound('进展报告');
        return { report, task: await this.getTask(report.task_id) };
      },
      subject: ({ report, task }) => ({
        state: report.state,
        planUnitPath: task.plan_unit_path,
        submittedBy: report.submitted_by,
      }),
      env: () => ctx.actor,
      // Blocking evidence is looked at only once the review itself may happen.
      commit: ({ prepared, value }) => commit(prepared, value as { comment: string }),
    });
  }

  /** Moves the report out of 待审核; false when another reviewer got there first. */
  private moveReport(
    trx: Transaction<DB>,
    ctx: CallContext,
    report: Report,
    event: ReportEvent,
    comment: string | null,
  ): Promise<boolean> {
    const now = this.d.clock.now();
    return this.d.reports.review(trx, report.id, report.state, {
      state: REPORT_TRANSITIONS[event].to,
      reviewed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      reviewed_at: now.toISOString(),
      reviewed_on: todayInShanghai(now),
      review_comment: comment,
    });
  }

  private async getTask(id: number): Promise<Task> {
    const task = await this.d.tasks.findTask(id);
    if (!task) throw AppError.notFound('任务');
    return task;
  }

  private today(): string {
    return todayInShanghai(this.d.clock.now());
  }
}

/** Evidence files a report may carry, and their size limit. */
const REPORT_ATTACHMENT_RULE: UploadRule = {
  allowed: ['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'jpg', 'png', 'zip'],
  maxBytes: 20 * 1024 * 1024,
};

function checkFiles(files: { fileName: string; content: Buffer }[], problems: FieldProblem[]) {
  const ok: { fileName: string; content: Buffer; kind: FileKind }[] = [];
  for (const f of files) {
    try {
      ok.push({
        ...f,
        kind: checkUpload('attachments', '附件', f.fileName, f.content, REPORT_ATTACHMENT_RULE),
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push(...e.problems);
    }
  }
  return ok;
}
