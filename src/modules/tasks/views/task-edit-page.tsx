/** Correcting an imported task: number, title, content and deadline (the 政务公开管理员 of its plan). */
import { FormPage } from '../../../http/kit/form-page.tsx';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import { TextArea, TextField } from '../../../http/views/components.tsx';

export interface TaskEditPageProps {
  ctx: ViewContext;
  task: { id: number; planId: number; number: string; title: string; deadlineWords: string };
  form: FormState;
}

export function TaskEditPage({ ctx, task, form }: TaskEditPageProps) {
  const back = `/admin/tasks/${task.id}`;
  return (
    <FormPage
      ctx={ctx}
      title={`修改任务 ${task.number}`}
      action={`${back}/edit`}
      form={form}
      submitLabel="保存修改"
      cancel={{ href: back, label: '取消' }}
      breadcrumbs={[
        { href: `/admin/tasks?plan=${task.planId}`, label: '工作台账' },
        { href: back, label: `${task.number} ${task.title}` },
        { label: '修改任务' },
      ]}
      intro={<p>原文缺字或识别有误时在此更正。修改会记入审计日志（修改前后的内容）。</p>}
    >
      <TextField form={form} name="number" label="序号" required width="short" />
      <TextField form={form} name="title" label="任务名称" required />
      <TextArea form={form} name="content" label="具体内容" rows={8} />
      <TextField
        form={form}
        name="deadline"
        label="完成时限"
        hint={`按工作要点的写法填写，如“2026年6月30日前”“9月底前”“每季度”“15个工作日内”，或日期 2026-06-30；不填为未规定。当前：${task.deadlineWords || '未规定'}`}
      />
    </FormPage>
  );
}
