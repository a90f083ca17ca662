/** Materialised-path trees (units, columns): ids joined as '/1/4/', so a subtree is `path LIKE '/1/4/%'`. */
import { sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** Re-roots a subtree: every path under `oldPath` gets the `newPath` prefix and its depth shifts. */
export async function moveSubtree(
  trx: Transaction<DB>,
  table: 'units' | 'site_columns',
  oldPath: string,
  newPath: string,
  depthDelta: number,
): Promise<void> {
  await trx
    .updateTable(table)
    .set({
      path: sql<string>`${newPath} || substr(path, ${oldPath.length + 1})`,
      depth: sql<number>`depth + ${depthDelta}`,
    })
    .where('path', 'like', `${oldPath}%`)
    .execute();
}
