/**
 * The sections of the quarterly bulletin (一季度一通报), shared by the office's page (with links to the
 * tasks) and the body of the public 通报 document filed in 主动公开 (without back-office links, as HTML
 * for the publishing draft, which sanitises it again on save).
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type BulletinDocument, type BulletinInterpretation, bulletinTaskNote } from '../task-bulletin.ts';
import type { BulletinTask } from '../task-supervision.ts';

function Cases({ items, empty }: { items: { unitName: string; reason: string }[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((c) => (
        <li key={c.unitName}>
          {c.unitName}：{c.reason}
        </li>
      ))}
    </ul>
  );
}

type HeadingLevel = 2 | 3;

function Heading({ level, children }: { level: HeadingLevel; children: ComponentChildren }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>;
}

function TaskItems({ tasks, taskHref }: { tasks: BulletinTask[]; taskHref?: (taskId: number) => string }) {
  return (
    <ul>
      {tasks.map((t) => (
        <li key={`${t.taskId}:${t.occurrence ?? ''}`}>
          {taskHref ? (
            <a href={taskHref(t.taskId)}>
              {t.number} {t.title}
            </a>
          ) : (
            `${t.number} ${t.title}`
          )}
          {bulletinTaskNote(t)}
        </li>
      ))}
    </ul>
  );
}

/** 附：政策解读情况 — per unit, 解读率 and 及时率 of the quarter (when the policies module is present). */
function InterpretationSection({ data, level }: { data: BulletinInterpretation; level: HeadingLevel }) {
  return (
    <>
      <Heading level={level}>附：政策解读情况</Heading>
      {data.lines.length === 0 ? (
        <p>本季度各单位没有须同步解读的规章、行政规范性文件。</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">须解读文件</th>
              <th scope="col">解读率（算式）</th>
              <th scope="col">及时率（算式）</th>
              <th scope="col">解读率{data.target ? `（目标${data.target}）` : ''}</th>
            </tr>
          </thead>
          <tbody>
            {data.lines.map((l) => (
              <tr key={l.unitId}>
                <th scope="row">{l.unitName}</th>
                <td>{l.policies}</td>
                <td>{l.rateText}</td>
                <td>{l.timelinessText}</td>
                <td>{l.rateMet === null ? '—' : l.rateMet ? '达标' : '未达标'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.rules.map((r) => (
        <p key={r} class="hint">
          {r}
        </p>
      ))}
    </>
  );
}

/** Sections 一 to 五 (and the not-yet-due list while the quarter runs); task links only when `taskHref`. */
export function BulletinSections({
  doc,
  level,
  taskHref,
}: {
  doc: BulletinDocument;
  level: HeadingLevel;
  taskHref?: (taskId: number) => string;
}) {
  const b = doc.bulletin;
  return (
    <>
      <Heading level={level}>一、各单位完成情况</Heading>
      {b.units.length === 0 ? (
        <p>该年度没有任务。</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">应完成</th>
              <th scope="col">已完成</th>
              <th scope="col">完成率（算式）</th>
              <th scope="col">逾期</th>
              <th scope="col">逾期后完成</th>
              <th scope="col">本季度采纳报告</th>
            </tr>
          </thead>
          <tbody>
            {b.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">{u.unitName}</th>
                <td>{u.assigned}</td>
                <td>{u.done}</td>
                <td>{u.rateText}</td>
                <td>{u.overdue}</td>
                <td>{u.lateDone}</td>
                <td>{u.acceptedReports}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Heading level={level}>二、逾期未完成任务</Heading>
      {b.overdueTasks.length === 0 ? (
        <p>本季度无逾期未完成任务。</p>
      ) : (
        <TaskItems tasks={b.overdueTasks} taskHref={taskHref} />
      )}
      {b.notYetDue.length ? (
        <>
          <Heading level={level}>本季度内尚未到期的任务</Heading>
          <p class="hint">截至 {b.asOf} 尚未到期，不计为逾期。</p>
          <TaskItems tasks={b.notYetDue} taskHref={taskHref} />
        </>
      ) : null}
      <Heading level={level}>三、久未报送进展</Heading>
      <Cases items={doc.stale} empty="本季度各单位均按时报送进展。" />
      <Heading level={level}>四、表扬</Heading>
      <Cases items={b.goodCases} empty="本季度无。" />
      <Heading level={level}>五、通报批评与督促整改</Heading>
      <Cases items={b.poorCases} empty="本季度无。" />
      {doc.interpretation ? <InterpretationSection data={doc.interpretation} level={level} /> : null}
    </>
  );
}

/** The bulletin's body HTML for the public 通报 document. */
export function bulletinBodyHtml(doc: BulletinDocument): string {
  const b = doc.bulletin;
  return renderToString(
    <>
      <p>
        根据“一季度一通报”工作机制，现将{b.year}年第{b.quarter}季度（{b.start} 至 {b.end}
        ）政务公开工作要点落实情况通报如下。
      </p>
      <p>计算方法：{b.formula}</p>
      <BulletinSections doc={doc} level={2} />
      <p>{doc.ownerName}</p>
    </>,
  );
}
