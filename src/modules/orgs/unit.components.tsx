/** orgs' view components that other modules may render (the public unit page shows the 领导信息). */
import type { ComponentChildren } from 'preact';

type Leader = { id: number; name: string; title: string; duties: string | null };

/** 领导信息 table, shared by the back office (with an action column) and the public unit page. */
export function LeaderTable({
  leaders,
  action,
}: {
  leaders: Leader[];
  action?: (l: Leader) => ComponentChildren;
}) {
  return (
    <table>
      <caption class="visually-hidden">领导信息</caption>
      <thead>
        <tr>
          <th scope="col">姓名</th>
          <th scope="col">职务</th>
          <th scope="col">分工</th>
          {action ? <th scope="col">操作</th> : null}
        </tr>
      </thead>
      <tbody>
        {leaders.map((l) => (
          <tr key={l.id}>
            <td>{l.name}</td>
            <td>{l.title}</td>
            <td>{l.duties}</td>
            {action ? <td>{action(l)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
