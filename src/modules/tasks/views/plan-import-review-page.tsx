/**
 * The review page of an import draft: plan titles, names to map, every task with its units and what
 * needs checking, per-row actions (修改, 删除, 并入上一项, 从此项拆分) and a bulk unit assignment. One form,
 * no JavaScript: each button says what it does with `step`; the first button (保存修改) is the one Enter
 * presses.
 */

import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  fieldValue,
  Notice,
  SelectField,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { ReviewModel } from '../plan-import-review.ts';
import type { Deadline } from '../plan-parser/index.ts';
import { deadlineText, TasksStyles } from './task-ui.tsx';

export function deadlineWords(d: Deadline): string {
  if (d === null) return '未规定';
  return deadlineText({
    due_date: 'date' in d ? d.date : null,
    recurrence: 'recurrence' in d ? d.recurrence : null,
    deadline_text: 'text' in d ? d.text : null,
  });
}

export const importCrumbs = (last: string) => (
  <Breadcrumbs items={[{ href: '/admin/tasks', label: '工作台账' }, { label: last }]} />
);

export interface DraftPageProps {
  ctx: ViewContext;
  draftName: string;
  model: ReviewModel;
  form: FormState;
}

function MappingSection({ model, form }: { model: ReviewModel; form: FormState }) {
  if (model.toMap.length === 0) return <Notice kind="info">所有单位名称都已对应到单位。</Notice>;
  const options = model.groups.flatMap((g) => g.options);
  return (
    <>
      <h2>未识别的单位名称</h2>
      <p>请为每个名称选择对应的单位。确认导入时会记住这些对应关系，以后导入时自动识别。</p>
      {model.toMap.map((u, i) => {
        const chosen = form.values[`map.${i}`] ?? String(model.mapping[u.name] ?? '');
        return (
          <div key={u.name}>
            <input type="hidden" name={`mapName.${i}`} value={u.name} />
            <SelectField
              form={{ values: { [`map.${i}`]: chosen }, problems: form.problems }}
              name={`map.${i}`}
              label={`“${u.name}”对应的单位`}
              hint={`${u.reason}；见任务 ${u.taskNumbers.join('、')}`}
              placeholder="（暂不对应）"
              options={options}
            />
          </div>
        );
      })}
    </>
  );
}

type Row = ReviewModel['sections'][number]['tasks'][number];

function unitCell(names: string[], extra?: string) {
  const all = [...names, ...(extra ? [extra] : [])];
  return all.length ? all.join('、') : '—';
}

function TaskRow({ t, i, everyone, first }: { t: Row; i: number; everyone: number; first: boolean }) {
  const hidden = <span class="visually-hidden">任务 {t.number}</span>;
  return (
    <tr id={`t-${t.key}`}>
      <td>
        <input
          type="checkbox"
          name="sel"
          value={String(t.key)}
          id={first ? 'f-sel' : `f-sel-${t.key}`}
          aria-label={`选择任务 ${t.number}`}
        />
      </td>
      <td>{t.number}</td>
      <td>{t.title}</td>
      <td>{unitCell(t.lead)}</td>
      <td id={`f-t${t.key}.units`}>{unitCell(t.co, t.allUnits ? `各单位（${everyone} 个）` : undefined)}</td>
      <td>{deadlineWords(t.deadline)}</td>
      <td>{[...(t.lacksUnits ? ['没有责任单位，请指定'] : []), ...t.notes].join('；') || '—'}</td>
      <td class="row-actions">
        <Button kind="secondary" name="step" value={`edit.${t.key}`}>
          修改{hidden}
        </Button>{' '}
        <Button kind="secondary" name="step" value={`delete.${t.key}`}>
          删除{hidden}
        </Button>
        {i > 0 ? (
          <>
            {' '}
            <Button kind="secondary" name="step" value={`merge.${t.key}`}>
              并入上一项{hidden}
            </Button>{' '}
            <Button kind="secondary" name="step" value={`split.${t.key}`}>
              从此项拆分为新计划{hidden}
            </Button>
          </>
        ) : null}
      </td>
    </tr>
  );
}

function PlanSection({ s, model, form }: { s: number; model: ReviewModel; form: FormState }) {
  const section = model.sections[s]!;
  const many = model.sections.length > 1;
  const name = `planTitle.${s}`;
  const firstKey = model.sections[0]?.tasks[0]?.key;
  return (
    <>
      <h2>
        {many
          ? `第 ${s + 1} 个工作要点（${section.tasks.length} 项任务）`
          : `任务清单（${section.tasks.length} 项）`}
      </h2>
      <TextField
        form={{ values: { [name]: form.values[name] ?? section.title }, problems: form.problems }}
        name={name}
        label={many ? `第 ${s + 1} 个工作要点的标题` : '计划标题'}
        required
      />
      {s > 0 ? (
        <p>
          <Button kind="secondary" name="step" value={`join.${s}`}>
            并入上一个工作要点
          </Button>
        </p>
      ) : null}
      <section class="table-scroll" aria-label={`${section.title}的任务`} tabindex={0}>
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">选择</th>
              <th scope="col">序号</th>
              <th scope="col">任务</th>
              <th scope="col">牵头单位</th>
              <th scope="col">责任单位</th>
              <th scope="col">完成时限</th>
              <th scope="col">需核对</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {section.tasks.map((t, i) => (
              <TaskRow key={t.key} t={t} i={i} everyone={model.everyoneCount} first={t.key === firstKey} />
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function BulkAssign({ model, form }: { model: ReviewModel; form: FormState }) {
  const current = fieldValue(form, 'bulkUnit');
  const error = form.problems.find((x) => x.field === 'bulkUnit')?.message;
  const none = form.problems.find((x) => x.field === 'sel')?.message;
  return (
    <fieldset class="field">
      <legend>为选中的任务指定单位</legend>
      <p class="hint">先在表格中勾选任务，再选择单位和角色。已有的单位会保留。</p>
      {none ? (
        <p class="error-message">
          <span class="visually-hidden">错误：</span>
          {none}
        </p>
      ) : null}
      <div class={error ? 'field field-error' : 'field'}>
        <label for="f-bulkUnit">单位</label>
        {error ? (
          <p class="error-message" id="e-bulkUnit">
            <span class="visually-hidden">错误：</span>
            {error}
          </p>
        ) : null}
        <select
          class="select"
          id="f-bulkUnit"
          name="bulkUnit"
          aria-describedby={error ? 'e-bulkUnit' : undefined}
        >
          <option value="">（请选择）</option>
          <option value="all" selected={current === 'all'}>
            各单位：本单位以下全部部门和乡镇（街道），共 {model.everyoneCount} 个
          </option>
          {model.groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === current}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <RadioGroup
        form={{ values: { bulkRole: fieldValue(form, 'bulkRole') || 'co' }, problems: [] }}
        name="bulkRole"
        legend="角色"
        inline
        options={[
          { value: 'co', label: '责任单位' },
          { value: 'lead', label: '牵头单位' },
        ]}
      />
      <Button kind="secondary" name="step" value="bulk">
        为选中的任务指定单位
      </Button>
    </fieldset>
  );
}

export function DraftReviewPage(p: DraftPageProps) {
  const { ctx, model, form } = p;
  const count = model.sections.reduce((n, s) => n + s.tasks.length, 0);
  const lacking = model.sections.flatMap((s) => s.tasks).filter((t) => t.lacksUnits).length;
  return (
    <AdminLayout ctx={ctx} title={form.problems.length ? '错误：核对导入的任务' : '核对导入的任务'}>
      <TasksStyles />
      {importCrumbs('核对导入的任务')}
      <h1>核对导入的任务</h1>
      <ErrorSummary problems={form.problems} />
      <p>
        {model.head.year} 年，共识别出 {count} 项任务
        {model.sections.length > 1 ? `，分属 ${model.sections.length} 个工作要点，确认后分别建立` : ''}
        。尚未保存，确认后才会写入工作台账；修改会保留到确认或放弃为止（一天内有效）。
      </p>
      {lacking ? (
        <Notice kind="warning">
          {lacking} 项任务没有责任单位：请勾选这些任务后在下方“为选中的任务指定单位”，或点“修改”逐项设置。
        </Notice>
      ) : null}
      {model.warnings.length ? (
        <Notice kind="warning">
          <ul>
            {model.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form method="post" action="/admin/tasks/plans/review" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="draft" value={p.draftName} />
        <input type="hidden" name="rev" value={String(model.rev)} />
        <MappingSection model={model} form={form} />
        <div class="actions">
          <Button kind="secondary" name="step" value="preview">
            保存修改并重新识别
          </Button>
        </div>
        {model.sections.map((_, s) => (
          <PlanSection key={s} s={s} model={model} form={form} />
        ))}
        <BulkAssign model={model} form={form} />
        <div class="actions">
          <Button name="step" value="confirm">
            确认导入
          </Button>
        </div>
      </form>
      <p>
        <a href="/admin/tasks/plans/new">放弃并重新导入</a>
      </p>
    </AdminLayout>
  );
}
