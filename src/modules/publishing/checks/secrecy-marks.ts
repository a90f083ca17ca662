import { excerptAround, foldForScan, type RawFinding, type ScannedText } from './finding.ts';

/**
 * 密级 marks. A classified document carries its 密级 and 保密期限 at the top left, e.g. 机密★1年, 秘密★,
 * 绝密★长期 (GB/T 9704-2012 §7.2.2, 保守国家秘密法 第二十条). Ordinary public texts mention the words
 * (保守国家秘密, 工作秘密, 秘密、机密、绝密三级), so a bare word is never flagged: only a mark form is —
 * a level followed by ★, a labelled 密级, a line holding nothing but a level, or 内部资料 注意保存 notices.
 */

/** The 密级 of 保守国家秘密法 第十三条 plus 内部 (internal, not a state secret, still not for publication). */
const SECRECY_LEVELS = ['绝密', '机密', '秘密', '内部'] as const;

/** The three levels of a state secret; 内部 appears only as a labelled level or a notice (below). */
const LEVEL = `(?:${SECRECY_LEVELS.slice(0, 3).join('|')})`;
/** A level then ★ (or its stand-ins ☆ * ＊, folded to *) and an optional period: 机密★1年, 秘密★, 绝密★长期. */
const STAR_MARK = new RegExp(`${LEVEL}\\s*[★☆*]\\s*(?:\\d+\\s*(?:年|个月|月)|长期)?`, 'gu');
/** A labelled level: 密级：秘密, 密级: 内部. */
const LABELLED = /密\s*级\s*:\s*(?:绝密|机密|秘密|内部)/gu;
/** 内部资料 注意保存 and similar notices. */
const INTERNAL_NOTICE =
  /内部(?:资料|文件|材料|刊物|参考)?[\s，,、。.]*(?:注意保存|妥善保管|请勿外传|不得外传|严禁外传|不得公开)/gu;
/** A line (or the whole title) consisting of a level alone, possibly bracketed: 秘密, 【内部】, 内部资料. */
const LEVEL_LINE = /^[\s【〔[(]*(?:绝密|机密|秘密|内部(?:资料|文件|材料|刊物)?)[\s】〕\])]*$/gmu;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [STAR_MARK, '含有密级标志'],
  [LABELLED, '含有密级标注'],
  [INTERNAL_NOTICE, '含有“内部资料”类标注'],
  [LEVEL_LINE, '含有单独成行的密级或“内部”字样'],
];

/** Finds 密级 marks in the given texts. */
export function checkSecrecyMarks(texts: readonly ScannedText[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { location, text } of texts) {
    const folded = foldForScan(text);
    for (const [pattern, message] of PATTERNS) {
      for (const m of folded.matchAll(pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        const excerpt = excerptAround(text, start, end).trim();
        findings.push({
          message: `${message}：${text.slice(start, end).trim()}，涉密或内部信息不得公开`,
          excerpt,
          location,
        });
      }
    }
  }
  return findings;
}
