/** Persisted shape of the 工作要点 / 任务分工台账 tables (see src/db/migrations/0003-tasks.ts). */
// biome-ignore lint/complexity/noBannedTypes: filled in as the module grows
export type TaskTables = {};
