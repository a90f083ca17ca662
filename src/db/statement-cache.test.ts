import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './database.ts';

describe('the SQLite prepared-statement cache', () => {
  it('reuses a statement by its SQL, keeps the most recently used and still sees schema changes', () => {
    const sqlite = new SQLite(':memory:');
    const db = withStatementCache(sqlite, 2);
    db.prepare('create table t (a integer)').run();
    const insert = db.prepare('insert into t (a) values (?)');
    insert.run(1);
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
    const count = db.prepare('select count(*) as n from t');
    expect(count.get()).toEqual({ n: 1 });
    db.prepare('insert into t (a) values (?)').run(2); // now the most recently used
    db.prepare('select 1'); // evicts the count statement, the least recently used
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
    expect(db.prepare('select count(*) as n from t')).not.toBe(count);
    // A cached statement keeps working after the schema changed under it.
    const all = db.prepare('select * from t order by a');
    db.prepare('alter table t add column b text').run();
    expect(db.prepare('select * from t order by a')).toBe(all);
    expect(all.all()).toEqual([
      { a: 1, b: null },
      { a: 2, b: null },
    ]);
    db.close();
    expect(sqlite.open).toBe(false);
  });
});
