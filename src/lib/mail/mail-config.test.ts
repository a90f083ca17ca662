import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';

const BASE = {
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent/gongkai-mail-config-test',
  SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ ...BASE, ...env });
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe('mail configuration (SMTP_URL, MAIL_FROM)', () => {
  it('is off when SMTP_URL is unset or empty', () => {
    expect(loadConfig(BASE).SMTP_URL).toBeUndefined();
    expect(loadConfig({ ...BASE, SMTP_URL: '', MAIL_FROM: '' }).SMTP_URL).toBeUndefined();
  });

  it('accepts smtp:// and smtps:// with a sender', () => {
    const c = loadConfig({
      ...BASE,
      SMTP_URL: 'smtps://gkb:pa%24s@mail.example.gov.cn:465',
      MAIL_FROM: '某县人民政府办公室 <gkb@example.gov.cn>',
    });
    expect(c.SMTP_URL).toBe('smtps://gkb:pa%24s@mail.example.gov.cn:465');
    expect(c.MAIL_FROM).toBe('某县人民政府办公室 <gkb@example.gov.cn>');
  });

  it('names every problem in Chinese', () => {
    expect(problems({ SMTP_URL: 'smtp://mail.example.gov.cn:587' })).toEqual([
      'MAIL_FROM: 设置 SMTP_URL 时必须设置发件人，例如 某县人民政府办公室 <gkb@example.gov.cn>',
    ]);
    expect(problems({ SMTP_URL: 'mail.example.gov.cn:587', MAIL_FROM: '办公室' })).toEqual([
      'SMTP_URL: 必须以 smtp:// 或 smtps:// 开头，例如 smtp://user:pass@mail.example.gov.cn:587',
      'MAIL_FROM: 格式应为“名称 <地址>”或地址，例如 某县人民政府办公室 <gkb@example.gov.cn>',
    ]);
  });

  it('never repeats the password in an error message', () => {
    const text = problems({ SMTP_URL: 'ftp://user:hunter2@host' }).join('\n');
    expect(text).toContain('SMTP_URL');
    expect(text).not.toContain('hunter2');
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'ftp://user:hunter2@host' })).toThrow(ConfigError);
  });
});
