/**
 * Document kinds (after GOV.UK Whitehall's configurable document types): 规范性文件, 政策解读, 政民互动 …
 * plug into 主动公开 by registering a kind — its key and Chinese label, its extra metadata with the zod
 * schema that parses it, the form fields that edit it, columns of the back-office list, the 栏目 a new
 * document of the kind is filed under, and its own pre-publication checks. The built-in kind is the
 * ordinary 政府信息 ('document'): no extra metadata, fields, columns or checks, so documents of it behave
 * exactly as before kinds existed. docs/publishing-extension-points.md.
 *
 * Persisted: `documents.kind` holds the key and `documents.kind_metadata_json` the schema's output
 * (migration 0014). A kind's key, once documents use it, must not change.
 */
import type { z } from 'zod';
import { AppError, type FieldProblem } from '../../../lib/errors.ts';
import { parseInput, toProblems } from '../../../lib/validation.ts';
import type { CheckRegistry, ExtensionCheckName, PrePublicationCheck } from '../checks/check-registry.ts';
import { type DocumentInput, documentInputSchema } from './document.model.ts';
import { kindMetadataOf } from './document-kind-metadata.ts';
import type { RelationType } from './document-relation.model.ts';

/** Key of the built-in kind, 政府信息; every document created before kinds existed is of it. */
export { kindMetadataOf };

export const BUILT_IN_KIND = 'document';

/** Form field names of a kind's metadata are prefixed, so they never collide with the core fields. */
const KIND_FIELD_PREFIX = 'meta.';
/** The form field of a kind's metadata field `name`. */
export const kindFieldName = (name: string) => `${KIND_FIELD_PREFIX}${name}`;

/** One extra field of the document form. Its value reaches the schema as the typed string(s). */
export interface KindField {
  /** Key in the metadata object (and in the schema). */
  name: string;
  label: string;
  hint?: string;
  type: 'text' | 'textarea' | 'date' | 'select';
  /** For 'select'. */
  options?: readonly { value: string; label: string }[];
  required?: boolean;
}

/** A column of the back-office documents list, shown for documents of the kind. */
export interface KindListColumn<M = Record<string, unknown>> {
  header: string;
  value(metadata: M): string | null;
}

export interface DocumentKind<M extends Record<string, unknown> = Record<string, unknown>> {
  /** Persisted key: lower-case letters, digits and underscores ('normative', 'interpretation'). */
  key: string;
  /** Chinese label ('规范性文件'). */
  label: string;
  /**
   * Parses the form values of `fields` (an object of the typed strings, by field name) into the stored
   * metadata. Messages are Chinese sentences naming the field (lib/validation.ts helpers do that).
   */
  metadataSchema?: z.ZodType<M>;
  fields?: readonly KindField[];
  /** Form values of stored metadata (default: each field's value as a string). */
  toForm?: (metadata: M) => Record<string, string | string[]>;
  listColumns?: readonly KindListColumn<M>[];
  /**
   * 栏目 a new document of the kind is filed under: template keys (column-template.ts) looked up in the
   * document's unit. Preselected in the form; a draft created without any column goes there.
   */
  defaultColumns?: readonly string[];
  /**
   * Which relations (document-relation.model.ts) a document of the kind may start (`from`) or be the
   * target of (`to`); every type when a side is absent. A 政策解读 kind, say, starts only
   * interpretation_of; a 政民互动 kind is never amended or repealed.
   */
  relations?: {
    from?: readonly RelationType[];
    to?: readonly RelationType[];
    /**
     * For a type this kind starts: the kinds its target must be of (any kind when absent). A 解读 is
     * `interpretation_of` 规章 / 行政规范性文件 / 其他政策文件 only; a link to anything else is refused.
     */
    targetKinds?: Partial<Record<RelationType, readonly string[]>>;
  };
  /**
   * The document's 有效性 is derived by the kind's module (from events it records), never typed in: the
   * document form has no 有效性 fields for it and 变更有效性 is refused. The text explains where it comes from.
   */
  derivedValidity?: string;
  /** Pre-publication checks that run only on documents of this kind (registered with the kind). */
  checks?: readonly PrePublicationCheck<ExtensionCheckName>[];
}

/** The built-in kind: 政府信息, with the core fields only. */
export const GOVERNMENT_INFORMATION_KIND: DocumentKind = { key: BUILT_IN_KIND, label: '政府信息' };

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

/** The kind's metadata parsed from form values, or every problem (fields named `meta.<name>`). */
export type KindMetadataResult = { metadata: Record<string, unknown> | null } | { problems: FieldProblem[] };

export class DocumentKindRegistry {
  private readonly kinds = new Map<string, DocumentKind>();

  /** `checks`: the registry a kind's own checks are added to (limited to the kind). */
  constructor(private readonly checks?: CheckRegistry) {
    this.kinds.set(BUILT_IN_KIND, GOVERNMENT_INFORMATION_KIND);
  }

  /** Adds a kind (once; keys are unique) and registers its checks for its documents only. */
  register<M extends Record<string, unknown>>(kind: DocumentKind<M>): void {
    if (!KEY.test(kind.key)) throw new Error(`Document kind key "${kind.key}" must match ${KEY}`);
    if (this.kinds.has(kind.key)) throw new Error(`Document kind "${kind.key}" is already registered`);
    if (kind.fields?.length && !kind.metadataSchema)
      throw new Error(`Document kind "${kind.key}" declares fields but no metadataSchema`);
    for (const check of kind.checks ?? []) {
      if (!this.checks) throw new Error('This registry was built without a check registry');
      this.checks.register({ ...check, kinds: [kind.key] });
    }
    this.kinds.set(kind.key, kind as unknown as DocumentKind);
  }

  /** Every kind, the built-in one first. */
  list(): readonly DocumentKind[] {
    return [...this.kinds.values()];
  }

  get(key: string): DocumentKind | undefined {
    return this.kinds.get(key);
  }

  /** The kind of a stored document (an unknown key — its module was removed — reads as the built-in kind). */
  of(key: string | null | undefined): DocumentKind {
    return this.kinds.get(key ?? BUILT_IN_KIND) ?? GOVERNMENT_INFORMATION_KIND;
  }

  /** Parses the kind's fields out of flat form values (`meta.<name>`); null metadata for a kind without schema. */
  parseMetadata(kind: DocumentKind, raw: unknown): KindMetadataResult {
    if (!kind.metadataSchema) return { metadata: null };
    const values = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const input = Object.fromEntries(
      (kind.fields ?? []).map((f) => [f.name, values[kindFieldName(f.name)] ?? '']),
    );
    const r = kind.metadataSchema.safeParse(input);
    if (r.success) return { metadata: r.data as Record<string, unknown> };
    return { problems: toProblems(r.error).map((p) => ({ ...p, field: kindFieldName(p.field) })) };
  }

  /** Stored metadata (JSON) as an object; {} when none. */
  metadataOf(json: string | null | undefined): Record<string, unknown> {
    return kindMetadataOf(json);
  }

  /** Form values (`meta.<name>`) of a document's stored metadata. */
  formValues(kind: DocumentKind, json: string | null | undefined): Record<string, string | string[]> {
    const metadata = this.metadataOf(json);
    const values =
      kind.toForm?.(metadata) ??
      Object.fromEntries(
        (kind.fields ?? []).map((f) => [f.name, metadata[f.name] == null ? '' : String(metadata[f.name])]),
      );
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [kindFieldName(k), v]));
  }

  /** The list columns of every kind, with the kind each belongs to (built-in kind: none). */
  listColumns(): { kind: DocumentKind; column: KindListColumn }[] {
    return this.list().flatMap((kind) => (kind.listColumns ?? []).map((column) => ({ kind, column })));
  }
}

/** A parsed document input with its kind and the kind's parsed metadata (null: the kind has none). */
export type KindedDocumentInput = DocumentInput & {
  kind: string;
  kindMetadata: Record<string, unknown> | null;
};

/**
 * The core fields (documentInputSchema) and the kind's own fields parsed together, so a validation error
 * lists the problems of both. `kindKey`: the stored kind of an existing document (a draft's kind never
 * changes); for a new draft, `raw.kind` (the built-in kind when absent; an unknown one is a problem).
 */
export function parseKindedInput(
  kinds: DocumentKindRegistry,
  raw: unknown,
  kindKey?: string,
): KindedDocumentInput {
  const problems: FieldProblem[] = [];
  let input: DocumentInput | undefined;
  try {
    input = parseInput(documentInputSchema, raw);
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'validation')) throw e;
    problems.push(...e.problems);
  }
  const asked = (raw as { kind?: unknown } | null)?.kind;
  const key = kindKey ?? (typeof asked === 'string' && asked !== '' ? asked : BUILT_IN_KIND);
  const kind = kindKey === undefined ? kinds.get(key) : kinds.of(key);
  let kindMetadata: Record<string, unknown> | null = null;
  if (!kind) problems.push({ field: 'kind', message: '信息类型不存在' });
  else {
    const parsed = kinds.parseMetadata(kind, raw);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else kindMetadata = parsed.metadata;
  }
  if (problems.length || !input) throw AppError.validation(problems);
  return { ...input, kind: key, kindMetadata };
}
