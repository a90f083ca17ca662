import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from '../../lib/cjk-font.ts';
import { emptyTable2, emptyTable3, emptyTable4, SECTION_HEADINGS, SECTION_KEYS } from './report.model.ts';
import {
  fixtureNumbersInOrder,
  fixtureReportDocument,
  fixtureSections,
} from './report-fixture.test-support.ts';
import { reportPdf } from './report-pdf.ts';

const font = findCjkFont();

/** The decoded (inflated) streams of a PDF written by pdfkit (no object streams, Flate only). */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const latin = pdf.toString('latin1');
  for (const m of latin.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    try {
      out.push(inflateSync(raw).toString('latin1'));
    } catch {
      // not a Flate stream (the embedded font is Flate too, but harmless to skip if not)
    }
  }
  return out;
}

/**
 * The text lines of a pdfkit PDF page by page (one content stream each), in drawing order: each BT…ET
 * block's glyph strings mapped back to text through the font's ToUnicode CMap (one embedded font).
 */
function pdfPages(pdf: Buffer): string[][] {
  const all = streams(pdf);
  const toUnicode = new Map<number, string>();
  for (const s of all.filter((x) => x.includes('begincmap'))) {
    for (const r of s.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
      const first = Number.parseInt(r[1] ?? '0', 16);
      [...(r[3] ?? '').matchAll(/<([0-9a-f]+)>/gi)].forEach((u, i) => {
        const hex = u[1] ?? '';
        const units = (hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16));
        toUnicode.set(first + i, String.fromCharCode(...units));
      });
    }
  }
  const pages: string[][] = [];
  for (const s of all.filter((x) => /\bBT\b/.test(x) && !x.includes('begincmap'))) {
    const lines: string[] = [];
    pages.push(lines);
    for (const block of s.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      const hexes = [...(block[1] ?? '').matchAll(/<([0-9a-f]+)>/gi)].map((h) => h[1] ?? '');
      const text = hexes
        .flatMap((h) => h.match(/.{4}/g) ?? [])
        .map((g) => toUnicode.get(Number.parseInt(g, 16)) ?? '?')
        .join('');
      lines.push(text);
    }
  }
  return pages;
}
const pdfLines = (pdf: Buffer) => pdfPages(pdf).flat();

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

// fonts-noto-cjk is installed for the tests (scripts/test-all.sh); without a CJK font there is no PDF.
describe.skipIf(!font)('reportPdf', async () => {
  const cjk = font ?? { path: '', face: undefined };
  const pdf = await reportPdf(fixtureReportDocument(), cjk);
  const lines = pdfLines(pdf);

  it('is a PDF of at least one page', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThan(0);
  });

  it('shows the title and the six headings in order', () => {
    // The title wraps onto a second line at 二号 across 156 mm.
    expect(`${lines[0]}${lines[1]}`).toBe('示范县人民政府2025年政府信息公开工作年度报告');
    const at = SECTION_KEYS.map((k) => lines.indexOf(SECTION_HEADINGS[k]));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('draws every number of the tables, in order', () => {
    const numbers = lines.filter((l) => /^\d+(\.\d+)?$/.test(l));
    expect(numbers).toEqual(fixtureNumbersInOrder());
  });

  it('breaks a long table 三 between rows and repeats its header on the next page', async () => {
    // Enough text in section 二 to push table 三 down so that it must break.
    const pushed = await reportPdf(
      fixtureReportDocument({
        sections: {
          ...fixtureSections(),
          proactive: Array(14).fill('本年度主动公开政府信息。').join('\n\n'),
        },
      }),
      cjk,
    );
    const pages = pdfPages(pushed);
    // Pages showing a number of table 三's outcome rows (101…621) all show its header too.
    const withTable3 = pages.filter((lines) => lines.includes('101') || lines.includes('621'));
    expect(withTable3.length).toBeGreaterThanOrEqual(2);
    for (const lines of withTable3) {
      expect(lines).toContain('申请人情况');
      expect(lines).toContain('法人或其他组织');
      // The merged 三、本年度办理结果 is drawn (its first characters) on each page it continues on.
      expect(lines).toContain('三、');
    }
    expect(pages.flat().filter((l) => /^\d+(\.\d+)?$/.test(l))).toEqual(fixtureNumbersInOrder());
  });

  it('does not throw on very long sections, and grows in pages', async () => {
    const long = Array(300)
      .fill('本年度，我县持续深化政务公开，推进决策、执行、管理、服务、结果公开。')
      .join('\n\n');
    const big = await reportPdf(
      fixtureReportDocument({ sections: { ...fixtureSections(), overview: long, problems: long } }),
      cjk,
    );
    expect(pageCount(big)).toBeGreaterThan(pageCount(pdf) + 20);
    const seen = pdfLines(big);
    expect(pdfPages(big)).toHaveLength(pageCount(big));
    for (const k of SECTION_KEYS) expect(seen).toContain(SECTION_HEADINGS[k]);
    expect(seen).toContain(`— ${pageCount(big)} —`);
  });

  it('draws an empty draft: no date, no numbers, empty sections, the headings and labels still there', async () => {
    const empty = await reportPdf(
      fixtureReportDocument({
        dateOn: null,
        sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, ''])) as ReturnType<typeof fixtureSections>,
        figures: { table2: emptyTable2(), table3: emptyTable3(), table4: emptyTable4() },
      }),
      cjk,
    );
    const seen = pdfLines(empty);
    expect(seen.filter((l) => /^\d+(\.\d+)?$/.test(l))).toEqual([]);
    expect(seen).not.toContain('（2026年1月20日）');
    for (const k of SECTION_KEYS) expect(seen).toContain(SECTION_HEADINGS[k]);
    expect(seen).toContain('申请人情况');
  });

  it('rejects, never hangs, when the font file cannot be read', async () => {
    await expect(
      reportPdf(fixtureReportDocument(), { path: '/nonexistent/font.ttc', face: undefined }),
    ).rejects.toThrow();
  });
});
