/**
 * The shapes of a pre-publication check run: what is checked, the configuration, the result. Apart from
 * the checks and the registry so that both can use them without importing each other.
 */

import type { PublicRoute } from '../../../platform/module.ts';
import type { CheckName, Finding, Severity } from './finding.ts';
import type { InternalLinkLookup } from './internal-links.ts';
import type { DocumentMetadataInput, MetadataField } from './required-metadata.ts';
import type { TypoEntry } from './word-lists.ts';

/** What is checked. */
export interface PrePublicationInput {
  metadata: DocumentMetadataInput;
  /** The sanitised body HTML. */
  bodyHtml: string;
  /** Attachments with their extracted text; null text means the type cannot be read automatically. */
  attachments?: ReadonlyArray<{ name: string; text: string | null }>;
  /** The (planned) 发布日期. */
  publishOn: string;
  /**
   * This site, for the internal-link check: the public base URL, the document's id and what the database
   * says about the link targets (resolved beforehand). Without it internal links are not checked.
   */
  site?: {
    publicBaseUrl?: string | undefined;
    documentId?: number | undefined;
    lookup: InternalLinkLookup;
    /** The site's public routes (Registry#publicRoutes): what a path leads to. */
    routes: readonly PublicRoute[];
  };
}

/** Configuration of the checks (stored per site; editable by the 政务公开管理员). */
export interface PrePublicationConfig {
  severity: Readonly<Record<CheckName, Severity>>;
  requiredMetadata: readonly MetadataField[];
  typos: readonly TypoEntry[];
  sensitiveWords: readonly string[];
  /** Hosts allowed in links besides *.gov.cn (each with its subdomains). */
  allowedHosts: readonly string[];
}

/** The result of all checks. */
export interface PrePublicationResult {
  findings: Finding[];
  /** True when at least one finding blocks publication. */
  blocked: boolean;
}
