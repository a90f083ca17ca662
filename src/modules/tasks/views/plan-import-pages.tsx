/** Importing a 工作要点: the source form, then the draft to review (units matched, names to map). */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import type { Deadline } from '../plan-parser/index.ts';
import type { PlanDraft, UnmatchedName } from '../work-plan.service.ts';
import { deadlineText, TasksStyles } from './task-ui.tsx';

type Option = { value: string; label: string };

export interface ImportFormProps {
  ctx: ViewContext;
  form: FormState;
  units: Option[];
  plans: Option[];
}

const crumbs = (last: string) => (
  <Breadcrumbs items={[{ href: '/admin/tasks', label: '工作台账' }, { label: last }]} />
);

export function ImportFormPage({ ctx, form, units, plans }: ImportFormProps) {
  return (
    <AdminLayout ctx={ctx} title="导入工作要点">
      {crumbs('导入工作要点')}
      <h1>导入工作要点</h1>
      <p>
        粘贴工作要点或任务分工表的文字，或上传 .docx、.xlsx、.txt
        文件。下一步可以核对识别出的任务和责任单位，确认后才会保存。
      </p>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/admin/tasks/plans/new" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField form={form} name="unitId" label="制定单位" required options={units} />
        <TextField form={form} name="year" label="年度" required width="short" inputmode="numeric" />
        <TextField
          form={form}
          name="title"
          label="计划标题"
          required
          hint="例如：示范县2026年政务公开工作要点任务分工"
        />
        <TextField
          form={form}
          name="source"
          label="来源"
          hint="文号、网址或文件名；上传文件时可不填，默认为文件名"
        />
        <SelectField
          form={form}
          name="implementsPlanId"
          label="贯彻落实的上级工作要点"
          placeholder="（无）"
          options={plans}
        />
        <TextArea form={form} name="text" label="工作要点文本" rows={12} hint="与上传文件二选一" />
        <div class={form.problems.some((p) => p.field === 'file') ? 'field field-error' : 'field'}>
          <label for="f-file">上传文件</label>
          <p class="hint" id="h-file">
            支持 .docx、.xlsx、.txt，不超过 10 MB
          </p>
          {form.problems
            .filter((p) => p.field === 'file')
            .map((p) => (
              <p class="error-message" id="e-file" key={p.message}>
                <span class="visually-hidden">错误：</span>
                {p.message}
              </p>
            ))}
          <input
            type="file"
            id="f-file"
            name="file"
            accept=".docx,.xlsx,.txt"
            aria-describedby={form.problems.some((p) => p.field === 'file') ? 'h-file e-file' : 'h-file'}
          />
        </div>
        <Button>识别任务</Button>
      </form>
    </AdminLayout>
  );
}

function deadlineWords(d: Deadline): string {
  if (d === null) return '未规定';
  return deadlineText({
    due_date: 'date' in d ? d.date : null,
    recurrence: 'recurrence' in d ? d.recurrence : null,
    deadline_text: 'text' in d ? d.text : null,
  });
}

export interface DraftPageProps {
  ctx: ViewContext;
  draftName: string;
  head: Record<string, unknown>;
  draft: PlanDraft;
  /** Names unmatched before any one-off mapping, and the mapping chosen so far. */
  toMap: UnmatchedName[];
  mapping: Record<string, number>;
  unitNames: Map<number, string>;
  units: Option[];
  problems: FieldProblemList;
}
type FieldProblemList = { field: string; message: string }[];

function MappingSection({ toMap, mapping, units }: Pick<DraftPageProps, 'toMap' | 'mapping' | 'units'>) {
  if (toMap.length === 0) return <Notice kind="info">所有单位名称都已对应到单位。</Notice>;
  return (
    <>
      <h2>未识别的单位名称</h2>
      <p>请为每个名称选择对应的单位。确认导入时会记住这些对应关系，以后导入时自动识别。</p>
      {toMap.map((u, i) => (
        <div key={u.name}>
          <input type="hidden" name={`mapName.${i}`} value={u.name} />
          <SelectField
            form={{ values: { [`map.${i}`]: String(mapping[u.name] ?? '') }, problems: [] }}
            name={`map.${i}`}
            label={`“${u.name}”对应的单位`}
            hint={`${u.reason}；见任务 ${u.taskNumbers.join('、')}`}
            placeholder="（暂不对应）"
            options={units}
          />
        </div>
      ))}
    </>
  );
}

export function DraftReviewPage(p: DraftPageProps) {
  const { ctx, draft } = p;
  const names = (ids: number[]) => ids.map((id) => p.unitNames.get(id) ?? `#${id}`).join('、') || '—';
  return (
    <AdminLayout ctx={ctx} title="核对导入的任务">
      <TasksStyles />
      {crumbs('核对导入的任务')}
      <h1>核对导入的任务</h1>
      <ErrorSummary problems={p.problems} />
      <p>
        “{draft.title}”（{draft.year} 年）共识别出 {draft.tasks.length}{' '}
        项任务。尚未保存，确认后才会写入工作台账。
      </p>
      {draft.warnings.length ? (
        <Notice kind="warning">
          <ul>
            {draft.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <form method="post" action="/admin/tasks/plans/review" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="draft" value={p.draftName} />
        {['unitId', 'year', 'title', 'source', 'implementsPlanId'].map((k) => (
          <input key={k} type="hidden" name={k} value={String(p.head[k] ?? '')} />
        ))}
        <MappingSection toMap={p.toMap} mapping={p.mapping} units={p.units} />
        <h2>任务清单</h2>
        <section class="table-scroll" aria-label="识别出的任务" tabindex={0}>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">任务</th>
                <th scope="col">牵头单位</th>
                <th scope="col">责任单位</th>
                <th scope="col">完成时限</th>
                <th scope="col">需核对</th>
              </tr>
            </thead>
            <tbody>
              {draft.tasks.map((t, i) => (
                <tr key={`${t.number}-${i}`}>
                  <td>{t.number}</td>
                  <td>{t.title}</td>
                  <td>{names(t.leadUnitIds)}</td>
                  <td id={`f-tasks.${i}.unitIds`}>{names(t.unitIds)}</td>
                  <td>{deadlineWords(t.deadline)}</td>
                  <td>
                    {[
                      ...t.uncertain,
                      ...[...t.leadMatch.unmatched, ...t.unitMatch.unmatched].map((m) => `未识别：${m.name}`),
                    ].join('；') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <div class="actions">
          <Button kind="secondary" name="step" value="preview">
            按所选单位重新识别
          </Button>
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
