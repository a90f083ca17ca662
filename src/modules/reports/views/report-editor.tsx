/**
 * The report's back-office pages: the editor (status, checks, the three tables with every number linked to
 * the records behind it, the six sections), the records behind one number, and the entry form of the
 * figures no module holds. The tables here are plain data tables for editing and checking; the official
 * layout with merged header cells is the preview and the published document.
 */
import type { FormState, ViewContext } from '../../../http/view-context.ts';
import {
  ActionForm,
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  Notice,
  SummaryList,
  TextArea,
  TextField,
} from '../../../http/views/components.tsx';
import { AdminLayout } from '../../../http/views/layouts.tsx';
import {
  reportTitle,
  SECTION_HEADINGS,
  SECTION_KEYS,
  type SectionKey,
  TABLE2_DOC_COLUMN_LABELS,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE2_SINGLE_ROWS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_GROUP_LABELS,
  TABLE3_ROW_KEYS,
  TABLE3_ROW_LABELS,
  TABLE4_GROUPS,
  TABLE4_RESULT_LABELS,
} from '../report.model.ts';
import type { ReportCheckResult, ReportView } from '../report.service.ts';
import { yuan } from '../report-draft-text.ts';
import type { CellRecords, CellSource } from '../report-figures.service.ts';
import { isEditable, REPORT_STATUS_LABELS } from '../report-status.ts';
import { type CellKey, cellLabel, getCell, table2DocKey, table3Key } from '../report-values.ts';

export const reportPath = (unitId: number, year: number) => `/admin/reports/units/${unitId}/${year}`;
const cellPath = (unitId: number, year: number, key: CellKey) =>
  `${reportPath(unitId, year)}/cells/${encodeURIComponent(key)}`;
const anchorOf = (key: CellKey) => `c-${key.replace(/[^\w]/g, (c) => `_${c.codePointAt(0)?.toString(16)}`)}`;

const crumbs = (items: { href?: string; label: string }[]) => (
  <Breadcrumbs
    items={[{ href: '/admin', label: '管理首页' }, { href: '/admin/reports', label: '年度报告' }, ...items]}
  />
);

function sourceText(s: CellSource | undefined): string {
  if (!s) return '';
  if (s.kind === 'records') return s.from === 'library' ? '来自规范性文件库' : '来自依申请公开记录';
  if (s.kind === 'none') return s.explain;
  const how = s.origin === 'imported' ? '导入' : s.origin === 'xlsx' ? '表格导入' : '填写';
  return `${s.enteredBy ?? '系统'}于 ${s.enteredAt.slice(0, 10)} ${how}${s.units > 1 ? `（${s.units} 个单位合计）` : ''}`;
}

/** What the tables need of a report; `cellHref` links a number elsewhere (the subtree totals). */
export type TableView = Pick<ReportView, 'unit' | 'year' | 'figures'> & {
  cellHref?: (key: CellKey) => string;
};
interface TableProps {
  v: TableView;
  failing: Set<string>;
}

/** One number: a link to what is behind it; "未填写" linking to the entry form when missing. */
function Num({ v, k, failing }: { v: TableView; k: CellKey; failing: Set<string> }) {
  const value = getCell(v.figures, k);
  const cls = failing.has(k) ? 'num cell-failing' : 'num';
  return (
    <td class={cls} id={anchorOf(k)}>
      <a href={v.cellHref ? v.cellHref(k) : cellPath(v.unit.id, v.year, k)}>
        {value === null ? '未填写' : String(value)}
        <span class="visually-hidden">（{cellLabel(k)}的来源）</span>
      </a>
    </td>
  );
}

export function Table2({ v, failing }: TableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>表二 主动公开政府信息情况</caption>
        <thead>
          <tr>
            <th scope="col">信息内容</th>
            {TABLE2_DOC_COLUMNS.map((c) => (
              <th key={c} scope="col" class="num">
                {TABLE2_DOC_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLE2_DOC_ROWS.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {TABLE2_DOC_COLUMNS.map((c) => (
                <Num key={c} v={v} k={table2DocKey(r, c)} failing={failing} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <table class="data-table">
        <caption>表二（续） 行政许可、行政处罚、行政强制、行政事业性收费</caption>
        <thead>
          <tr>
            <th scope="col">信息内容</th>
            <th scope="col" class="num">
              本年处理决定数量 / 本年收费金额（万元）
            </th>
          </tr>
        </thead>
        <tbody>
          {TABLE2_SINGLE_ROWS.map((r) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              <Num v={v} k={`table2.${r}`} failing={failing} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function rowHeading(k: (typeof TABLE3_ROW_KEYS)[number]): string {
  const group = Object.entries(TABLE3_GROUP_LABELS).find(([p]) => k.startsWith(p))?.[1];
  const label = TABLE3_ROW_LABELS[k];
  if (k.startsWith('三') && k !== '三(七)' && !group) return `三、${label}`;
  return group ? `${group} ${label}` : k === '三(七)' ? `三、${label}` : label;
}

export function Table3({ v, failing }: TableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table report-table3">
        <caption>表三 收到和处理政府信息公开申请情况（按申请人类型）</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {TABLE3_COLUMNS.map((c) => (
              <th key={c} scope="col" class="num">
                {TABLE3_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLE3_ROW_KEYS.map((r) => (
            <tr key={r}>
              <th scope="row">{rowHeading(r)}</th>
              {TABLE3_COLUMNS.map((c) => (
                <Num key={c} v={v} k={table3Key(r, c)} failing={failing} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Table4({ v, failing }: TableProps) {
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>表四 政府信息公开行政复议、行政诉讼情况</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            {TABLE4_RESULT_LABELS.map((l) => (
              <th key={l} scope="col" class="num">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TABLE4_GROUPS.map((g, b) => (
            <tr key={g}>
              <th scope="row">{b === 0 ? g : `行政诉讼·${g}`}</th>
              {TABLE4_RESULT_LABELS.map((l, i) => (
                <Num key={l} v={v} k={`table4.${b * 5 + i}`} failing={failing} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CheckList({ checks, v }: { checks: ReportCheckResult[]; v: ReportView }) {
  if (!checks.length) return <Notice>各项检查均已通过。</Notice>;
  const errors = checks.filter((c) => c.severity === 'error');
  const warnings = checks.filter((c) => c.severity === 'warning');
  const item = (c: ReportCheckResult) => {
    const first = c.cells?.[0];
    const section = c.sections?.[0] ?? c.paragraphs?.[0]?.section;
    const href = first ? `#${anchorOf(first)}` : section ? `#f-${section}` : undefined;
    return (
      <li key={c.id}>
        <strong>{c.title}</strong>：{c.message}
        {href ? (
          <>
            {' '}
            <a href={href}>查看</a>
          </>
        ) : null}
      </li>
    );
  };
  return (
    <div class="report-checks">
      {errors.length ? (
        <div class="notice notice-warning" role="status">
          <h3>须改正后才能送审（{errors.length} 项）</h3>
          <ul>{errors.map(item)}</ul>
        </div>
      ) : (
        <Notice>没有须改正的问题。</Notice>
      )}
      {warnings.length ? (
        <div class="notice notice-info">
          <h3>请核对（{warnings.length} 项）</h3>
          <ul>{warnings.map(item)}</ul>
        </div>
      ) : null}
      {v.passed.length ? (
        <details>
          <summary>已通过的检查（{v.passed.length} 项）</summary>
          <ul>
            {v.passed.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {v.previous && !v.previous.figures ? (
        <p class="hint">
          本系统没有{v.previous.year}年度的数字，无法核对与上年报告的衔接；可
          <a href={`/admin/reports/import?unit=${v.unit.id}&year=${v.previous.year}`}>
            导入{v.previous.year}年已发布的年度报告
          </a>
          。
        </p>
      ) : null}
    </div>
  );
}

const NOTICES: Record<string, string> = {
  created: '已开始编制年度报告。',
  saved: '已保存。',
  regenerated: '已按最新数字重新生成总体情况。',
  values: '数字已保存。',
  submitted: '已送审：报告已作为政府信息送保密审查和审核。',
  imported: '已导入上年报告的数字。',
};

export function ReportEditorPage(p: {
  ctx: ViewContext;
  view: ReportView;
  form?: FormState;
  done?: string | undefined;
  /** The latest deadline reminder in words (report-reminders.ts), when one was raised. */
  reminder?: string | null;
}) {
  const v = p.view;
  const title = reportTitle(v.unit.name, v.year);
  const editable = isEditable(v.status);
  const failing = new Set(v.checks.filter((c) => c.severity === 'error').flatMap((c) => c.cells ?? []));
  const form: FormState = p.form ?? {
    values: {
      ...Object.fromEntries(SECTION_KEYS.map((k) => [k, v.sections[k]])),
      revision: String(v.row?.revision ?? ''),
    },
    problems: [],
  };
  const base = reportPath(v.unit.id, v.year);
  return (
    <AdminLayout ctx={p.ctx} title={title}>
      {crumbs([{ label: title }])}
      <h1>{title}</h1>
      {p.done && NOTICES[p.done] ? <Notice>{NOTICES[p.done]}</Notice> : null}
      <ErrorSummary problems={form.problems} />
      <SummaryList
        rows={[
          ['状态', REPORT_STATUS_LABELS[v.status]],
          ['报告期', `${v.year}年1月1日至12月31日`],
          ...(v.row?.document_id
            ? ([
                [
                  '送审的信息',
                  <a href={`/admin/documents/${v.row.document_id}`}>信息编号 {v.row.document_id}</a>,
                ],
              ] as [string, preact.ComponentChildren][])
            : []),
          ...(v.row?.published_on && v.row.document_id
            ? ([
                ['发布日期', v.row.published_on],
                ['公开页面', <a href={`/documents/${v.row.document_id}`}>查看已发布的报告</a>],
              ] as [string, preact.ComponentChildren][])
            : []),
          ...(p.reminder ? ([['提醒', p.reminder]] as [string, string][]) : []),
          [
            '信息处理费',
            v.computed.fees.count
              ? `${yuan(v.computed.fees.amountFen)} 元（${v.computed.fees.count} 笔）`
              : '未收取',
          ],
        ]}
      />
      {v.computed.notes.map((n) => (
        <p key={n} class="hint">
          {n}
        </p>
      ))}
      <nav class="report-actions" aria-label="报告操作">
        <ul class="inline-list">
          <li>
            <a href={`${base}/preview`}>预览（正式版式）</a>
          </li>
          <li>
            <a href={`${base}/report.docx`}>下载 Word</a>
          </li>
          <li>
            <a href={`${base}/report.pdf`}>下载 PDF</a>
          </li>
          {editable ? (
            <li>
              <a href={`${base}/values`}>填写本系统不掌握的数字</a>
            </li>
          ) : null}
          <li>
            <a href={`/admin/reports/import?unit=${v.unit.id}&year=${v.year - 1}`}>导入上年已发布的报告</a>
          </li>
        </ul>
      </nav>

      <h2>检查</h2>
      <CheckList checks={v.checks} v={v} />

      <h2>数字</h2>
      <p class="hint">点击任一数字，查看它依据的记录或填写记录。</p>
      <Table2 v={v} failing={failing} />
      <Table3 v={v} failing={failing} />
      <Table4 v={v} failing={failing} />

      <h2>正文</h2>
      {!v.row ? (
        <>
          <p>尚未开始编制。开始后，系统按本年度的数字生成总体情况，其余部分给出填写提示。</p>
          <ActionForm action={`${base}/create`} csrf={p.ctx.csrfToken} label="开始编制" kind="primary" />
        </>
      ) : editable ? (
        <>
          <form method="post" action={`${base}/sections`} novalidate>
            <CsrfField token={p.ctx.csrfToken} />
            <input type="hidden" name="revision" value={String(form.values.revision ?? v.row.revision)} />
            {SECTION_KEYS.map((k) => (
              <TextArea
                key={k}
                form={form}
                name={k}
                label={SECTION_HEADINGS[k]}
                rows={k === 'overview' || k === 'other' || k === 'problems' ? 12 : 3}
                hint={sectionHint(k)}
              />
            ))}
            <Button>保存</Button>
          </form>
          <ActionForm
            action={`${base}/regenerate`}
            csrf={p.ctx.csrfToken}
            label="按最新数字重新生成总体情况"
          />
          <h2>送审</h2>
          <p>送审后数字即固定，报告作为“政府信息公开工作年度报告”进入保密审查和审核；退回后可再修改。</p>
          <ActionForm action={`${base}/submit`} csrf={p.ctx.csrfToken} label="提交审核" kind="primary" />
        </>
      ) : (
        SECTION_KEYS.map((k) => (
          <section key={k}>
            <h3>{SECTION_HEADINGS[k]}</h3>
            {v.sections[k]
              .split(/\n{2,}/)
              .filter(Boolean)
              .map((para, i) => (
                <p key={i}>{para}</p>
              ))}
          </section>
        ))
      )}
    </AdminLayout>
  );
}

function sectionHint(k: SectionKey): string {
  if (k === 'proactive' || k === 'requests' || k === 'appeals')
    return '表格由系统生成；此处可填写表格下方的说明（可不填）。';
  return '段落之间空一行。“【请填写…】”提示须替换为实际内容。';
}

export function CellRecordsPage(p: {
  ctx: ViewContext;
  view: Pick<ReportView, 'unit' | 'year'>;
  cell: CellRecords;
}) {
  const c = p.cell;
  const title = reportTitle(p.view.unit.name, p.view.year);
  return (
    <AdminLayout ctx={p.ctx} title={`${c.label} · ${title}`}>
      {crumbs([{ href: reportPath(p.view.unit.id, p.view.year), label: title }, { label: c.label }])}
      <h1>{c.label}</h1>
      <SummaryList
        rows={[
          ['数字', c.value === null ? '未填写' : String(c.value)],
          ['来源', sourceText(c.source)],
          ['计算方法', c.rule],
        ]}
      />
      {c.source.kind === 'records' ? (
        c.records.length ? (
          <table class="data-table">
            <caption>依据的记录（{c.records.length} 条）</caption>
            <thead>
              <tr>
                <th scope="col">记录</th>
                <th scope="col">说明</th>
              </tr>
            </thead>
            <tbody>
              {c.records.map((r) => (
                <tr key={r.href}>
                  <td>
                    <a href={r.href}>{r.title}</a>
                  </td>
                  <td>{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>没有计入这个数字的记录（数字为 0）。</p>
        )
      ) : (
        <p>
          <a href={`${reportPath(p.view.unit.id, p.view.year)}/values#f-v.${c.key}`}>填写或修改这个数字</a>
        </p>
      )}
      <p>
        <a href={`${reportPath(p.view.unit.id, p.view.year)}#${anchorOf(c.key)}`}>返回报告</a>
      </p>
    </AdminLayout>
  );
}

export function ValuesPage(p: {
  ctx: ViewContext;
  view: Pick<ReportView, 'unit' | 'year' | 'computed'>;
  cells: CellKey[];
  form?: FormState;
}) {
  const v = p.view;
  const title = reportTitle(v.unit.name, v.year);
  const form: FormState = p.form ?? {
    values: Object.fromEntries(
      p.cells.map((k) => [`v.${k}`, getCell(v.computed.figures, k)?.toString() ?? '']),
    ),
    problems: [],
  };
  return (
    <AdminLayout ctx={p.ctx} title={`填写数字 · ${title}`}>
      {crumbs([{ href: reportPath(v.unit.id, v.year), label: title }, { label: '填写数字' }])}
      <h1>填写本系统不掌握的数字</h1>
      <p>
        行政许可、行政处罚、行政强制和行政事业性收费的数字由本单位业务系统或台账提供，请据实填写；留空表示尚未填写。
      </p>
      <ErrorSummary problems={form.problems} />
      <form method="post" action={`${reportPath(v.unit.id, v.year)}/values`} novalidate>
        <CsrfField token={p.ctx.csrfToken} />
        {p.cells.map((k) => (
          <TextField
            key={k}
            form={form}
            name={`v.${k}`}
            label={cellLabel(k)}
            width="short"
            inputmode="decimal"
            hint={sourceText(v.computed.sources[k])}
          />
        ))}
        <Button>保存数字</Button>
      </form>
      <p>
        也可以<a href={`${reportPath(v.unit.id, v.year)}/values/xlsx`}>从表格导入这些数字</a>
        （先下载模板，填写后上传）。
      </p>
    </AdminLayout>
  );
}
