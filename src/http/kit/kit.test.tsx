import Fastify from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../lib/actor.ts';
import type { ViewContext } from '../view-context.ts';
import { TextField } from '../views/components.tsx';
import { PublicLayout } from '../views/layouts.tsx';
import { DataTable } from './data-table.tsx';
import { FormPage } from './form-page.tsx';
import { ModuleStylesheets, moduleStylesheetHref, registerModuleStylesheet } from './module-stylesheet.tsx';
import { hrefWith, Pager, pageWindow } from './pager.tsx';
import { RadioGroup } from './radio-group.tsx';

const ctx: ViewContext = {
  actor: ANONYMOUS,
  csrfToken: 'tok"en',
  elder: false,
  path: '/x',
  site: { name: '示范县人民政府', sponsor: '示范县人民政府办公室', identifier: '1', icp: '', psb: '' },
};

const html = (vnode: preact.VNode | null) => (vnode ? renderToString(vnode) : '');

describe('Pager', () => {
  it('links every page with aria-current, keeps the other parameters and says where we are', () => {
    const out = html(
      Pager({
        base: '/admin/audit',
        params: { from: '2026-01-01', q: 'a&b' },
        page: 2,
        total: 45,
        pageSize: 20,
      }),
    );
    expect(out).toContain('<nav class="pager" aria-label="分页">');
    expect(out).toContain('href="/admin/audit?from=2026-01-01&amp;q=a%26b&amp;page=1" rel="prev">上一页</a>');
    expect(out).toContain('href="/admin/audit?from=2026-01-01&amp;q=a%26b&amp;page=3" rel="next">下一页</a>');
    expect(out).toMatch(/href="[^"]*page=2" aria-current="page" aria-label="第 2 页">2<\/a>/);
    expect(out.match(/aria-current/g)).toHaveLength(1);
    expect(out).toContain('第 2 页，共 3 页');
  });

  it('has no 上一页 on the first page, no 下一页 on the last, and nothing for one page', () => {
    const first = html(Pager({ base: '/l', page: 1, pages: 3 }));
    expect(first).not.toContain('上一页');
    expect(first).toContain('下一页');
    const last = html(Pager({ base: '/l', page: 3, pages: 3, summary: '（45 条）' }));
    expect(last).not.toContain('下一页');
    expect(last).toContain('第 3 页，共 3 页（45 条）');
    expect(html(Pager({ base: '/l', page: 1, total: 20, pageSize: 20 }))).toBe('');
  });

  it('shows a window of page numbers with gaps, or none, and a custom status', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    const plain = html(
      Pager({ base: '/l', page: 2, pages: 3, numbers: false, status: (p, n) => `第 ${p} / ${n} 页` }),
    );
    expect(plain).not.toContain('<ol');
    expect(plain).toContain('<span>第 2 / 3 页</span>');
    expect(html(Pager({ base: '/l', page: 2, pages: 3, status: false }))).not.toContain('<span>');
    expect(hrefWith('/l', { a: undefined, b: '' })).toBe('/l');
  });
});

describe('DataTable', () => {
  const rows = [
    { id: 1, name: '<b>县民政局</b>', count: 12 },
    { id: 2, name: '县教育局', count: 3 },
  ];
  const columns = [
    { header: '单位', cell: (r: (typeof rows)[number]) => r.name },
    { header: '件数', cell: (r: (typeof rows)[number]) => r.count, numeric: true },
  ];

  it('renders caption, scope="col" headers, numeric alignment and escapes cell text, in a scrolling wrapper', () => {
    const out = html(DataTable({ caption: '各单位件数', columns, rows, rowKey: (r) => r.id }));
    expect(out).toMatch(/^<div class="table-wrap"><table><caption>各单位件数<\/caption>/);
    expect(out).toContain('<th scope="col">单位</th><th scope="col" class="num">件数</th>');
    expect(out).toContain('<td>&lt;b>县民政局&lt;/b></td><td class="num">12</td>');
    expect(out).not.toContain('<b>');
  });

  it('shows the empty-state message instead of an empty table, or an empty table without one', () => {
    expect(html(DataTable({ caption: 'x', columns, rows: [], empty: '暂无数据。' }))).toBe(
      '<p class="table-empty">暂无数据。</p>',
    );
    const bare = html(DataTable({ caption: 'x', captionHidden: true, columns, rows: [], wrap: false }));
    expect(bare).toBe(
      '<table><caption class="visually-hidden">x</caption><thead><tr><th scope="col">单位</th><th scope="col" class="num">件数</th></tr></thead><tbody></tbody></table>',
    );
  });
});

describe('DataTable with grouped columns', () => {
  it('writes two header rows: the group spans its columns (scope="colgroup"), the others span both rows', () => {
    const out = html(
      DataTable({
        caption: '目录',
        wrap: false,
        rows: [{ a: '甲', x: true }],
        columns: [
          { header: '名称', cell: (r: { a: string; x: boolean }) => r.a },
          { header: '县级', group: '公开层级', cell: (r: { a: string; x: boolean }) => (r.x ? '√' : '') },
          { header: '乡级', group: '公开层级', cell: () => '' },
        ],
      }),
    );
    expect(out).toContain(
      '<thead><tr><th scope="col" rowspan="2">名称</th><th scope="colgroup" colspan="2">公开层级</th></tr><tr><th scope="col">县级</th><th scope="col">乡级</th></tr></thead>',
    );
    expect(out).toContain('<tbody><tr><td>甲</td><td>√</td><td></td></tr></tbody>');
  });
});

describe('RadioGroup', () => {
  const options = [
    { value: 'yes', label: '是' },
    { value: 'no', label: '否', hint: '选择“否”须说明理由' },
  ];

  it('is a fieldset with a legend; the first radio carries the field id; the choice is kept', () => {
    const out = html(
      RadioGroup({
        name: 'agree',
        legend: '是否同意',
        options,
        form: { values: { agree: 'no' }, problems: [] },
      }),
    );
    expect(out).toMatch(/^<fieldset class="field radios"><legend>是否同意<\/legend>/);
    expect(out).toContain('<input type="radio" id="f-agree" name="agree" value="yes"/>');
    expect(out).toContain('id="f-agree-1" name="agree" value="no" checked aria-describedby="f-agree-1-hint"');
    expect(out).toContain('<label for="f-agree-1">否</label>');
  });

  it('links the hint and the error to the fieldset', () => {
    const out = html(
      RadioGroup({
        name: 'agree',
        legend: '是否同意',
        hint: '请选择一项',
        options,
        form: { values: {}, problems: [{ field: 'agree', message: '请选择是否同意' }] },
      }),
    );
    expect(out).toContain('<fieldset class="field field-error radios" aria-describedby="h-agree e-agree">');
    expect(out).toContain('<p class="hint" id="h-agree">请选择一项</p>');
    expect(out).toContain(
      '<p class="error-message" id="e-agree"><span class="visually-hidden">错误：</span>请选择是否同意</p>',
    );
    expect(out).not.toContain('checked');
  });
});

describe('FormPage', () => {
  it('has the title, the CSRF field, the fields and the submit button', () => {
    const out = html(
      FormPage({
        ctx,
        title: '新建事项',
        action: '/admin/things',
        form: { values: {}, problems: [] },
        submitLabel: '保存',
        hidden: { unit: '3' },
        cancel: { href: '/admin/things', label: '返回列表' },
        layout: PublicLayout,
        children: <TextField name="name" label="名称" />,
      }),
    );
    expect(out).toContain('<title>新建事项 - 示范县人民政府</title>');
    expect(out).toContain('<h1>新建事项</h1>');
    expect(out).toContain('<form method="post" action="/admin/things" novalidate class="kit-form">');
    expect(out).toContain('<input type="hidden" name="_csrf" value="tok&quot;en"/>');
    expect(out).toContain('<input type="hidden" name="unit" value="3"/>');
    expect(out).toContain('<button type="submit" class="button button-primary">保存</button>');
    expect(out).toContain('<a href="/admin/things">返回列表</a>');
    expect(out).not.toContain('error-summary');
  });

  it('on error: the summary links each problem to its field, typed values are kept and escaped', () => {
    const form = {
      values: { name: '<script>x</script>', unit: '5' },
      problems: [{ field: 'name', message: '名称不能超过 20 个字符' }],
    };
    const out = html(
      FormPage({
        ctx,
        title: '新建事项',
        action: '/admin/things',
        multipart: true,
        form,
        hidden: { unit: '3' },
        children: <TextField form={form} name="name" label="名称" />,
      }),
    );
    expect(out).toContain('<title>错误：新建事项 - 示范县人民政府</title>');
    expect(out).toContain('<a href="#f-name">名称不能超过 20 个字符</a>');
    expect(out).toContain('enctype="multipart/form-data"');
    expect(out).toContain('value="&lt;script>x&lt;/script>"');
    expect(out).not.toContain('<script>');
    expect(out).toContain('name="unit" value="5"');
    expect(out.indexOf('error-summary')).toBeLessThan(out.indexOf('<h1>'));
  });
});

describe('module stylesheets', () => {
  it('serves /assets/<module>.css with an ETag and cache lifetime, and links it', async () => {
    const server = Fastify();
    const href = registerModuleStylesheet(server, 'kit-test', new URL('../assets/site.css', import.meta.url));
    expect(href).toBe('/assets/kit-test.css');
    const res = await server.inject({ url: href });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const again = await server.inject({ url: href, headers: { 'if-none-match': String(res.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(() =>
      registerModuleStylesheet(server, 'site', new URL('../assets/site.css', import.meta.url)),
    ).toThrow();
    expect(() =>
      registerModuleStylesheet(server, '../x', new URL('../assets/site.css', import.meta.url)),
    ).toThrow();
    expect(html(ModuleStylesheets({ names: ['tasks'] }))).toBe(
      `<link rel="stylesheet" href="${moduleStylesheetHref('tasks')}"/>`,
    );
    await server.close();
  });
});
