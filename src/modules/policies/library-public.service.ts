/**
 * The public 规范性文件库 (issue 11 §5): the filters of the library pages, feed and API, and the
 * point-in-time view (在某日有效). Reads only published entries (library-public.repository.ts).
 */
import type { Kysely } from 'kysely';
import type { DB, Unit } from '../../db/schema.ts';
import { isValidPlainDate, todayInShanghai } from '../../lib/calendar/index.ts';
import type { Clock } from '../../lib/clock.ts';
import type { FieldProblem } from '../../lib/errors.ts';
import { docNumberSearchKeyOf, normaliseDocNumber } from '../publishing/documents/doc-number.ts';
import {
  type LibraryEventRow,
  LibraryPublicRepository,
  type LibraryRow,
  type LibrarySqlFilters,
} from './library-public.repository.ts';
import {
  type Certainty,
  POLICY_KINDS,
  type PolicyKind,
  STATES_IN_FORCE,
  VALIDITY_STATES,
  type ValidityEvent,
  type ValidityState,
} from './policy.model.ts';
import { deriveValidity, type ValidityDates } from './validity.ts';

/** The filter values as typed (kept on the page even when one is refused). */
export interface LibraryQueryValues {
  kind: string;
  state: string;
  issuer: string;
  year: string;
  topic: string;
  docNumber: string;
  unit: string;
  asOf: string;
}
export const LIBRARY_QUERY_FIELDS = [
  'kind',
  'state',
  'issuer',
  'year',
  'topic',
  'docNumber',
  'unit',
  'asOf',
] as const satisfies readonly (keyof LibraryQueryValues)[];

/** The checked filters: a refused value is absent here and named in `problems`. */
export interface LibraryQuery {
  values: LibraryQueryValues;
  problems: FieldProblem[];
  kind?: PolicyKind;
  state?: ValidityState;
  issuer?: string;
  year?: number;
  topicId?: number;
  docNumber?: string;
  unitId?: number;
  asOf?: string;
}

/** Longest text filter accepted (a longer one is cut, never refused). */
const MAX_TEXT = 100;

const textOf = (raw: Record<string, unknown>, k: string) => {
  const v = raw[k];
  return typeof v === 'string' ? v.trim().slice(0, MAX_TEXT) : '';
};

/** Parses the query string of a library page or API call; bad values become problems, named in Chinese. */
export function parseLibraryQuery(raw: unknown): LibraryQuery {
  const r = (raw ?? {}) as Record<string, unknown>;
  const values = Object.fromEntries(
    LIBRARY_QUERY_FIELDS.map((k) => [k, textOf(r, k)]),
  ) as unknown as LibraryQueryValues;
  const q: LibraryQuery = { values, problems: [] };
  const bad = (field: string, message: string) => q.problems.push({ field, message });
  const posInt = (s: string) => (/^\d{1,9}$/.test(s) && Number(s) > 0 ? Number(s) : undefined);
  if (values.kind) {
    if ((POLICY_KINDS as readonly string[]).includes(values.kind)) q.kind = values.kind as PolicyKind;
    else bad('kind', '文件库：请选择规章库、行政规范性文件库或其他政策文件');
  }
  if (values.state) {
    if ((VALIDITY_STATES as readonly string[]).includes(values.state))
      q.state = values.state as ValidityState;
    else bad('state', '有效性：请从列表中选择');
  }
  if (values.issuer) q.issuer = values.issuer;
  if (values.year) {
    const y = /^\d{4}$/.test(values.year) ? Number(values.year) : 0;
    if (y >= 1949 && y <= 2100) q.year = y;
    else bad('year', '年份：应为四位年份，例如 2026');
  }
  if (values.topic) {
    q.topicId = posInt(values.topic);
    if (q.topicId === undefined) bad('topic', '主题：请从列表中选择');
  }
  if (values.docNumber) q.docNumber = values.docNumber;
  if (values.unit) {
    q.unitId = posInt(values.unit);
    if (q.unitId === undefined) bad('unit', '单位：请从列表中选择');
  }
  if (values.asOf) {
    if (isValidPlainDate(values.asOf)) q.asOf = values.asOf;
    else bad('asOf', '在某日有效：应为有效日期，例如 2026-03-02');
  }
  return q;
}

export interface LibraryListing {
  items: LibraryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Entries per state (on `asOf` when given, else today's stored state). */
  counts: Partial<Record<ValidityState, number>>;
}

/** Which 'presumed' flag an entry's dates carry (the ledger's rule: presumed without a 施行日期). */
const datesOf = (e: LibraryRow): ValidityDates => ({
  publishedOn: e.published_on,
  effectiveOn: e.effective_on,
  expiresOn: e.expires_on,
  expirySource: e.expiry_source as ValidityDates['expirySource'],
  presumed: e.certainty === 'presumed' && e.effective_on === null,
});

const recordsOf = (rows: readonly LibraryEventRow[] = []) =>
  rows.map((r) => ({
    id: r.id,
    type: r.event_type as ValidityEvent,
    occursOn: r.occurs_on,
    certainty: r.certainty as Certainty,
  }));

export class LibraryPublicService {
  readonly repo: LibraryPublicRepository;

  constructor(private readonly d: { db: Kysely<DB>; clock: Clock }) {
    this.repo = new LibraryPublicRepository(d.db);
  }

  today(): string {
    return todayInShanghai(this.d.clock.now());
  }

  /**
   * The SQL filters of a query under `base` (the page's unit, or null for the whole site). A `unit`
   * outside `base`'s subtree is refused (added to the problems).
   */
  sqlFilters(q: LibraryQuery, base: Unit | null, units: readonly Unit[]): LibrarySqlFilters {
    let unitPath = base?.path ?? '/';
    if (q.unitId !== undefined) {
      const u = units.find((x) => x.id === q.unitId && x.path.startsWith(unitPath));
      if (u) unitPath = u.path;
      else q.problems.push({ field: 'unit', message: '单位：不在本文件库的范围内，请从列表中选择' });
    }
    const key = q.docNumber ? docNumberSearchKeyOf(q.docNumber) : null;
    return {
      unitPath,
      kinds: q.kind ? [q.kind] : POLICY_KINDS,
      state: q.state,
      issuer: q.issuer,
      year: q.year,
      topicId: q.topicId,
      docNumber: q.docNumber ? { contains: normaliseDocNumber(q.docNumber), key } : undefined,
    };
  }

  /** One page of the library with the state counts. */
  async list(q: LibraryQuery, f: LibrarySqlFilters, page: number, pageSize: number): Promise<LibraryListing> {
    if (q.asOf) return this.listOn(q.asOf, f, page, pageSize);
    const [{ items, total }, counts] = await Promise.all([
      this.repo.list(f, { page, pageSize }),
      this.repo.countsByState(f),
    ]);
    return { items, total, page, pageSize, counts };
  }

  /**
   * 在某日有效: the entries whose state derived ON `asOf` is in STATES_IN_FORCE (and is the state filter,
   * when one is given). Every candidate under the other filters is loaded with its events and derived in
   * code (validity.ts), then paged: fine for the thousands of entries of a county or a city; a province-wide
   * library of hundreds of thousands would need the states on a day materialised.
   */
  private async listOn(asOf: string, f: LibrarySqlFilters, page: number, pageSize: number) {
    const candidates = await this.repo.all({ ...f, state: undefined });
    const events = await this.repo.eventsOf(candidates.map((c) => c.document_id));
    const counts: Partial<Record<ValidityState, number>> = {};
    const inForce = candidates.filter((c) => {
      const s = deriveValidity(datesOf(c), recordsOf(events.get(c.document_id)), asOf).state;
      if (!STATES_IN_FORCE.includes(s)) return false;
      counts[s] = (counts[s] ?? 0) + 1;
      return !f.state || s === f.state;
    });
    const items = inForce.slice((page - 1) * pageSize, page * pageSize);
    return { items, total: inForce.length, page, pageSize, counts };
  }

  /** A published entry and its standing history, or undefined. */
  async entry(documentId: number): Promise<{ entry: LibraryRow; history: LibraryEventRow[] } | undefined> {
    const entry = await this.repo.find(documentId);
    if (!entry) return undefined;
    return { entry, history: await this.repo.history(documentId) };
  }
}
