/**
 * The back-office review of a letter's publication (/admin/letters/:id/publication, 'letter.review'): the
 * masked title, letter and reply proposed by letter-mask.ts (or the saved public version), what the masking
 * found, every reason it cannot be published, the publish form and, once published, the unpublish form.
 */
import type { ViewContext } from '../../../http/view-context.ts';
import { emptyForm, type FormState } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import { describeMasked } from '../letter-mask.ts';
import type { PublicationDraft } from '../letter-publication.service.ts';

export interface PublicationPageProps {
  ctx: ViewContext;
  reference: string;
  draft: PublicationDraft;
  form?: FormState;
  unpublishForm?: FormState;
  done?: 'published' | 'unpublished' | null;
}

export function PublicationPage(p: PublicationPageProps) {
  const d = p.draft;
  const form =
    p.form ??
    emptyForm({ title: d.title, body: d.body, reply: d.reply, revision: String(d.revision) } as Record<
      string,
      unknown
    >);
  const masked = describeMasked(d.found);
  const base = `/admin/letters/${d.letterId}`;
  return (
    <AdminLayout ctx={p.ctx} title={`公开来信 ${p.reference}`}>
      <Breadcrumbs
        items={[
          { href: '/admin', label: '管理首页' },
          { href: base, label: `来信 ${p.reference}` },
          { label: '审核公开' },
        ]}
      />
      <h1>审核公开：来信 {p.reference}</h1>
      {p.done === 'published' ? <Notice>已公开。公众可在“来信选登”中查看。</Notice> : null}
      {p.done === 'unpublished' ? <Notice>已撤下。</Notice> : null}
      <ErrorSummary problems={[...(p.form?.problems ?? []), ...(p.unpublishForm?.problems ?? [])]} />
      <p>
        状态：{d.published ? <strong>已公开</strong> : '未公开'}。 系统已自动遮盖识别出的个人信息
        {masked ? `（${masked}）` : '（未识别出个人信息）'}。
        自动遮盖只是辅助，请逐字核对标题、来信和答复，必要时修改后再公开；是否公开由审核人决定。
      </p>
      {d.blockers.length ? (
        <Notice kind="warning">
          <p>暂不能公开：</p>
          <ul>
            {d.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Notice>
      ) : (
        <form method="post" action={`${base}/publish`} novalidate>
          <CsrfField token={p.ctx.csrfToken} />
          <input type="hidden" name="revision" value={String(form.values.revision ?? d.revision)} />
          <TextField form={form} name="title" label="公开标题" required />
          <TextArea form={form} name="body" label="公开的来信内容" rows={10} required />
          <TextArea form={form} name="reply" label="公开的答复内容" rows={10} required />
          <Button>{d.published ? '更新公开内容' : '公开'}</Button>
        </form>
      )}
      {d.published ? (
        <form method="post" action={`${base}/unpublish`} novalidate>
          <h2>撤下</h2>
          <CsrfField token={p.ctx.csrfToken} />
          <input type="hidden" name="revision" value={String(d.revision)} />
          <TextArea
            form={p.unpublishForm}
            name="reason"
            label="撤下原因"
            hint="例如：来信人要求撤下、发现未遮盖的个人信息"
            rows={3}
            required
          />
          <Button kind="warning">撤下</Button>
        </form>
      ) : null}
    </AdminLayout>
  );
}
