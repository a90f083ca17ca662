/**
 * Query-string input of the public lists, search and the open API, parsed leniently: a visitor's bad
 * value is dropped (the page still answers), never echoed into SQL.
 */
import { z } from 'zod';
import { GENRES } from '../documents/document.model.ts';
import type { SearchSort } from '../search/search-provider.ts';

const posInt = z.coerce.number().int().positive().max(2_147_483_647);
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Filters of lists and search as typed in the query string (ids not yet resolved). */
export const listQuerySchema = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  unit: lenient(posInt),
  column: lenient(posInt),
  topic: lenient(posInt),
  genre: lenient(z.enum(GENRES)),
  year: lenient(z.coerce.number().int().min(1949).max(2100)),
  sort: z.enum(['relevance', 'date']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Parses `req.query` (empty strings count as absent). */
export function parseListQuery(raw: unknown): ListQuery {
  const obj = Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).filter(
      ([, v]) => v !== '' && typeof v === 'string',
    ),
  );
  return listQuerySchema.parse(obj);
}

/** A query string for `base` with the given parameters (empty ones left out). */
export { hrefWith } from '../../../http/kit/pager.tsx';

/** Query parameters that reproduce a list query (for pager links). */
export function listParams(q: ListQuery): Record<string, string | number | undefined> {
  return {
    q: q.q || undefined,
    unit: q.unit,
    column: q.column,
    topic: q.topic,
    genre: q.genre,
    year: q.year,
    sort: q.q && q.sort !== 'relevance' ? q.sort : undefined,
  };
}

export type { SearchSort };
