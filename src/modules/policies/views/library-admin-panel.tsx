/** The library's panel on the back-office document page: the state today and a link to the entry. */
import type { PolicyEntry } from '../policy-entry.repository.ts';
import type { DerivedValidity } from '../validity.ts';
import { certaintyLabel, stateLabel } from './library-admin-list.tsx';

export function LibraryAdminPanel({ entry, current }: { entry: PolicyEntry; current: DerivedValidity }) {
  return (
    <section class="panel" aria-labelledby="policies-admin-entry">
      <h2 id="policies-admin-entry">规范性文件库</h2>
      <p>
        有效性：<strong>{stateLabel(current.state)}</strong>（{certaintyLabel(current.certainty)}
        {current.since ? `，自 ${current.since} 起` : ''}）
        {entry.expires_on ? `；有效期至 ${entry.expires_on}` : ''}
      </p>
      <p>
        <a href={`/admin/policies/${entry.document_id}`}>查看有效性记录、记录变化</a>
      </p>
    </section>
  );
}
