/**
 * User dictionary of 政务 terms for the jieba segmenter: each stays one token in queries (jieba `cut`) and is
 * added whole next to its parts when indexing (`cutForSearch`). Data, not code: add terms here.
 *
 * Terms must consist of characters jieba keeps inside one block (Han, latin, digits, + # & . _ % -); jieba
 * splits at other punctuation first. Hence 双随机、一公开 is entered as its two halves 双随机 and 一公开
 * (a query for the whole phrase then requires both).
 */
export const GOV_TERMS: readonly string[] = [
  '政务公开',
  '政府信息公开',
  '主动公开',
  '依申请公开',
  '不予公开',
  '政府信息公开指南',
  '政府信息公开年报',
  '规范性文件',
  '政策解读',
  '一件事一次办',
  '一网通办',
  '最多跑一次',
  '放管服',
  '互联网+政务服务',
  '政务服务',
  '营商环境',
  '优化营商环境',
  '双随机',
  '一公开',
  '惠民惠农',
  '惠民惠农财政补贴',
  '乡村振兴',
  '减税降费',
  '低保',
  '特困供养',
  '临时救助',
  '社会救助',
  '涉农补贴',
  '耕地地力保护补贴',
  '公共资源交易',
  '重大建设项目',
  '财政预决算',
  '义务教育',
  '疫情防控',
  '十四五规划',
  '政府常务会议',
  '政务公开主题日',
  '政务新媒体',
  '12345热线',
  '适老化',
  '基层政务公开',
  '标准目录',
  '保密审查',
];

/**
 * Frequency given to user terms: well above ordinary words (the jieba default dictionary tops out around 10⁶
 * for 的), so that `cut` prefers the whole term wherever it occurs.
 */
export const GOV_TERM_FREQUENCY = 100_000;
