/**
 * SQL of 政策解读: which published 解读s interpret a policy (document_relations of type
 * interpretation_of), the policies awaiting one, the editions a policy amends, and the daily reminders
 * (policy_interpretation_reminders). Reads 主动公开's tables for the policy module's own questions; public
 * reads carry the published-only condition here.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { INTERPRETATION_KIND } from './policy.model.ts';

type Db = Kysely<DB> | Transaction<DB>;
/** The state of a public document (document.workflow.ts LISTED_STATES). */
const PUBLISHED = 'published';

export class InterpretationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Whether a 解读 document (any state) interprets `policyId` (三同步 (c)). */
  async hasInterpretation(policyId: number, q: Db = this.db): Promise<boolean> {
    const r = await q
      .selectFrom('document_relations as r')
      .innerJoin('documents as i', 'i.id', 'r.from_document_id')
      .select('r.id')
      .where('r.to_document_id', '=', policyId)
      .where('r.relation_type', '=', 'interpretation_of')
      .where('i.kind', '=', INTERPRETATION_KIND)
      .executeTakeFirst();
    return r !== undefined;
  }

  /** Publication days of the published 解读s of each policy in `policyIds`. */
  async publishedInterpretationDates(policyIds: readonly number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    if (!policyIds.length) return out;
    const rows = await this.db
      .selectFrom('document_relations as r')
      .innerJoin('documents as i', 'i.id', 'r.from_document_id')
      .select(['r.to_document_id as policyId', 'i.published_on'])
      .where('r.to_document_id', 'in', [...policyIds])
      .where('r.relation_type', '=', 'interpretation_of')
      .where('i.kind', '=', INTERPRETATION_KIND)
      .where('i.state', '=', PUBLISHED)
      .execute();
    for (const r of rows) {
      if (!r.published_on) continue;
      out.set(r.policyId, [...(out.get(r.policyId) ?? []), r.published_on]);
    }
    return out;
  }

  /** A policy document as the clock needs it (any state). */
  async policy(documentId: number) {
    return this.db
      .selectFrom('documents as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select([
        'd.id',
        'd.kind',
        'd.title',
        'd.doc_number',
        'd.state',
        'd.unit_id',
        'u.path as unit_path',
        'u.name as unit_name',
        'd.published_on',
        'd.ever_published',
        'd.kind_metadata_json',
        'd.body_html',
      ])
      .where('d.id', '=', documentId)
      .executeTakeFirst();
  }

  /** Published policies of `kinds` (optionally only under the given unit paths), oldest publication first. */
  async publishedPolicies(kinds: readonly string[], unitPaths?: readonly string[]) {
    if (!kinds.length || (unitPaths && !unitPaths.length)) return [];
    let q = this.db
      .selectFrom('documents as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select([
        'd.id',
        'd.kind',
        'd.title',
        'd.doc_number',
        'd.unit_id',
        'u.path as unit_path',
        'u.name as unit_name',
        'd.published_on',
        'd.kind_metadata_json',
      ])
      .where('d.kind', 'in', [...kinds])
      .where('d.state', '=', PUBLISHED);
    if (unitPaths) q = q.where((eb) => eb.or(unitPaths.map((p) => eb('u.path', 'like', `${p}%`))));
    return q.orderBy('d.published_on').orderBy('d.id').execute();
  }

  /** The policies a 解读 interprets (any state), with their 文号 and publication day. */
  async interpretedPolicies(interpretationId: number) {
    return this.db
      .selectFrom('document_relations as r')
      .innerJoin('documents as d', 'd.id', 'r.to_document_id')
      .select(['d.id', 'd.title', 'd.doc_number', 'd.state'])
      .where('r.from_document_id', '=', interpretationId)
      .where('r.relation_type', '=', 'interpretation_of')
      .orderBy('r.id')
      .execute();
  }

  /** The published earlier editions `policyId` amends (an `amends` relation from the policy). */
  async amendedEditions(policyId: number) {
    return this.db
      .selectFrom('document_relations as r')
      .innerJoin('documents as d', 'd.id', 'r.to_document_id')
      .select(['d.id', 'd.title', 'd.doc_number', 'd.body_html'])
      .where('r.from_document_id', '=', policyId)
      .where('r.relation_type', '=', 'amends')
      .where('d.state', 'in', [PUBLISHED, 'withdrawn'])
      .orderBy('r.id')
      .execute();
  }

  /** The latest published 解读s of the whole site (home page). */
  async latestPublished(limit: number) {
    return this.db
      .selectFrom('documents as d')
      .select(['d.id', 'd.title', 'd.published_on', 'd.doc_number'])
      .where('d.kind', '=', INTERPRETATION_KIND)
      .where('d.state', '=', PUBLISHED)
      .orderBy('d.published_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Records a reminder once per policy and run; false when it was already recorded. */
  async recordReminder(
    trx: Transaction<DB>,
    documentId: number,
    runKey: string,
    at: string,
  ): Promise<boolean> {
    const r = await trx
      .insertInto('policy_interpretation_reminders')
      .values({ document_id: documentId, run_key: runKey, created_at: at })
      .onConflict((oc) => oc.columns(['document_id', 'run_key']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async reminders(documentId: number) {
    return this.db
      .selectFrom('policy_interpretation_reminders')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('run_key')
      .execute();
  }
}
