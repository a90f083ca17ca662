import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../lib/errors.ts';
import { formRejection } from './forms.ts';

describe('formRejection: one status per error code for every form', () => {
  it.each<[ErrorCode, number]>([
    ['validation', 422],
    ['conflict', 409],
    // a refused workflow step conflicts with the record's state, in 依申请公开 as in publishing
    ['invalid_transition', 409],
  ])('%s → form shown again with %i', (code, status) => {
    const r = formRejection(new AppError(code, '不能答复：尚未生成答复告知书'));
    expect(r).toEqual({ status, problems: [{ field: '_', message: '不能答复：尚未生成答复告知书' }] });
  });

  it('keeps the problems attached to the error', () => {
    const e = AppError.validation([{ field: 'postcode', message: '邮政编码应为 6 位数字' }]);
    expect(formRejection(e)?.problems).toEqual([{ field: 'postcode', message: '邮政编码应为 6 位数字' }]);
  });

  it('leaves other errors (and other codes unless asked for) to the error page', () => {
    expect(formRejection(AppError.forbidden())).toBeNull();
    expect(formRejection(new Error('boom'))).toBeNull();
    expect(formRejection(new AppError('locked', '账户已锁定'))).toBeNull();
    expect(formRejection(new AppError('locked', '账户已锁定'), ['unauthenticated', 'locked'])?.status).toBe(
      423,
    );
  });
});
