import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { DATA_DIR: '/tmp/gk-config-test', SESSION_SECRET: 'x'.repeat(32) };

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({ ...base });
    expect(c.HOST).toBe('::');
    expect(c.PORT).toBe(3000);
    expect(c.dialect).toBe('sqlite');
    expect(c.DATABASE_URL).toBe('sqlite:/tmp/gk-config-test/gongkai.sqlite');
    expect(c.SESSION_IDLE_MINUTES).toBe(30);
    expect(c.DEMO_MODE).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });
  it('selects PostgreSQL from a postgres:// URL', () => {
    const c = loadConfig({ ...base, DATABASE_URL: 'postgres://u@127.0.0.1:5432/gk' });
    expect(c.dialect).toBe('postgres');
    expect(c.sqlitePath).toBeNull();
  });
  it('lists every problem at once', () => {
    try {
      loadConfig({ ...base, PORT: 'abc', HOST: '', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '0' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const fields = (e as ConfigError).problems.map((p) => p.split(':')[0]);
      expect(fields).toEqual(
        expect.arrayContaining(['PORT', 'HOST', 'DATABASE_URL', 'SESSION_IDLE_MINUTES']),
      );
    }
  });
  it('production requires a session secret and forbids demo mode', () => {
    expect(() => loadConfig({ DATA_DIR: base.DATA_DIR, NODE_ENV: 'production', DEMO_MODE: '1' })).toThrow(
      /SESSION_SECRET[\s\S]*DATA_ENCRYPTION_KEY[\s\S]*DEMO_MODE/,
    );
    const key = Buffer.alloc(32, 7).toString('base64');
    const prod = loadConfig({ ...base, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key });
    expect(prod.DEMO_MODE).toBe(false);
    expect(prod.dataEncryptionKey).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig({ ...base, DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/DATA_ENCRYPTION_KEY/);
  });
});
