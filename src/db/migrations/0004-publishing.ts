/** 主动公开 (proactive disclosure): columns, catalogue, documents, versions, attachments, search. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
