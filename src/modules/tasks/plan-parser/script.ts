/**
 * Writing-system clean-up before parsing: third-party mirrors of government pages convert them to
 * traditional characters (縣政府, 牽頭, with conversion slips such as 全麵) and some insert the pinyin of
 * a character after it ("區(qū)", "鄉(xiāng)鎮(zhèn)"). Units and dates can only be read once the text is
 * simplified again and the pinyin is gone. The conversion uses OpenCC (docs/adr/0008).
 */
import { toSimplified } from '../../../lib/chinese-script.ts';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
const PINYIN_LETTERS = `a-zü${TONED}`;
// "(qū)" right after a CJK character: a syllable with at least one tone mark.
const PINYIN = new RegExp(
  `(?<=[\\u4e00-\\u9fff])\\((?=[${PINYIN_LETTERS}]*[${TONED}])[${PINYIN_LETTERS}]{1,7}\\)`,
  'g',
);
// A syllable cut off by the end of a stored excerpt: "各縣(市、區(q".
const CUT_PINYIN = new RegExp(`(?<=[\\u4e00-\\u9fff])\\([${PINYIN_LETTERS}]{0,6}$`, 'gm');
// "2023年3月31日? ?": non-breaking spaces turned into question marks by a wrong encoding.
const MOJIBAKE_TAIL = /(?<=[\u4e00-\u9fff\d])(?:[ \u00a0]*\?)+[ \u00a0]*$/gm;
// Below this many changed characters a text is taken as simplified (a stray 乾 or 後 is not a mirror).
const MIN_TRADITIONAL = 3;

function changedCharacters(a: string, b: string): number {
  let count = 0;
  for (let i = 0; i < a.length && i < b.length; i++) if (a[i] !== b[i]) count++;
  return count;
}

/** The text in simplified characters without pinyin noise, with Chinese notes on what was repaired. */
export function normaliseScript(text: string): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  let result = text;
  if (PINYIN.test(result)) {
    result = result.replace(PINYIN, '').replace(CUT_PINYIN, '');
    warnings.push('原文字符后夹有拼音（如“区(qū)”），已删除');
  }
  PINYIN.lastIndex = 0;
  result = result.replace(MOJIBAKE_TAIL, '');
  const simplified = toSimplified(result);
  if (changedCharacters(result, simplified) >= MIN_TRADITIONAL) {
    result = simplified;
    warnings.push('原文为繁体字，已转换为简体后识别');
  }
  return { text: result, warnings };
}
