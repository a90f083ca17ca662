/**
 * The annual report's HTML body (issue 12 §4) as a browser reads it: the tables the browser builds from
 * the markup (spans resolved into a grid) are exactly the layout's grids, headers are <th>, the six
 * headings are there, and axe-core (WCAG 2.1 AA) finds nothing — after the publishing sanitiser, since
 * that is what the public page serves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitiseHtml } from '../../src/modules/publishing/documents/html-sanitiser.ts';
import { reportTitle, SECTION_HEADINGS, SECTION_KEYS } from '../../src/modules/reports/report.model.ts';
import { fixtureReportDocument } from '../../src/modules/reports/report-fixture.test-support.ts';
import { reportBodyHtml } from '../../src/modules/reports/report-html.ts';
import { reportLayout, tableGrid } from '../../src/modules/reports/report-layout.ts';
import { expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const doc = fixtureReportDocument();
const title = reportTitle(doc.unitName, doc.year);
const page = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

/** Each table of the page as the browser sees it: caption and the full grid of [tag, text]. */
type SeenTable = { caption: string; grid: string[][][] };

describe('the report body in a browser', () => {
  it('builds the layout’s grids, with the six headings, and passes axe-core', async () => {
    const body = sanitiseHtml(reportBodyHtml(doc));
    const p = await newPage(browser);
    await p.setContent(page(body));
    expect(await p.locator('h2').allTextContents()).toEqual(SECTION_KEYS.map((k) => SECTION_HEADINGS[k]));

    const seen = await p.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => {
        const grid: string[][][] = [];
        [...table.rows].forEach((row, r) => {
          grid[r] ??= [];
          let c = 0;
          for (const cell of [...row.cells]) {
            while (grid[r]?.[c]) c++;
            for (let dr = 0; dr < cell.rowSpan; dr++) {
              grid[r + dr] ??= [];
              for (let dc = 0; dc < cell.colSpan; dc++) {
                (grid[r + dr] as string[][])[c + dc] = [cell.tagName.toLowerCase(), cell.textContent ?? ''];
              }
            }
            c += cell.colSpan;
          }
        });
        return { caption: table.caption?.textContent ?? '', grid };
      }),
    );
    const layout = reportLayout(doc.figures);
    const expected: SeenTable[] = [layout.table2, layout.table3, layout.table4].map((t) => ({
      caption: t.caption,
      grid: tableGrid(t).map((line) =>
        line.map((s) => [s.cell.role === 'header' || s.cell.role === 'label' ? 'th' : 'td', s.cell.text]),
      ),
    }));
    expect(seen).toEqual(expected);
    // The header rows of tables 三 and 四 are the table's <thead>.
    expect(await p.locator('table').nth(1).locator('thead tr').count()).toBe(3);
    expect(await p.locator('table').nth(2).locator('thead tr').count()).toBe(3);

    await expectNoAxeViolations(p);
    await p.context().close();
  });

  it('passes axe-core with empty (not held) cells and empty sections too', async () => {
    const empty = fixtureReportDocument();
    empty.figures.table3['三(一)'] = Array(7).fill(null);
    empty.figures.table2.行政许可 = null;
    empty.sections.problems = '';
    const p = await newPage(browser);
    await p.setContent(page(sanitiseHtml(reportBodyHtml(empty))));
    await expectNoAxeViolations(p);
    await p.context().close();
  });
});
