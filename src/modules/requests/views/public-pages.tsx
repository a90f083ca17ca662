/** Public 依申请公开 pages: overview, 申请指南, submitted confirmation, status lookup. */
import type { Unit } from '../../../db/schema.ts';
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SummaryList,
  TextField,
} from '../../../http/views/components.tsx';
import { PublicLayout } from '../../../http/views/layouts.tsx';
import {
  ANSWER_WORKING_DAYS,
  CONSULTATION_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  MAX_EXTENSION_WORKING_DAYS,
} from '../info-request.clock.ts';
import type { PublicStatus, Submission } from '../info-request.service.ts';
import type { GuideSettings } from '../info-request-settings.service.ts';
import { chinaDateTime, RequestsStyles } from './request-ui.tsx';

export function RequestsHomePage({ ctx, units }: { ctx: ViewContext; units: Unit[] }) {
  return (
    <PublicLayout ctx={ctx} title="依申请公开">
      <h1>依申请公开</h1>
      <p class="lead">
        公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。申请无需注册账号，提交后凭受理编号和查询码查询办理进度。
      </p>
      <p>
        <a href="/requests/status">查询办理进度</a>
      </p>
      <h2>选择受理机关</h2>
      <ul class="card-grid">
        {units.map((u) => (
          <li key={u.id}>
            <h3>{u.name}</h3>
            <p>
              <a href={`/requests/units/${u.id}`}>申请指南</a>　
              <a href={`/requests/units/${u.id}/apply`}>在线申请</a>
            </p>
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}

export function GuidePage({ ctx, s }: { ctx: ViewContext; s: GuideSettings }) {
  return (
    <PublicLayout ctx={ctx} title={`${s.unit.name}政府信息公开申请指南`}>
      <Breadcrumbs items={[{ href: '/requests', label: '依申请公开' }, { label: '申请指南' }]} />
      <h1>{s.unit.name}政府信息公开申请指南</h1>
      <h2>受理机构</h2>
      <SummaryList
        rows={[
          ['受理机构', s.acceptingBody],
          ['地址', s.address],
          ['邮政编码', s.postcode],
          ['办公时间', s.officeHours],
          ['联系电话', s.phone],
          ['传真', s.fax],
          ['电子邮箱', s.email],
          ['网上申请', <a href={`/requests/units/${s.unit.id}/apply`}>在线填写申请</a>],
        ]}
      />
      <h2>申请方式</h2>
      <p>
        可以通过网上、当面、邮寄、传真或电子邮件提出申请。书面申请请使用
        <a href={`/requests/units/${s.unit.id}/form.docx`}>政府信息公开申请表（Word 文档）</a>
        。申请内容应包括申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径（条例第二十九条）。
      </p>
      <h2>办理流程和时限</h2>
      <ol>
        <li>
          收到申请之日按条例第三十一条确定：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以签收之日为收到申请之日；以平常信函等无需签收的邮寄方式提交的，以与申请人确认之日为收到申请之日；通过互联网渠道或者传真提交的，以双方确认之日为收到申请之日。
        </li>
        <li>
          申请内容不明确的，在收到申请之日起 {CORRECTION_NOTICE_WORKING_DAYS}{' '}
          个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算（第三十条）。
        </li>
        <li>
          能够当场答复的当场答复；不能当场答复的，自收到申请之日起 {ANSWER_WORKING_DAYS}{' '}
          个工作日内答复（第三十三条第二款）；收到申请之日不计入期限，期限自次日起算。
        </li>
        <li>
          需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过{' '}
          {MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条第二款）。
        </li>
        <li>
          征求第三方或者其他机关意见的，第三方或者有关机关在 {CONSULTATION_WORKING_DAYS}{' '}
          个工作日内提出意见，所需时间不计算在答复期限内（第三十二条、第三十四条）。
        </li>
      </ol>
      <h2>收费</h2>
      <p>
        行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费（第四十二条），按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）执行：按件计收的，同一申请人一个自然月内累计申请
        10 件以下（含）不收费，11—30 件的部分每件 100 元，31 件以上的部分每增加 10 件加收 100
        元；按量计收的，30 页以下（含）不收费，31—100 页每页 10 元，101—200 页每页 20 元，201 页以上每页 40
        元。同一申请只按一种方式计收。申请人应在收到收费通知次日起 {s.feePaymentWorkingDays}{' '}
        个工作日内缴费，逾期未缴纳的视为放弃申请。
      </p>
      <h2>救济途径</h2>
      <p>
        申请人认为行政机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（第五十一条）。
      </p>
    </PublicLayout>
  );
}

export function SubmittedPage({ ctx, unit, s }: { ctx: ViewContext; unit: Unit; s: Submission }) {
  return (
    <PublicLayout ctx={ctx} title="申请已提交">
      <h1>申请已提交</h1>
      <Notice>您的政府信息公开申请已提交至{unit.name}，工作人员确认收到后开始计算答复期限。</Notice>
      <p>请记下以下两项，查询办理进度时需要同时填写：</p>
      <SummaryList
        rows={[
          ['受理编号', <span class="code-box mono">{s.reference}</span>],
          ['查询码', <span class="code-box mono">{s.lookupCode}</span>],
        ]}
      />
      <p>查询码只显示这一次，请妥善保存，不要告诉他人。</p>
      <p>
        <a href="/requests/status">查询办理进度</a>
      </p>
    </PublicLayout>
  );
}

export function StatusPage({
  ctx,
  form,
  status,
}: {
  ctx: ViewContext;
  form: FormState;
  status?: PublicStatus;
}) {
  return (
    <PublicLayout ctx={ctx} title={status ? `办理进度 ${status.reference}` : '查询办理进度'}>
      <RequestsStyles />
      <Breadcrumbs items={[{ href: '/requests', label: '依申请公开' }, { label: '查询办理进度' }]} />
      <h1>{status ? `办理进度：${status.reference}` : '查询办理进度'}</h1>
      {status ? (
        <StatusDetails status={status} ctx={ctx} code={String(form.values.lookupCode ?? '')} />
      ) : (
        <>
          <ErrorSummary problems={form.problems} />
          <form method="post" action="/requests/status" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <TextField form={form} name="reference" label="受理编号" width="short" required />
            <TextField
              form={form}
              name="lookupCode"
              label="查询码"
              width="short"
              required
              autocomplete="off"
              hint="提交申请后页面上显示的 10 位查询码"
            />
            <Button>查询</Button>
          </form>
        </>
      )}
    </PublicLayout>
  );
}

function StatusDetails({ status, ctx, code }: { status: PublicStatus; ctx: ViewContext; code: string }) {
  return (
    <>
      <SummaryList
        rows={[
          ['办理状态', <strong>{status.stateLabel}</strong>],
          ['收到申请日期', status.receivedOn],
          ['答复期限', status.dueDate],
          ...(status.splitFrom
            ? ([['拆分自', `本申请由申请 ${status.splitFrom} 按“一事一申请”拆分而来`]] as [string, string][])
            : []),
          ...(status.splitInto.length
            ? ([['拆分出的申请', status.splitInto.join('、')]] as [string, string][])
            : []),
        ]}
      />
      <h2>办理过程</h2>
      <ol>
        {status.timeline.map((t) => (
          <li key={t.occurredAt + t.note}>
            <time>{chinaDateTime(t.occurredAt)}</time>　{t.note}
          </li>
        ))}
      </ol>
      <h2>已送达的文书</h2>
      {status.letters.length === 0 ? <p>暂无。</p> : null}
      {status.letters.map((l) => (
        <section key={l.id} aria-labelledby={`letter-${l.id}`}>
          <h3 id={`letter-${l.id}`}>
            {l.title}（{l.number}，{l.sentOn} 送达）
          </h3>
          <div class="letter-body">{l.body}</div>
          <form method="post" action={`/requests/status/letters/${l.id}`}>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="reference" value={status.reference} />
            <input type="hidden" name="lookupCode" value={code} />
            <Button kind="secondary">下载《{l.title}》（Word 文档）</Button>
          </form>
        </section>
      ))}
      <p>
        <a href="/requests/status">查询其他申请</a>
      </p>
    </>
  );
}
