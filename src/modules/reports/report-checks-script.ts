/**
 * Traditional characters back to simplified before the text checks compare or match anything: last
 * year's report imported from a third-party mirror may be in traditional characters (as
 * shared/corpus/annual-reports/huaihua-county-2022-trad-mojibake is). OpenCC, as docs/adr/0008.
 */
import * as OpenCC from 'opencc-js/t2cn';

// Traditional forms that report text cannot avoid (公開, 數量, 條例, 處理, 總計, 辦理, 縣, 區, 項 …). Text
// without any of them is taken as simplified and not converted: the checks run for every unit's report
// on the dashboard, and simplified text, nearly all of it, should not pay for the dictionaries.
const TRADITIONAL_HINT = /[開數條處總辦縣區鄉鎮項與對體國會經發關應實這個們時來業務點級製購額報請據]/;

let converter: ((text: string) => string) | null = null;

/** The text in simplified characters (unchanged when it shows no traditional character). */
export function toSimplified(text: string): string {
  if (!TRADITIONAL_HINT.test(text)) return text;
  // Built on first use: loading the dictionaries takes about 0.1 s.
  const convert = converter ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  converter = convert;
  return convert(text);
}
