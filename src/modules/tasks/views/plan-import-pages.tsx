/** Importing a 工作要点: the source form (the draft to review is plan-import-review-page.tsx). */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Button,
  CsrfField,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { importCrumbs as crumbs } from './plan-import-review-page.tsx';

type Option = { value: string; label: string };

export interface ImportFormProps {
  ctx: ViewContext;
  form: FormState;
  units: Option[];
  plans: Option[];
}

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
