/**
 * SQL of the annual-report figures and the 解读 rates: the library's entries of some units with their
 * events, and the published 解读s linked to some policies.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { INTERPRETATION_KIND } from './policy.model.ts';

/** Bound parameters per IN list, well under both engines' limits. */
const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

export class PolicyFiguresRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The entries of `kinds` filed by `unitIds`, with their unit's name. */
  async entries(unitIds: readonly number[], kinds: readonly string[]) {
    if (!unitIds.length || !kinds.length) return [];
    const rows = [];
    for (const ids of chunks(unitIds))
      rows.push(
        ...(await this.db
          .selectFrom('policy_entries as e')
          .innerJoin('units as u', 'u.id', 'e.unit_id')
          .select([
            'e.document_id',
            'e.unit_id',
            'u.name as unit_name',
            'e.kind',
            'e.title',
            'e.doc_number',
            'e.published_on',
            'e.effective_on',
            'e.expires_on',
            'e.expiry_source',
            'e.certainty',
            'e.no_interpretation_reason',
          ])
          .where('e.unit_id', 'in', ids)
          .where('e.kind', 'in', kinds)
          .orderBy('e.published_on')
          .orderBy('e.document_id')
          .execute()),
      );
    return rows;
  }

  /** The events (not cancelled) of the documents, in date then recording order. */
  async events(documentIds: readonly number[]) {
    const rows = [];
    for (const ids of chunks(documentIds))
      rows.push(
        ...(await this.db
          .selectFrom('policy_validity_events')
          .select(['id', 'document_id', 'event_type', 'occurs_on', 'certainty'])
          .where('document_id', 'in', ids)
          .where('cancelled_at', 'is', null)
          .orderBy('occurs_on')
          .orderBy('id')
          .execute()),
      );
    return rows;
  }

  /** The 解读s now published that are linked (interpretation_of) to the policies. */
  async publishedInterpretations(policyIds: readonly number[]) {
    const rows = [];
    for (const ids of chunks(policyIds))
      rows.push(
        ...(await this.db
          .selectFrom('document_relations as r')
          .innerJoin('documents as d', 'd.id', 'r.from_document_id')
          .select(['d.id', 'r.to_document_id', 'd.title', 'd.published_on', 'd.kind_metadata_json'])
          .where('r.relation_type', '=', 'interpretation_of')
          .where('r.to_document_id', 'in', ids)
          .where('d.kind', '=', INTERPRETATION_KIND)
          .where('d.state', '=', 'published')
          .orderBy('d.published_on')
          .orderBy('d.id')
          .execute()),
      );
    return rows;
  }
}
