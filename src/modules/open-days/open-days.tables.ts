/**
 * Persisted shape of the 政务公开主题日 / 政府开放日 tables (src/db/migrations/0025-open-days.ts). Dates are
 * China-local 'YYYY-MM-DD', times 'HH:mm'; created/updated ISO-8601 UTC. `*_enc` columns hold
 * lib/field-cipher.ts ciphertexts, never the clear value.
 */
import type { Generated } from 'kysely';

export interface OpenDayTable {
  id: Generated<number>;
  unit_id: number;
  theme: string;
  /** OpenDayType: 'theme_day' | 'open_day'. */
  type: string;
  event_date: string;
  start_time: string;
  end_time: string | null;
  place: string;
  /** JSON string[] (INVITED_GROUPS or others typed by staff). */
  invited_groups: string;
  /** JSON string[]. */
  activities: string;
  description: string | null;
  capacity: number;
  registered: Generated<number>;
  registration_opens_on: string;
  registration_closes_on: string;
  survey_id: number | null;
  /** OpenDayState (open-day.model.ts). */
  status: string;
  record_text: string | null;
  document_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface OpenDayRegistrationTable {
  id: Generated<number>;
  event_id: number;
  name_enc: string;
  phone_enc: string;
  /** HMAC-SHA256 of the normalised phone (open-day-registration.ts): duplicate check without the clear number. */
  phone_hash: string;
  group_name: string;
  note_enc: string | null;
  attended: Generated<number>;
  attended_at: string | null;
  created_at: string;
}

export interface OpenDayImageTable {
  id: Generated<number>;
  event_id: number;
  file_name: string;
  kind: string;
  data: string;
  created_at: string;
}

export interface OpenDayTables {
  open_days: OpenDayTable;
  open_day_registrations: OpenDayRegistrationTable;
  open_day_images: OpenDayImageTable;
}

declare module '../../db/schema.ts' {
  interface DB extends OpenDayTables {}
}
