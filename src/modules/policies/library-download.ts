/**
 * The download version (版式) of a published library document (issue 11 §5): its metadata block — 标题,
 * 制定机关, 发文字号, 统一登记号, 公布日期, 施行日期, 有效期至 and the 当前有效性 as of the download day with
 * its certainty — then the body as paragraphs and tables, as .docx (`docx`) or PDF (`pdfkit`, with a CJK
 * font found at run time: docs/adr/0009-pdf-generation.md).
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import type { CjkFont } from '../../lib/cjk-font.ts';
import { AppError } from '../../lib/errors.ts';
import type { PublishingApi } from '../publishing/publishing.api.ts';
import {
  CERTAINTY_LABELS,
  isPolicyKind,
  POLICY_KIND_LABELS,
  type PolicyKind,
  VALIDITY_STATE_LABELS,
} from './policy.model.ts';
import type { ValidityLedger } from './validity-ledger.ts';

/** A block of the body: a paragraph (heading or not) or a table of cell texts. */
export type BodyBlock =
  | { type: 'paragraph'; text: string; heading?: boolean }
  | { type: 'table'; rows: string[][] };

export interface LibraryDownload {
  id: number;
  kind: PolicyKind;
  title: string;
  /** Label / value pairs of the metadata block, in order (empty values shown as “—”). */
  metadata: [string, string][];
  body: BodyBlock[];
  /** File name without extension. */
  baseName: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          Number.parseInt(
            e.slice(e[1] === 'x' || e[1] === 'X' ? 2 : 1),
            e[1]?.toLowerCase() === 'x' ? 16 : 10,
          ),
        )
      : (ENTITIES[e.toLowerCase()] ?? all),
  );
/** Text of an HTML fragment: <br> as line breaks, tags dropped, entities decoded, spaces folded. */
const textOf = (html: string) =>
  decode(html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

/**
 * The (sanitised) body HTML as blocks: each table becomes its rows of cell texts; each paragraph, heading,
 * list item, block quote or div becomes a paragraph; text outside any block becomes a paragraph too.
 */
export function bodyBlocks(html: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  const loose = (s: string) => {
    for (const line of textOf(s).split('\n')) if (line.trim()) blocks.push({ type: 'paragraph', text: line });
  };
  const re = /<table\b[\s\S]*?<\/table\s*>|<(p|h[1-6]|li|blockquote|div|pre)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
  let at = 0;
  for (const m of html.matchAll(re)) {
    loose(html.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] === undefined) {
      const rows = [...m[0].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi)].map((r) =>
        [...(r[1] ?? '').matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]\s*>/gi)].map((c) => textOf(c[1] ?? '')),
      );
      if (rows.some((r) => r.length)) blocks.push({ type: 'table', rows: rows.filter((r) => r.length) });
      continue;
    }
    const text = textOf(m[2] ?? '');
    if (text) blocks.push({ type: 'paragraph', text, heading: /^h/i.test(m[1]) });
  }
  loose(html.slice(at));
  return blocks;
}

/** A file name from a title: characters Windows and browsers refuse become “_”, at most 80 characters. */
export const safeFileName = (title: string) =>
  title
    .replace(/[\\/:*?"<>|\r\n\t]/g, '_')
    .trim()
    .slice(0, 80) || '文件';

type Meta = {
  registrationNumber?: string | null;
  publishedOn?: string | null;
  effectiveOn?: string | null;
  expiresOn?: string | null;
};

/**
 * The download of one published library document (404 for anything else: drafts, withdrawn documents,
 * documents of other kinds). The 有效性 is the ledger's state on `asOf` with its certainty.
 */
export async function libraryDownload(
  deps: { publishing: Pick<PublishingApi, 'publicDocuments'>; ledger: ValidityLedger },
  id: number,
  asOf: string,
): Promise<LibraryDownload> {
  const doc = await deps.publishing.publicDocuments.getPublished(id);
  if (doc?.state !== 'published' || !isPolicyKind(doc.kind)) throw AppError.notFound('文件');
  const meta = (doc.kind_metadata_json ? JSON.parse(doc.kind_metadata_json) : {}) as Meta;
  const entry = await deps.ledger.entries.find(id);
  const state = await deps.ledger.stateOn(id, asOf);
  const validity = state
    ? `${VALIDITY_STATE_LABELS[state.state]}（${CERTAINTY_LABELS[state.certainty]}，截至 ${asOf}）`
    : `未收入规范性文件库，有效性未确定（截至 ${asOf}）`;
  const v = (s: string | null | undefined) => s || '—';
  return {
    id,
    kind: doc.kind,
    title: doc.title,
    metadata: [
      ['标题', doc.title],
      ['文件类型', POLICY_KIND_LABELS[doc.kind]],
      ['制定机关', v(doc.issuers.join('、') || entry?.issuers)],
      ['发文字号', v(doc.doc_number)],
      ['统一登记号', v(meta.registrationNumber ?? entry?.registration_number)],
      ['公布日期', v(meta.publishedOn ?? entry?.published_on ?? doc.published_on)],
      ['施行日期', v(meta.effectiveOn ?? entry?.effective_on)],
      ['有效期至', v(meta.expiresOn ?? entry?.expires_on)],
      ['当前有效性', validity],
    ],
    body: bodyBlocks(doc.body_html),
    baseName: safeFileName(doc.title),
  };
}

// ── .docx ────────────────────────────────────────────────────────────────────────────────────────────

const FONT = 'FangSong';
const run = (text: string, bold = false, size = 28) => new TextRun({ text, bold, font: FONT, size });

/** The .docx: centred title, the metadata as a two-column table, then the body. */
export async function buildLibraryDocx(d: LibraryDownload): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [run(text, bold, 24)] })] });
  const table = (rows: string[][], headerRow = false) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (r, i) =>
          new TableRow({
            children: r.map((c, j) => cell(c, (headerRow && i === 0) || (!headerRow && j === 0))),
          }),
      ),
    });
  const body = d.body.map((b) =>
    b.type === 'table'
      ? table(b.rows, true)
      : new Paragraph({
          ...(b.heading ? { alignment: AlignmentType.CENTER } : { indent: { firstLine: 560 } }),
          children: [run(b.text, b.heading)],
        }),
  );
  const document = new Document({
    title: d.title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.title, true, 36)] }),
          table(d.metadata),
          new Paragraph({ children: [] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ── PDF ──────────────────────────────────────────────────────────────────────────────────────────────

// The CJK font finder moved to lib/ (the annual report's PDF uses it too); re-exported for this module.
export { type CjkFont, findCjkFont } from '../../lib/cjk-font.ts';

/** The PDF (A4, the font subset embedded): title, metadata lines, body paragraphs, tables as rows. */
export function buildLibraryPdf(d: LibraryDownload, font: CjkFont): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 64, info: { Title: d.title }, autoFirstPage: true });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    if (font.face) pdf.font(font.path, font.face);
    else pdf.font(font.path);
    pdf.fontSize(18).text(d.title, { align: 'center' }).moveDown();
    pdf.fontSize(11);
    for (const [label, value] of d.metadata) pdf.text(`${label}：${value}`);
    pdf.moveDown();
    for (const b of d.body) {
      if (b.type === 'paragraph') {
        pdf
          .fontSize(b.heading ? 14 : 12)
          .text(b.text, { align: b.heading ? 'center' : 'left', indent: b.heading ? 0 : 24 });
        pdf.moveDown(0.4);
      } else {
        pdf.fontSize(10);
        for (const r of b.rows) pdf.text(r.join(' ｜ '));
        pdf.moveDown(0.4);
      }
    }
    pdf.end();
  });
}
