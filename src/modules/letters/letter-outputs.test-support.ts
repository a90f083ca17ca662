/**
 * Fixture rows for the outputs' db tests, inserted straight into the contract tables (0021-letters.ts), so
 * these tests do not depend on the intake and workflow services.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

let serial = 0;

export async function insertChannel(
  db: Kysely<DB>,
  unitId: number,
  input: { kind?: string; name?: string } = {},
): Promise<number> {
  const r = await db
    .insertInto('letter_channels')
    .values({
      unit_id: unitId,
      kind: input.kind ?? 'mailbox',
      name: input.name ?? '县长信箱',
      leader_name: null,
      reply_working_days: null,
      created_at: '2026-01-01T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export interface LetterFixture {
  channelId: number;
  unitId?: number | null;
  status?: string;
  type?: string;
  title?: string;
  body?: string;
  consent?: boolean;
  receivedOn?: string;
  dueOn?: string;
  answeredOn?: string | null;
  closedAt?: string | null;
  rating?: string | null;
  followUp?: string | null;
  pageUrl?: string | null;
  writerMasked?: string;
  /** The encrypted writer data (letters.deps.cipher); a placeholder by default. */
  writerEnc?: string;
  reference?: string;
}

export async function insertLetter(db: Kysely<DB>, f: LetterFixture): Promise<number> {
  serial++;
  const receivedOn = f.receivedOn ?? '2026-09-01';
  const r = await db
    .insertInto('letters')
    .values({
      reference:
        f.reference ?? `XX2026-T${String(serial).padStart(5, '0')}${Math.random().toString(36).slice(2, 6)}`,
      lookup_code_hash: 'x',
      lookup_code_enc: 'x',
      idempotency_key: null,
      channel_id: f.channelId,
      type: f.type ?? 'consultation',
      title: f.title ?? '咨询公租房申请条件',
      body: f.body ?? '请问公租房怎么申请？',
      writer_enc: f.writerEnc ?? 'encrypted',
      writer_masked: f.writerMasked ?? '张*',
      consent_publish: f.consent === false ? 0 : 1,
      page_url: f.pageUrl ?? null,
      error_kind: f.pageUrl ? 'broken_link' : null,
      status: f.status ?? 'answered',
      unit_id: f.unitId === undefined ? null : f.unitId,
      received_at: `${receivedOn}T02:00:00.000Z`,
      received_on: receivedOn,
      clock_started_on: receivedOn,
      due_on: f.dueOn ?? receivedOn,
      limit_working_days: 5,
      answered_at: f.answeredOn ? `${f.answeredOn}T03:00:00.000Z` : null,
      answered_on: f.answeredOn ?? null,
      closed_at: f.closedAt ?? null,
      close_reason: f.closedAt ? 'spam' : null,
      rating: f.rating ?? null,
      follow_up: f.followUp ?? null,
      updated_at: `${receivedOn}T02:00:00.000Z`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertReply(
  db: Kysely<DB>,
  letterId: number,
  unitId: number,
  input: { round?: number; body?: string; sentAt?: string | null; status?: string } = {},
): Promise<void> {
  await db
    .insertInto('letter_replies')
    .values({
      letter_id: letterId,
      round: input.round ?? 1,
      unit_id: unitId,
      body: input.body ?? '您好，公租房申请请携带身份证到县住建局窗口办理。',
      status: input.status ?? 'sent',
      drafted_by: null,
      drafted_at: '2026-09-01T00:00:00.000Z',
      sent_at: input.sentAt === undefined ? '2026-09-02T03:00:00.000Z' : input.sentAt,
    })
    .execute();
}
