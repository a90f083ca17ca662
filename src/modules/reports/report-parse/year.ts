/**
 * The report's year: from its title (…2023年政府信息公开工作年度报告, 2022年度…), else the statistics period
 * (2023年1月1日至2023年12月31日), else a year-end date (截至2023年12月31日), else the year that opens
 * 一、总体情况 ("2024年,东漖街道…"). Otherwise null. The publication date is never the report's year.
 */
const YEAR = '((?:19|20)\\d{2})';
const TITLE = new RegExp(
  `${YEAR}\\s*年度?[^。,;\\n]{0,24}?(?:信息公开|政务公开)[^。,;\\n]{0,12}?(?:(?:年度)?报告|年报)`,
);
const PERIOD = new RegExp(
  `${YEAR}年\\s*1\\s*月\\s*1\\s*日(?:起)?\\s*(?:至|到|-|—|~)\\s*(?:${YEAR}年)?\\s*12\\s*月\\s*31\\s*日`,
);
const YEAR_END = new RegExp(`(?:截至|截止|截止到|截至到)\\s*${YEAR}年\\s*12\\s*月\\s*31\\s*日`);
const OPENING = new RegExp(`^${YEAR}年`);
// "政府信息公开工作年度报告（2023年）": the year in brackets after the title words (a date on the next
// line is the publication date, not the year).
const TITLE_AFTER = new RegExp(
  `(?:信息公开|政务公开)[^。,;\\n]{0,12}?(?:年度)?(?:报告|年报)[ \\t]*\\([ \\t]*${YEAR}[ \\t]*年?度?[ \\t]*\\)`,
);
const CN_DIGITS: Record<string, string> = {
  〇: '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** "二〇二三年" → "2023年". */
function arabicYears(text: string): string {
  return text.replace(/([〇零一二三四五六七八九]{4})(?=年)/g, (y) =>
    [...y].map((c) => CN_DIGITS[c]).join(''),
  );
}
const FIRST_LINES = 15;

/** The year the report is about, or null. */
export function readYear(lines: string[]): number | null {
  const head = arabicYears(lines.slice(0, FIRST_LINES).join('\n'));
  const title = TITLE.exec(head) ?? TITLE_AFTER.exec(head);
  if (title) return Number(title[1]);
  const text = lines.join('\n');
  const period = PERIOD.exec(text);
  if (period && (period[2] === undefined || period[2] === period[1])) return Number(period[1]);
  const end = YEAR_END.exec(text);
  if (end) return Number(end[1]);
  const overview = lines.findIndex((l) => /^一\s*[、.]\s*总体情况/.test(l.trim()));
  if (overview !== -1) {
    for (const line of lines.slice(overview + 1, overview + 4)) {
      const m = OPENING.exec(line.trim());
      if (m) return Number(m[1]);
    }
  }
  return null;
}
