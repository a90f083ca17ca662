/** Test helpers for Word import: .docx files built from plain text with the `docx` package (one paragraph per line). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';

/** The seed texts (test/fixtures/seeds), by their three-digit number. */
export function seedText(n: string): string {
  const dir = path.resolve(import.meta.dirname, '../fixtures/seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(`${n}_`));
  if (!file) throw new Error(`no seed ${n}`);
  return readFileSync(path.join(dir, file), 'utf8');
}

/** A .docx whose paragraphs are the lines of `text`. */
export async function docxFromText(text: string): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: text.split(/\r?\n/).map((line) => new Paragraph({ text: line })) }],
  });
  return Packer.toBuffer(doc);
}
