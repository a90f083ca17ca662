/**
 * Public registration for a 主题日 / 开放日: anti-abuse (honeypot + signed start time), the window and
 * the capacity, the phone validated, the same phone refused twice (by a keyed hash: the number itself is
 * stored encrypted only), and one transaction that takes the place, stores the registration and writes
 * the audit event (without personal data).
 */
import { createHmac } from 'node:crypto';
import type { CallContext } from '../../lib/actor.ts';
import { todayInShanghai } from '../../lib/calendar/index.ts';
import { AppError } from '../../lib/errors.ts';
import { abuseProblem } from '../../lib/form-abuse.ts';
import { parseInput } from '../../lib/validation.ts';
import { registrationProblem, registrationSchema } from './open-day.model.ts';
import type { OpenDayService } from './open-day.service.ts';

const DUPLICATE = '该联系电话已报名本次活动，无需重复报名';

export class OpenDayRegistration {
  constructor(private readonly s: OpenDayService) {}

  phoneHash(phone: string): string {
    return createHmac('sha256', Buffer.from(this.s.d.encryptionKey))
      .update(`open-day-phone:${phone}`)
      .digest('hex');
  }

  async register(
    ctx: CallContext,
    id: number,
    fields: Record<string, unknown>,
    minFillMs?: number,
  ): Promise<number> {
    const row = await this.s.repo.findPublic(id);
    if (!row) throw AppError.notFound('活动');
    const { d, repo, cipher } = this.s;
    const abuse = abuseProblem(d.formSecret, fields, d.clock.now().getTime(), minFillMs);
    if (abuse) throw AppError.validation([{ field: '_', message: abuse }]);
    const closed = registrationProblem(row, todayInShanghai(d.clock.now()));
    if (closed) throw AppError.validation([{ field: '_', message: closed }]);
    const input = parseInput(registrationSchema(JSON.parse(row.invited_groups) as string[]), fields);
    const hash = this.phoneHash(input.phone);
    if (await repo.hasPhone(id, hash)) throw AppError.validation([{ field: 'phone', message: DUPLICATE }]);
    try {
      return await d.db.transaction().execute(async (trx) => {
        if (!(await repo.takePlace(trx, id)))
          throw AppError.validation([{ field: '_', message: '名额已满' }]);
        const regId = await repo.insertRegistration(trx, {
          event_id: id,
          name_enc: cipher.encrypt(input.name),
          phone_enc: cipher.encrypt(input.phone),
          phone_hash: hash,
          group_name: input.group,
          note_enc: input.note ? cipher.encrypt(input.note) : null,
          attended_at: null,
          created_at: d.clock.now().toISOString(),
        });
        await d.audit.record(trx, ctx, {
          action: 'openday.register',
          targetType: 'open_day_registration',
          targetId: regId,
          summary: `报名参加活动“${row.theme}”（${input.group}）`,
        });
        return regId;
      });
    } catch (e) {
      // A registration with the same phone committed meanwhile: the unique index refused this one.
      if (await repo.hasPhone(id, hash)) throw AppError.validation([{ field: 'phone', message: DUPLICATE }]);
      throw e;
    }
  }
}
