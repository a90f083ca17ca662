/** The task page's per-unit parts (承担情况, 不适用 form) and the occurrences of a recurring duty. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { ActionForm, Button, CsrfField, SelectField, TextArea } from '../../../http/views/components.tsx';
import { OCCURRENCE_STATE_LABELS, type OccurrenceState } from '../task-occurrence.ts';
import type { PartStatus } from '../task-status.ts';
import { PartTag } from './task-ui.tsx';

export interface PartView {
  unitId: number;
  name: string;
  role: string;
  status: PartStatus;
  doneOn: string | null;
  notApplicable: { reason: string; by: string; on: string } | null;
}

export interface OccurrenceView {
  label: string;
  start: string;
  end: string;
  states: { unitId: number; state: OccurrenceState }[];
}

/** 责任单位承担情况: each unit's own part; the 政务公开办 marks a part 不适用 (with a reason) or undoes it. */
export function PartsSection(p: {
  ctx: ViewContext;
  taskId: number;
  parts: PartView[];
  canReview: boolean;
  partForm: FormState;
}) {
  const open = p.parts.filter((u) => u.doneOn === null && u.notApplicable === null);
  return (
    <section aria-labelledby="parts">
      <h2 id="parts">责任单位承担情况</h2>
      <p class="hint">
        每个责任单位就本单位承担的部分报送进展；采纳某单位的办结报告只完成该单位的部分，全部承担单位（不适用的除外）完成后任务才算完成。
      </p>
      <table class="data-table">
        <caption class="visually-hidden">各责任单位承担部分的状态</caption>
        <thead>
          <tr>
            <th scope="col">单位</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">完成日期</th>
            <th scope="col">说明</th>
            {p.canReview ? <th scope="col">操作</th> : null}
          </tr>
        </thead>
        <tbody>
          {p.parts.map((u) => (
            <tr key={u.unitId}>
              <th scope="row">{u.name}</th>
              <td>{u.role === 'lead' ? '牵头' : '责任'}</td>
              <td>
                <PartTag part={u.status} />
              </td>
              <td>{u.doneOn ?? '—'}</td>
              <td>
                {u.notApplicable
                  ? `不适用：${u.notApplicable.reason}（${u.notApplicable.by} 于 ${u.notApplicable.on} 标记）`
                  : ''}
              </td>
              {p.canReview ? (
                <td>
                  {u.notApplicable ? (
                    <ActionForm
                      action={`/admin/tasks/${p.taskId}/parts/${u.unitId}/applicable`}
                      csrf={p.ctx.csrfToken}
                      label={`撤销${u.name}的不适用`}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {p.canReview && open.length > 0 ? (
        <form method="post" action={`/admin/tasks/${p.taskId}/parts/not-applicable`} novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          <SelectField
            form={p.partForm}
            name="unitId"
            label="标为不适用的责任单位"
            placeholder="请选择责任单位"
            options={open.map((u) => ({ value: String(u.unitId), label: u.name }))}
          />
          <TextArea
            form={p.partForm}
            name="reason"
            label="不适用的理由"
            required
            rows={3}
            hint="例如：本单位无此项职能。理由记入审计日志。"
          />
          <Button kind="secondary">标为不适用</Button>
        </form>
      ) : null}
    </section>
  );
}

/** 周期任务: each period of the plan year, due at its end, met / missed / upcoming per unit. */
export function OccurrencesSection(p: {
  occurrences: OccurrenceView[];
  units: { unitId: number; name: string }[];
}) {
  if (p.occurrences.length === 0) return null;
  return (
    <section aria-labelledby="occurrences">
      <h2 id="occurrences">各期完成情况</h2>
      <p class="hint">
        周期性任务每期须有一份在该期内报送并被采纳的进展报告；期末之后仍未报送的，计为该单位逾期。
      </p>
      <section class="table-scroll" aria-label="各期完成情况表" tabindex={0}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">期次</th>
              <th scope="col">截止日期</th>
              {p.units.map((u) => (
                <th scope="col" key={u.unitId}>
                  {u.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.occurrences.map((o) => (
              <tr key={o.start}>
                <th scope="row">{o.label}</th>
                <td>{o.end}</td>
                {o.states.map((s) => (
                  <td key={s.unitId}>
                    <span class={`status status-occurrence-${s.state}`}>
                      {OCCURRENCE_STATE_LABELS[s.state]}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}
