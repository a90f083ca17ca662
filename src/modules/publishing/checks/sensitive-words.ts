/**
 * Starter list of the sensitive-word check (editable by the 政务公开管理员 on the check settings page, which
 * replaces it). Purpose: catch expressions a government text must not use, so a reviewer looks at them
 * before publication — a finding is a question, not a verdict (the default severity is 'warn').
 *
 * Source: 新华社《新闻报道中的禁用词和慎用词》(2016 年 7 月修订), the reference the state media and most
 * government website style guides follow, limited to entries that are unambiguous as plain substrings in
 * Chinese government texts:
 * - wrong names for China's territory and the other side of the Strait (use 台湾地区领导人, 台湾当局, 朝鲜, 韩国);
 * - demeaning words for people with disabilities (use 残疾人, 盲人, 聋人, 智力障碍者);
 * - 满清 (use 清朝).
 * Left out on purpose: pairings such as 中港 / 中澳 (中澳 also means China–Australia) and words that are
 * correct in other senses, which would only train reviewers to ignore the check.
 * Local lists (e.g. a province's 政务新媒体 rules) are added on the settings page.
 */
export const DEFAULT_SENSITIVE_WORDS: readonly string[] = [
  '中华民国',
  '台湾国',
  '台湾政府',
  '台湾总统',
  '台湾总统府',
  '台湾行政院',
  '北朝鲜',
  '南朝鲜',
  '北韩',
  '满清',
  '残废人',
  '瞎子',
  '聋子',
  '傻子',
  '弱智',
  '独眼龙',
];
