/**
 * One task of an import draft: number, title, content, deadline (the parser's words or a date, with
 * what it reads as), its plan, 各单位, and its units — ticked in lists grouped by kind, or typed as names
 * and matched by the unit matcher (识别名称 shows what matched without saving).
 */
import { RadioGroup } from '../../../http/kit/radio-group.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  HintAndError,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { Deadline } from '../plan-parser/index.ts';
import type { NameMatch } from '../unit-matcher.ts';
import { deadlineWords, importCrumbs } from './plan-import-review-page.tsx';
import { TasksStyles } from './task-ui.tsx';

type Group = { label: string; options: { value: string; label: string }[] };

const HOW: Record<NameMatch['how'], string> = {
  alias: '已记住的写法',
  set: '单位集合',
  name: '全称',
  short_name: '简称',
  abbreviation: '常用缩写',
  prefix_stripped: '去掉地名后的名称',
};

export interface DraftTaskPageProps {
  ctx: ViewContext;
  draftName: string;
  rev: number;
  taskKey: number;
  number: string;
  written: { lead: string[]; units: string[] };
  /** What the deadline currently reads as. */
  deadline: Deadline;
  sections: string[];
  groups: Group[];
  everyoneCount: number;
  matched: NameMatch[];
  unitNames: Map<number, string>;
  form: FormState;
}

function UnitChecklist({
  name,
  legend,
  groups,
  form,
}: {
  name: string;
  legend: string;
  groups: Group[];
  form: FormState;
}) {
  const raw = form.values[name];
  const checked = new Set((Array.isArray(raw) ? raw : raw ? [raw] : []).map(String));
  const error = form.problems.find((p) => p.field === name)?.message;
  let first = true;
  return (
    <fieldset
      class={error ? 'field field-error checkboxes' : 'field checkboxes'}
      aria-describedby={error ? `e-${name}` : undefined}
    >
      <legend>{legend}</legend>
      <HintAndError name={name} error={error} />
      {groups.map((g) => (
        <fieldset key={g.label} class="checkboxes">
          <legend>{g.label}</legend>
          {g.options.map((o) => {
            const id = first ? `f-${name}` : `f-${name}-${o.value}`;
            first = false;
            return (
              <div class="checkbox" key={o.value}>
                <input type="checkbox" id={id} name={name} value={o.value} checked={checked.has(o.value)} />
                <label for={id}>{o.label}</label>
              </div>
            );
          })}
        </fieldset>
      ))}
    </fieldset>
  );
}

export function DraftTaskPage(p: DraftTaskPageProps) {
  const { form } = p;
  const back = `/admin/tasks/plans/review?draft=${encodeURIComponent(p.draftName)}#t-${p.taskKey}`;
  const written = [
    p.written.lead.length ? `牵头：${p.written.lead.join('、')}` : '',
    p.written.units.length ? `责任：${p.written.units.join('、')}` : '',
  ].filter(Boolean);
  const title = `修改任务 ${p.number}`;
  return (
    <AdminLayout ctx={p.ctx} title={form.problems.length ? `错误：${title}` : title}>
      <TasksStyles />
      {importCrumbs(title)}
      <ErrorSummary problems={form.problems} />
      <h1>{title}</h1>
      <p>修改只保存在导入草稿中，回到核对页确认导入后才写入工作台账。</p>
      {p.matched.length ? (
        <Notice kind="info">
          <p>识别结果（已勾选，保存后生效）：</p>
          <ul>
            {p.matched.map((m) => (
              <li key={m.name}>
                “{m.name}”→ {m.unitIds.map((id) => p.unitNames.get(id) ?? `#${id}`).join('、')}（按
                {HOW[m.how]}）
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form method="post" action="/admin/tasks/plans/review/task" novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        <input type="hidden" name="draft" value={p.draftName} />
        <input type="hidden" name="task" value={String(p.taskKey)} />
        <input type="hidden" name="rev" value={String(p.rev)} />
        <TextField form={form} name="number" label="序号" required width="short" />
        <TextField form={form} name="title" label="任务名称" required />
        <TextArea form={form} name="content" label="具体内容" rows={6} />
        <TextField
          form={form}
          name="deadline"
          label="完成时限"
          hint={`按工作要点的写法填写，如“2026年6月30日前”“9月底前”“每季度”“15个工作日内”，或日期 2026-06-30；不填为未规定。当前识别为：${deadlineWords(p.deadline)}`}
        />
        {p.sections.length > 1 ? (
          <SelectField
            form={form}
            name="section"
            label="所属工作要点"
            options={p.sections.map((s, i) => ({ value: String(i), label: s }))}
          />
        ) : null}
        <div class="field checkbox">
          <input
            type="checkbox"
            id="f-allUnits"
            name="allUnits"
            value="on"
            checked={form.values.allUnits === 'on'}
          />
          <label for="f-allUnits">
            各单位：确认导入时指定为本单位以下全部部门和乡镇（街道）作为责任单位，共 {p.everyoneCount} 个
          </label>
        </div>
        {written.length ? <p>原文写法：{written.join('；')}</p> : <p>原文没有写责任单位。</p>}
        <UnitChecklist name="lead" legend="牵头单位" groups={p.groups} form={form} />
        <UnitChecklist name="co" legend="责任单位" groups={p.groups} form={form} />
        <TextField
          form={form}
          name="names"
          label="按名称添加单位"
          hint="可输入多个名称，用顿号分隔，如“县编办、县财政局”；点“识别名称”查看对应的单位"
        />
        <RadioGroup
          form={form}
          name="namesRole"
          legend="按名称添加的单位作为"
          inline
          options={[
            { value: 'co', label: '责任单位' },
            { value: 'lead', label: '牵头单位' },
          ]}
        />
        <div class="actions">
          <Button name="step" value="save">
            保存
          </Button>{' '}
          <Button kind="secondary" name="step" value="match">
            识别名称
          </Button>{' '}
          <a href={back}>返回核对页（不保存）</a>
        </div>
      </form>
    </AdminLayout>
  );
}
