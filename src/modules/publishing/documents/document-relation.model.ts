/**
 * Typed links between documents (document_relations, migration 0014): the document `from` interprets,
 * amends, repeals or answers to the document `to`. Not the hyperlinks in a body (those are checked by
 * checks/internal-links.ts); not the 有效性 mark either — a 废止 relation names the repealing document,
 * the target's 有效性 is still changed with 变更有效性 (DocumentService#changeValidity).
 */

/** Relation types (keys persisted). */
export const RELATION_TYPES = ['interpretation_of', 'amends', 'repeals', 'feedback_on'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Labels: the relation, and the headings on the pages of each end. */
export const RELATION_TYPE_LABELS: Readonly<
  Record<RelationType, { label: string; outgoing: string; incoming: string }>
> = {
  interpretation_of: { label: '解读', outgoing: '解读的文件', incoming: '本文件的解读' },
  amends: { label: '修改', outgoing: '本文件修改的文件', incoming: '修改本文件的文件' },
  repeals: { label: '废止', outgoing: '本文件废止的文件', incoming: '废止本文件的文件' },
  feedback_on: { label: '反馈', outgoing: '反馈所针对的文件', incoming: '对本文件的意见反馈' },
};

/** Types whose target must have been published: only what was in force can be amended or repealed. */
export const RELATIONS_TO_PUBLISHED: readonly RelationType[] = ['amends', 'repeals'];
/** Types that cannot run both ways between two documents (A repeals B and B repeals A). */
export const ONE_WAY_RELATIONS: readonly RelationType[] = ['amends', 'repeals'];

/** One relation as a page shows it: the document at the other end. */
export interface RelationView {
  id: number;
  type: RelationType;
  documentId: number;
  title: string;
  state: string;
  docNumber: string | null;
  publishedOn: string | null;
}

/** Both directions of a document's relations. */
export interface DocumentRelations {
  /** Relations this document starts (it interprets / amends / repeals / answers to …). */
  outgoing: RelationView[];
  /** Relations other documents start towards this one (its interpretations …). */
  incoming: RelationView[];
}
