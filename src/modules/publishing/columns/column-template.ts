/**
 * The 政府信息公开 section every unit gets when it is created (issue 3 §1): data, not code.
 * Names of the statutory sub-columns abbreviate the items of 条例 第二十条 and 第二十一条 (2019 revision).
 */
import type { ColumnKind, UpdateCycle } from './column.model.ts';

/** One column of the template; `children` become sub-columns. `key` is stable and persisted. */
export interface TemplateColumn {
  key: string;
  name: string;
  kind: ColumnKind;
  cycle: UpdateCycle;
  children?: readonly TemplateColumn[];
}

const item = (key: string, name: string, cycle: UpdateCycle = 'realtime'): TemplateColumn => ({
  key,
  name,
  kind: 'list',
  cycle,
});

/** 条例 第二十条: the fifteen items every administrative organ discloses proactively. */
export const ARTICLE_20_ITEMS: readonly TemplateColumn[] = [
  item('art20_01', '行政法规、规章和规范性文件'),
  item('art20_02', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名', 'as_needed'),
  item('art20_03', '国民经济和社会发展规划、专项规划、区域规划及相关政策', 'as_needed'),
  item('art20_04', '国民经济和社会发展统计信息', 'monthly'),
  item('art20_05', '行政许可和其他对外管理服务事项的依据、条件、程序及办理结果'),
  item('art20_06', '行政处罚、行政强制的依据、条件、程序及有一定社会影响的行政处罚决定'),
  item('art20_07', '财政预算、决算信息', 'yearly'),
  item('art20_08', '行政事业性收费项目及其依据、标准', 'as_needed'),
  item('art20_09', '政府集中采购项目的目录、标准及实施情况'),
  item('art20_10', '重大建设项目的批准和实施情况'),
  item('art20_11', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'),
  item('art20_12', '突发公共事件的应急预案、预警信息及应对情况'),
  item('art20_13', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'),
  item('art20_14', '公务员招考的职位、名额、报考条件等事项以及录用结果'),
  item('art20_15', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息', 'as_needed'),
];

/** 条例 第二十一条 (first half): further items of 设区的市级、县级人民政府及其部门. */
export const ARTICLE_21_COUNTY_ITEMS: readonly TemplateColumn[] = [
  item('art21_city_construction', '市政建设'),
  item('art21_public_service', '公共服务'),
  item('art21_public_welfare', '公益事业'),
  item('art21_land_expropriation', '土地征收'),
  item('art21_housing_expropriation', '房屋征收'),
  item('art21_public_security', '治安管理'),
  item('art21_social_assistance', '社会救助'),
];

/** 条例 第二十一条 (second half): further items of 乡（镇）人民政府. */
export const ARTICLE_21_TOWNSHIP_ITEMS: readonly TemplateColumn[] = [
  item('art21_rural_policy', '贯彻落实农业农村政策'),
  item('art21_irrigation', '农田水利工程建设运营'),
  item('art21_land_transfer', '农村土地承包经营权流转'),
  item('art21_homestead', '宅基地使用情况审核'),
  item('art21_land_expropriation', '土地征收'),
  item('art21_housing_expropriation', '房屋征收'),
  item('art21_fundraising', '筹资筹劳'),
  item('art21_social_assistance', '社会救助'),
];

/**
 * Unit kinds that get the county-level 第二十一条 items. The unit tree does not record the administrative
 * level, so every 人民政府 and 部门 is treated as county level (the deployments this serves are counties).
 */
const COUNTY_LEVEL_KINDS: readonly string[] = ['government', 'department'];
/** Unit kinds that get the township 第二十一条 items. */
const TOWNSHIP_KINDS: readonly string[] = ['township'];

/** Template key of the 法定主动公开内容 column (parent of the statutory items). */
const STATUTORY_COLUMN_KEY = 'statutory';

/** The template for a unit of the given kind, in display order. */
export function disclosureTemplate(unitKind: string): TemplateColumn[] {
  const art21 = COUNTY_LEVEL_KINDS.includes(unitKind)
    ? ARTICLE_21_COUNTY_ITEMS
    : TOWNSHIP_KINDS.includes(unitKind)
      ? ARTICLE_21_TOWNSHIP_ITEMS
      : [];
  return [
    // 条例 第十二条: the 指南 is a single page generated from the unit's data.
    { key: 'guide', name: '政府信息公开指南', kind: 'page', cycle: 'as_needed' },
    { key: 'rules', name: '政府信息公开制度', kind: 'list', cycle: 'as_needed' },
    {
      key: STATUTORY_COLUMN_KEY,
      name: '法定主动公开内容',
      kind: 'list',
      cycle: 'realtime',
      children: [...ARTICLE_20_ITEMS, ...art21],
    },
    // 政策解读 (国办发〔2016〕80号 三同步; regulations §6): the 解读 of the unit's policies (module policies).
    { key: 'policy_interpretation', name: '政策解读', kind: 'list', cycle: 'realtime' },
    // 条例 第五十条: annual reports.
    { key: 'annual_report', name: '政府信息公开年报', kind: 'list', cycle: 'yearly' },
    { key: 'on_request', name: '依申请公开', kind: 'page', cycle: 'as_needed' },
  ];
}
