/**
 * Traditional → simplified Chinese with OpenCC (docs/adr/0008): mirrored pages and Hong Kong / Taiwan
 * input write 營商環境, 最低生活保障 as 最低生活保障 in 繁體. Built on first use: loading the dictionaries
 * costs time that plain simplified text need not pay.
 */
import * as OpenCC from 'opencc-js/t2cn';

let converter: ((text: string) => string) | null = null;

/** `text` with traditional characters (and Taiwan phrasing variants) in simplified form. */
export function toSimplified(text: string): string {
  const convert = converter ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  converter = convert;
  return convert(text);
}
