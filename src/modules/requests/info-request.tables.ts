/** Persisted shape of the 依申请公开 tables (see src/db/migrations/0002-info-requests.ts). */
// biome-ignore lint/complexity/noBannedTypes: filled in as the module grows
export type InfoRequestTables = {};
