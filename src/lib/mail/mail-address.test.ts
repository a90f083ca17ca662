import { describe, expect, it } from 'vitest';
import { isSmtpUrl, maskEmail, maskEmailsIn, maskSmtpUrl, parseMailbox } from './mail-address.ts';

describe('maskEmail', () => {
  it.each([
    ['zhang.san@example.com', 'z***@example.com'],
    ['张三@例子.中国', '张***@例子.中国'],
    ['a@b.cn', 'a***@b.cn'],
    ['not-an-address', '***'],
  ])('%s → %s', (input, masked) => expect(maskEmail(input)).toBe(masked));
});

describe('maskEmailsIn', () => {
  it('masks every address in a server reply and keeps the rest', () => {
    expect(maskEmailsIn('550 5.1.1 <li.si@example.com>: Recipient rejected; also wang@corp.cn')).toBe(
      '550 5.1.1 <l***@example.com>: Recipient rejected; also w***@corp.cn',
    );
    expect(maskEmailsIn('421 Service not available')).toBe('421 Service not available');
  });
});

describe('maskSmtpUrl', () => {
  it.each([
    ['smtp://user:p%40ss@mail.example.gov.cn:587', 'smtp://user:****@mail.example.gov.cn:587'],
    ['smtps://mail.example.gov.cn', 'smtps://mail.example.gov.cn'],
    [
      'smtp://u@h:25?auth.pass=secret&tls.rejectUnauthorized=false',
      'smtp://u@h:25?auth.pass=****&tls.rejectUnauthorized=false',
    ],
    ['::not a url::', 'smtp://****'],
  ])('%s → %s', (url, masked) => expect(maskSmtpUrl(url)).toBe(masked));
});

describe('isSmtpUrl', () => {
  it.each([
    ['smtp://user:pass@host:587', true],
    ['smtps://host', true],
    ['SMTP://host:25', true],
    ['http://host', false],
    ['smtp://', false],
    ['host:25', false],
  ])('%s → %s', (url, ok) => expect(isSmtpUrl(url)).toBe(ok));
});

describe('parseMailbox', () => {
  it.each([
    [
      '某县人民政府办公室 <gkb@example.gov.cn>',
      { name: '某县人民政府办公室', address: 'gkb@example.gov.cn' },
    ],
    ['"Office" <GKB@Example.GOV.cn>', { name: 'Office', address: 'GKB@example.gov.cn' }],
    ['gkb@example.gov.cn', { name: '', address: 'gkb@example.gov.cn' }],
    ['某县人民政府办公室', null],
    ['a@example.cn, b@example.cn', null],
    ['<a@localhost>', null],
  ])('%s', (value, expected) => expect(parseMailbox(value)).toEqual(expected));
});
