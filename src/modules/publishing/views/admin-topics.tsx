/** 主题分类 editing: the list with reorder numbers, add, rename, deactivate/reactivate. */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';

type Topic = { id: number; name: string; sort_order: number; active: number };

export function TopicsPage({
  ctx,
  topics,
  form,
  done,
}: {
  ctx: ViewContext;
  topics: Topic[];
  form: FormState;
  done?: string;
}) {
  return (
    <AdminLayout ctx={ctx} title="主题分类">
      <Breadcrumbs items={[{ href: '/admin', label: '工作台' }, { label: '主题分类' }]} />
      <h1>主题分类</h1>
      {done ? <Notice>主题分类已保存。</Notice> : null}
      <div class="table-wrap">
        <table>
          <caption>主题分类（共 {topics.length} 个，按排序号排列）</caption>
          <thead>
            <tr>
              <th scope="col">排序号</th>
              <th scope="col">名称</th>
              <th scope="col">状态</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((t) => (
              <tr key={t.id}>
                <td>{t.sort_order}</td>
                <td>{t.name}</td>
                <td>{t.active ? '启用' : <span class="tag tag-inactive">已停用</span>}</td>
                <td>
                  <a href={`/admin/topics/${t.id}`}>
                    修改<span class="visually-hidden">“{t.name}”</span>
                  </a>{' '}
                  <ActionForm
                    action={`/admin/topics/${t.id}/${t.active ? 'deactivate' : 'reactivate'}`}
                    csrf={ctx.csrfToken}
                    label={`${t.active ? '停用' : '启用'}“${t.name}”`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>新增主题分类</h2>
      <ErrorSummary problems={form.problems} />
      <form method="post" action="/admin/topics" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="name" label="名称" required width="short" />
        <TextField
          form={form}
          name="sortOrder"
          label="排序号"
          width="short"
          inputmode="numeric"
          hint="留空则排在最后"
        />
        <Button>新增</Button>
      </form>
    </AdminLayout>
  );
}

export function EditTopicPage({ ctx, topic, form }: { ctx: ViewContext; topic: Topic; form: FormState }) {
  return (
    <AdminLayout ctx={ctx} title={`修改主题分类 ${topic.name}`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '工作台' },
          { href: '/admin/topics', label: '主题分类' },
          { label: topic.name },
        ]}
      />
      <h1>修改主题分类“{topic.name}”</h1>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`/admin/topics/${topic.id}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField form={form} name="name" label="名称" required width="short" />
        <TextField
          form={form}
          name="sortOrder"
          label="排序号"
          width="short"
          inputmode="numeric"
          hint="数字小的排在前面"
        />
        <Button>保存</Button>
      </form>
    </AdminLayout>
  );
}
