/** A document's kind metadata as stored (JSON on the row); kept apart so checks can read it without the kind registry. */

/** A document's stored kind metadata (documents.kind_metadata_json) as an object; {} when none or unreadable. */
export function kindMetadataOf(json: string | null | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
