/**
 * The quarterly bulletin as the body of a public document (一季度一通报 filed in 主动公开): the same
 * sections as the office's page, without back-office links, as HTML for the publishing draft (which
 * sanitises it again on save).
 */
import { renderToString } from 'preact-render-to-string';
import { type BulletinDocument, bulletinTaskNote } from '../task-bulletin.ts';

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

function BulletinBody({ doc }: { doc: BulletinDocument }) {
  const b = doc.bulletin;
  return (
    <>
      <p>
        根据“一季度一通报”工作机制，现将{b.year}年第{b.quarter}季度（{b.start} 至 {b.end}
        ）政务公开工作要点落实情况通报如下。
      </p>
      <p>计算方法：{b.formula}</p>
      <h2>一、各单位完成情况</h2>
      {b.units.length === 0 ? (
        <p>该年度没有任务。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">应完成</th>
              <th scope="col">已完成</th>
              <th scope="col">完成率</th>
              <th scope="col">逾期</th>
              <th scope="col">逾期后完成</th>
            </tr>
          </thead>
          <tbody>
            {b.units.map((u) => (
              <tr key={u.unitId}>
                <td>{u.unitName}</td>
                <td>{u.assigned}</td>
                <td>{u.done}</td>
                <td>{u.rateText}</td>
                <td>{u.overdue}</td>
                <td>{u.lateDone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>二、逾期未完成任务</h2>
      {b.overdueTasks.length === 0 ? (
        <p>本季度无逾期未完成任务。</p>
      ) : (
        <ul>
          {b.overdueTasks.map((t) => (
            <li key={`${t.taskId}:${t.occurrence ?? ''}`}>
              {t.number} {t.title}
              {bulletinTaskNote(t)}
            </li>
          ))}
        </ul>
      )}
      <h2>三、久未报送进展</h2>
      <Cases items={doc.stale} empty="本季度各单位均按时报送进展。" />
      <h2>四、表扬</h2>
      <Cases items={b.goodCases} empty="本季度无。" />
      <h2>五、通报批评与督促整改</h2>
      <Cases items={b.poorCases} empty="本季度无。" />
      <p>{doc.ownerName}</p>
    </>
  );
}

/** The bulletin's body HTML. */
export function bulletinBodyHtml(doc: BulletinDocument): string {
  return renderToString(<BulletinBody doc={doc} />);
}
