/** Persisted shape of the 主动公开 tables (see src/db/migrations/0004-publishing.ts). */
// biome-ignore lint/complexity/noBannedTypes: filled in as the module grows
export type PublishingTables = {};
