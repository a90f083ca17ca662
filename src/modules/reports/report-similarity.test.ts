import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_SETTINGS } from './report-checks.model.ts';
import { filledSections } from './report-checks.test-figures.ts';
import {
  findSimilarParagraphs,
  normaliseForSimilarity,
  splitParagraphs,
  textSimilarity,
} from './report-similarity.ts';

// Paragraphs of real published reports, verbatim from shared/corpus/annual-reports/.
const CHANGCHUN_2023 = // changchun-tyjrswj-2023.txt, 一、总体情况 (二)
  '(二)依申请公开工作情况。我局高度重视依申请公开事项的答复,严格依法依规做好政府信息依申请公开答复,由专人负责协调有关处室研究答复意见,并按照规定程序,在规定时限内答复申请人。本年度,共受理政府信息公开申请2件,都在法定期限内予以答复。';
const FUGU_2022 = // fugu-xzfb-2022-prose.txt, the report's opening
  '本报告根据《中华人民共和国政府信息公开条例》规定编制。全文包括总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项6个部分。报告中所列数据统计期限为2022年1月1日至2022年12月31日。报告电子版通过府谷县人民政府网站(www.fg.gov.cn)全文公开。';
const HEJIANG_2022 = // hejiang-2022-prose.txt, the report's opening: the same template plus a contact sentence
  '本报告根据《中华人民共和国政府信息公开条例》规定编制。全文包括总体情况,主动公开政府信息情况,收到和处理政府信息公开申请情况,政府信息公开行政复议、行政诉讼情况,存在的主要问题及改进情况,其他需要报告的事项6个部分。报告中所列数据统计期为2022年1月1日至2022年12月31日。报告电子版通过合江县人民政府门户网站(www.hejiang.gov.cn)全文公开。如有疑问,请与合江县人民政府信息公开办公室联系(地址:合江县符阳街道少岷南路329号党政大楼五楼县政府信息公开办公室;邮编:646200;联系电话:0830-5269802)。';
const DONGJIAO_2024 = // dongjiao-jd-2024-prose.txt, 一、总体情况
  '2024年,东漖街道坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大和二十届二中、三中全会精神,认真贯彻落实《中华人民共和国政府信息公开条例》和省、市、区政府关于新时代政务公开工作要求,扎实做好政务公开工作,积极主动公开与公众密切相关的重大事项方面信息,切实保障人民群众依法获取政府信息。';
const BAICHENG_2025 = // baicheng-2025-prose.txt, 一、总体情况
  '2025年,全市各级行政机关坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大和二十届历次全会精神,认真落实党中央、国务院决策部署和省市党委、政府工作要求,不断提升政府信息公开质量与实效,以高质量公开服务推动经济社会高质量发展。';
const HUAIHUA_2022_TRADITIONAL = // huaihua-county-2022-trad-mojibake.txt (a mirror in traditional characters)
  '(一)主動公開情況。按照“公開為常態,不公開為例外”的原則,我縣加強政府信息主動公開工作,做到應公開盡公開。我縣共發布轉載信息3886條,政府規范性文件5條,政策解讀20條。優化政策解讀方式,在圖文與音頻解讀的基礎上,增加了H5等解讀形式,拓展了解讀渠道。';
// The same paragraph as the county itself published it, in simplified characters, a year later.
const HUAIHUA_NEXT_YEAR_SIMPLIFIED =
  '(一)主动公开情况。按照“公开为常态,不公开为例外”的原则,我县加强政府信息主动公开工作,做到应公开尽公开。我县共发布转载信息4012条,政府规范性文件3条,政策解读26条。优化政策解读方式,在图文与音频解读的基础上,增加了H5等解读形式,拓展了解读渠道。';
const TONGJIJU_2023 = // district-tongjiju-2023-cellperline.txt, the report's opening
  '根据《中华人民共和国政府信息公开条例》规定,现公布区统计局2023年政府信息公开工作年度报告。本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在问题及改进情况、其他需要报告的事项等六部分组成。';
const BAICHENG_2025_OPENING = // baicheng-2025-prose.txt, the report's opening
  '根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,现公布白城市人民政府2025年政府信息公开工作年度报告。本报告由总体情况、行政机关主动公开政府信息情况、行政机关收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议或提起行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项共六个部分组成。本报告中所列数据统计期限为2025年1月1日至12月31日。';
// CHANGCHUN_2023 rewritten by hand for the next year: the same subject in new words and new facts.
const CHANGCHUN_REWRITTEN =
  '(二)依申请公开工作情况。今年我局修订了依申请公开办理规程,在门户网站增设网上申请入口,申请登记、转办、答复全程留痕。全年共受理政府信息公开申请5件,其中予以公开3件、无法提供2件,均在法定期限内答复,未发生行政复议和行政诉讼。';

const threshold = DEFAULT_CHECK_SETTINGS.similarityThreshold;

describe('textSimilarity on real report text', () => {
  it('finds last year’s paragraph with this year’s numbers and year', () => {
    const copied = CHANGCHUN_2023.replace('2件', '5件').replace('本年度', '2024年');
    expect(textSimilarity(copied, CHANGCHUN_2023)).toBeGreaterThanOrEqual(threshold);
  });

  it('finds a paragraph copied and lengthened by a sentence', () => {
    expect(textSimilarity(HEJIANG_2022, FUGU_2022)).toBeGreaterThanOrEqual(threshold);
  });

  it('does not find a paragraph rewritten about the same subject', () => {
    expect(textSimilarity(CHANGCHUN_REWRITTEN, CHANGCHUN_2023)).toBeLessThan(threshold);
  });

  it('finds last year’s paragraph read from a mirror in traditional characters', () => {
    expect(textSimilarity(HUAIHUA_NEXT_YEAR_SIMPLIFIED, HUAIHUA_2022_TRADITIONAL)).toBeGreaterThanOrEqual(
      threshold,
    );
  });

  it('does not find two years’ openings written on one template by two units, each in its own words', () => {
    // Alike (the template's sentence frame) but neither repeats the other: the default sits above them.
    expect(textSimilarity(BAICHENG_2025_OPENING, TONGJIJU_2023)).toBeLessThan(threshold);
    expect(textSimilarity(BAICHENG_2025_OPENING, TONGJIJU_2023)).toBeGreaterThan(
      textSimilarity(CHANGCHUN_REWRITTEN, CHANGCHUN_2023),
    );
  });

  it('does not find two years’ openings that share only the political formula', () => {
    expect(textSimilarity(BAICHENG_2025, DONGJIAO_2024)).toBeLessThan(threshold);
  });
});

describe('normaliseForSimilarity', () => {
  it('masks numbers and years (Arabic and Chinese numerals) and drops punctuation and width', () => {
    expect(normaliseForSimilarity('２０２４年，共受理申请12件（增长3.5%）。')).toBe('#年共受理申请#件增长#');
    expect(normaliseForSimilarity('二〇二四年以来，一事一申请')).toBe('#年以来一事一申请');
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines, as the renderers do', () => {
    expect(splitParagraphs('第一段\n仍是第一段\n\n  \n第二段\n \n第三段\n')).toEqual([
      '第一段\n仍是第一段',
      '第二段',
      '第三段',
    ]);
  });
});

describe('findSimilarParagraphs', () => {
  const options = { threshold, minLength: DEFAULT_CHECK_SETTINGS.similarityMinLength };
  const lastYear = {
    ...filledSections(),
    overview: `（一）主动公开情况\n\n${FUGU_2022}\n\n${CHANGCHUN_2023}`,
  };

  it('names this year’s paragraph and last year’s, in the same section', () => {
    const thisYear = {
      ...filledSections(),
      overview: `（一）主动公开情况\n\n${CHANGCHUN_REWRITTEN}\n\n${CHANGCHUN_2023.replace('2件', '7件')}`,
    };
    const found = findSimilarParagraphs(thisYear, lastYear, options);
    const overview = found.filter((p) => p.section === 'overview');
    expect(overview).toEqual([{ section: 'overview', index: 2, previousIndex: 2, similarity: 1 }]);
  });

  it('ignores short paragraphs such as headings, which repeat every year', () => {
    const thisYear = { ...filledSections(), overview: '（一）主动公开情况\n\n今年另写。' };
    expect(
      findSimilarParagraphs(thisYear, lastYear, options).filter((p) => p.section === 'overview'),
    ).toEqual([]);
  });

  it('does not compare a paragraph with another section of last year', () => {
    const thisYear = { ...filledSections(), overview: '', problems: CHANGCHUN_2023 };
    expect(
      findSimilarParagraphs(thisYear, lastYear, options).filter((p) => p.section === 'problems'),
    ).toEqual([]);
  });
});
