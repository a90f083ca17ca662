/** The section headings (一、… / （一）…) above a table row, kept as a path like the prose sections. */
import { type Marker, parseMarker } from './numbering.ts';

const RANK: Partial<Record<Marker['style'], number>> = { chapter: 0, 'cn-paren': 1, arabic: 2 };

/** A stack of headings: a new heading replaces those of its own level and below. */
export class HeadingPath {
  private readonly stack: { rank: number; text: string }[] = [];

  /** Records a heading line; lines without a chapter or （一） marker are ignored. */
  push(line: string): void {
    const marker = parseMarker(line);
    const rank = marker ? RANK[marker.style] : undefined;
    if (!marker || rank === undefined) return;
    while ((this.stack.at(-1)?.rank ?? -1) >= rank) this.stack.pop();
    this.stack.push({ rank, text: marker.rest });
  }

  /** The heading texts, outermost first. */
  texts(): string[] {
    return this.stack.map((h) => h.text);
  }
}
