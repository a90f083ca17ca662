/**
 * Page ownership on the real site: the app's own public routes, a published document (its unit), a draft
 * (no owner: the public cannot see it), a column (its responsible unit), a unit's page, the home page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty } from '../../../test/support/factories.ts';
import { buildStaff, documentInput, publishDocument } from '../../../test/support/publishing.ts';
import { createTestApp, ENGINE, type TestApp } from '../../../test/support/test-app.ts';
import type { Unit } from '../../db/schema.ts';
import { type PageOwners, pageOwnersFrom } from './page-owner.ts';

describe(`page ownership on ${ENGINE}`, () => {
  let app: TestApp;
  let owners: PageOwners;
  let dept: Unit;
  let other: Unit;
  let published: number;
  let draft: number;
  let columnId: number;

  beforeAll(async () => {
    app = await createTestApp({ env: { PUBLIC_URL: 'https://www.example.gov.cn' } });
    ({ dept, other } = await buildCounty(app));
    const staff = await buildStaff(app, dept);
    published = await publishDocument(app.publishing, dept, staff);
    draft = (
      await app.publishing.documents.createDraft(staff.clerk, dept.id, documentInput({ title: '草稿' }))
    ).id;
    const col = await app.db
      .selectFrom('site_columns')
      .select('id')
      .where('unit_id', '=', dept.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    columnId = col.id;
    // The column is kept by another unit (责任单位): the report goes there.
    await app.db
      .updateTable('site_columns')
      .set({ responsible_unit_id: other.id })
      .where('id', '=', columnId)
      .execute();
    owners = pageOwnersFrom(app);
  }, 60_000);
  afterAll(async () => app.destroy());

  it('a published document → its unit', async () => {
    expect(await owners.resolvePageOwner(`https://www.example.gov.cn/documents/${published}`)).toEqual({
      unitId: dept.id,
      how: 'document',
    });
  });
  it('a draft or a missing document → no owner', async () => {
    expect(await owners.resolvePageOwner(`/documents/${draft}`)).toBeNull();
    expect(await owners.resolvePageOwner('/documents/999999')).toBeNull();
  });
  it('a column → its responsible unit', async () => {
    expect(await owners.resolvePageOwner(`/columns/${columnId}`)).toEqual({
      unitId: other.id,
      how: 'column',
    });
    expect(await owners.resolvePageOwner('/columns/999999')).toBeNull();
  });
  it('a unit page → that unit', async () => {
    expect(await owners.resolvePageOwner(`/units/${other.id}/guide`)).toEqual({
      unitId: other.id,
      how: 'unit',
    });
  });
  it('the home page, search, another site → no owner', async () => {
    for (const url of ['/', '/search?q=低保', 'https://www.other.gov.cn/documents/1'])
      expect(await owners.resolvePageOwner(url)).toBeNull();
  });
});
