/**
 * Seed list of commonly mistyped words in government texts (editable: the configuration replaces it).
 * Only unambiguous entries: the wrong form is not a word and is not produced by two correct neighbouring
 * words (so 按装 is left out: 按装修面积; 防犯: 预防犯罪; 部暑: 全部暑期; 既使: 既使…又…).
 */

/** A mistyped form and its correction. */
export interface TypoEntry {
  wrong: string;
  right: string;
  /** Correct longer strings containing `wrong`: an occurrence inside one of them is not reported. */
  except?: readonly string[];
}

/** The seed list. */
export const DEFAULT_TYPOS: readonly TypoEntry[] = [
  // 发布署名文章: 发布 + 署名.
  { wrong: '布署', right: '部署', except: ['布署名'] },
  { wrong: '截止目前', right: '截至目前' },
  { wrong: '再接再励', right: '再接再厉' },
  { wrong: '按步就班', right: '按部就班' },
  { wrong: '一愁莫展', right: '一筹莫展' },
  { wrong: '针贬时弊', right: '针砭时弊' },
  { wrong: '不径而走', right: '不胫而走' },
  { wrong: '因地治宜', right: '因地制宜' },
  { wrong: '一如继往', right: '一如既往' },
  { wrong: '默守成规', right: '墨守成规' },
  { wrong: '甘败下风', right: '甘拜下风' },
  { wrong: '精兵减政', right: '精兵简政' },
  { wrong: '坐谈会', right: '座谈会' },
  { wrong: '峻工', right: '竣工' },
  { wrong: '鼎立相助', right: '鼎力相助' },
  { wrong: '松驰', right: '松弛' },
  { wrong: '重迭', right: '重叠' },
  { wrong: '凭心而论', right: '平心而论' },
  { wrong: '振憾', right: '震撼' },
  { wrong: '迫在眉捷', right: '迫在眉睫' },
  { wrong: '侯选人', right: '候选人' },
  { wrong: '编篡', right: '编纂' },
  { wrong: '签定合同', right: '签订合同' },
  { wrong: '帐户', right: '账户' },
];
