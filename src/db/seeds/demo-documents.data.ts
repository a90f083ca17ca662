/** Texts of the demo 政府信息 (demo-documents.ts): document templates, 专题专栏 and the five seed notices. */
import type { ColumnInput } from '../../modules/publishing/columns/column.model.ts';

export interface DemoTemplate {
  /** `{unit}` short name, `{year}` and `{n}` are filled in. */
  title: string;
  genre: string;
  topic: string;
  /** Template key of the statutory column it belongs in. */
  column: string;
  /** Name of a 专题专栏 it also appears in. */
  special?: string;
  /** 机关代字 after 示 (示政办发 …). */
  code: string;
  keywords: string[];
  summary: string;
  body: string[];
  /**
   * A 规范性文件-like text that carries 有效性 (regulations §6): published 有效 with its 施行日期; when the same
   * unit later issues the next one, the earlier is marked with this value (annual notices 失效, replaced
   * measures 废止, revised rules 已修改). `lapsesAfterDays`: a temporary measure is 失效 after that long.
   */
  succeededAs?: 'expired' | 'repealed' | 'amended';
  lapsesAfterDays?: number;
}

/** 专题专栏 of the county government (names from the seeds). */
export const DEMO_TOPIC_COLUMNS: {
  name: string;
  kind: ColumnInput['kind'];
  updateCycle: ColumnInput['updateCycle'];
  externalUrl?: string;
}[] = [
  { name: '优化营商环境', kind: 'list', updateCycle: 'monthly' },
  { name: '减税降费', kind: 'list', updateCycle: 'monthly' },
  { name: '乡村振兴', kind: 'list', updateCycle: 'monthly' },
  { name: '双随机、一公开', kind: 'list', updateCycle: 'monthly' },
  { name: '疫情防控', kind: 'list', updateCycle: 'as_needed' },
  { name: '十四五规划', kind: 'list', updateCycle: 'yearly' },
  { name: '政府常务会议', kind: 'list', updateCycle: 'monthly' },
  { name: '政务公开工作', kind: 'list', updateCycle: 'quarterly' },
  { name: '政务公开主题日', kind: 'list', updateCycle: 'yearly' },
  {
    name: '湖南政务服务网',
    kind: 'link',
    updateCycle: 'as_needed',
    externalUrl: 'https://zwfw-new.hunan.gov.cn/',
  },
];

const t = (x: DemoTemplate) => x;

export const DEMO_TEMPLATES: readonly DemoTemplate[] = [
  t({
    title: '关于做好{year}年农村最低生活保障工作的通知',
    succeededAs: 'expired',
    genre: '通知',
    topic: '民政、扶贫、救灾',
    column: 'art20_11',
    special: '乡村振兴',
    code: '民发',
    keywords: ['低保', '社会救助', '农村'],
    summary: '部署本年度农村低保对象认定、动态管理和资金发放工作。',
    body: [
      '为切实保障农村困难群众基本生活，现就做好农村最低生活保障（低保）工作通知如下。',
      '一、严格认定条件。共同生活的家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定的，可申请低保。',
      '二、规范审核确认。乡镇人民政府（街道办事处）负责受理和审核，县民政局负责确认，审核确认结果在村（居）务公开栏公示。',
      '三、落实动态管理。对低保对象实行分类管理，定期核查家庭收入和财产变化，做到应保尽保、应退尽退。',
    ],
  }),
  t({
    title: '{unit}关于印发《{year}年乡村振兴重点工作任务》的通知',
    genre: '通知',
    topic: '农业、林业、水利',
    column: 'art20_03',
    special: '乡村振兴',
    code: '政办发',
    keywords: ['乡村振兴', '衔接资金', '产业发展'],
    summary: '印发本年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接重点任务。',
    body: [
      '现将《{year}年乡村振兴重点工作任务》印发给你们，请结合实际认真贯彻落实。',
      '全面推进乡村振兴，守住不发生规模性返贫底线，加强衔接资金项目管理，发展壮大特色产业，建设宜居宜业和美乡村。',
      '各责任单位要按月报送工作进展，衔接资金项目安排和使用情况按规定公开公示。',
    ],
  }),
  t({
    title: '{unit}{year}年政府信息公开工作年度报告',
    genre: '其他',
    topic: '综合政务',
    column: 'annual_report',
    code: '',
    keywords: ['政府信息公开', '年度报告'],
    summary: '按照条例第五十条要求公布上一年度政府信息公开工作情况。',
    body: [
      '本报告根据《中华人民共和国政府信息公开条例》第五十条和国务院办公厅政府信息公开年度报告格式要求编制。',
      '一、总体情况。本年度主动公开政府信息，依申请公开办理及时规范，政府信息管理和平台建设持续加强。',
      '二、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开工作被申请行政复议和提起行政诉讼情况详见附表。',
      '三、存在的主要问题及改进情况。',
    ],
  }),
  t({
    title: '关于{year}年度部门预算公开的说明（第{n}号）',
    genre: '其他',
    topic: '财政、金融、审计',
    column: 'art20_07',
    code: '',
    keywords: ['预算', '三公经费', '财政'],
    summary: '公开本年度部门收支预算、“三公”经费预算及绩效目标。',
    body: [
      '根据《中华人民共和国预算法》和财政部有关规定，现将本单位本年度部门预算公开如下。',
      '一、收支预算总体情况。二、一般公共预算支出情况。三、“三公”经费预算情况。四、政府采购预算情况。五、绩效目标设置情况。',
    ],
  }),
  t({
    title: '关于进一步优化营商环境的若干措施',
    succeededAs: 'repealed',
    genre: '意见',
    topic: '商贸、海关、旅游',
    column: 'art20_01',
    special: '优化营商环境',
    code: '政发',
    keywords: ['优化营商环境', '一件事一次办', '政务服务'],
    summary: '提出深化“放管服”改革、推进“一件事一次办”的具体措施。',
    body: [
      '为持续优化营商环境，激发市场主体活力，结合本地实际，提出如下措施。',
      '一、深化“一件事一次办”改革，企业开办全程网办，一个工作日内办结。',
      '二、推行涉企经营许可“证照分离”改革，清理规范行政审批中介服务。',
      '三、建立政企沟通机制，及时回应企业诉求，依法保护市场主体合法权益。',
    ],
  }),
  t({
    title: '{unit}关于落实减税降费政策的通告',
    succeededAs: 'expired',
    genre: '通告',
    topic: '财政、金融、审计',
    column: 'art20_08',
    special: '减税降费',
    code: '税通',
    keywords: ['减税降费', '增值税', '小微企业'],
    summary: '宣传本年度小微企业和个体工商户减税降费政策及办理渠道。',
    body: [
      '为确保减税降费政策落地见效，现将有关事项通告如下。',
      '一、小规模纳税人增值税减免、小型微利企业所得税优惠等政策按规定执行。',
      '二、纳税人可通过电子税务局或办税服务厅办理，咨询电话 12366。',
    ],
  }),
  t({
    title: '{year}年度“双随机、一公开”抽查计划（第{n}批）',
    genre: '公告',
    topic: '市场监管、安全生产监管',
    column: 'art20_13',
    special: '双随机、一公开',
    code: '市监告',
    keywords: ['双随机、一公开', '抽查', '市场监管'],
    summary: '公布本批次随机抽查事项、对象和检查时间安排。',
    body: [
      '根据“双随机、一公开”监管工作要求，现将本批次抽查计划公告如下。',
      '抽查事项包括食品生产经营、特种设备、产品质量等；抽查对象从市场主体名录库中随机抽取，执法检查人员从执法人员名录库中随机选派。',
      '抽查结果将在抽查结束后 20 个工作日内向社会公开。',
    ],
  }),
  t({
    title: '关于做好新冠病毒感染防控工作的通知（第{n}号）',
    succeededAs: 'expired',
    lapsesAfterDays: 365,
    genre: '通知',
    topic: '卫生、体育',
    column: 'art20_12',
    special: '疫情防控',
    code: '卫发',
    keywords: ['疫情防控', '公共卫生', '疫苗接种'],
    summary: '部署重点人群健康服务和疫苗接种等防控工作。',
    body: [
      '为做好疫情防控工作，保障人民群众身体健康，现就有关事项通知如下。',
      '一、加强重点人群健康服务，做好老年人疫苗接种。二、保障医疗资源和药品供应。三、及时发布防控信息，回应社会关切。',
    ],
  }),
  t({
    title: '{unit}国民经济和社会发展第十四个五年规划实施情况中期评估报告',
    genre: '报告',
    topic: '国民经济管理、国有资产监管',
    column: 'art20_03',
    special: '十四五规划',
    code: '发改报',
    keywords: ['十四五规划', '中期评估', '发展规划'],
    summary: '评估十四五规划主要指标完成情况和重大项目进展。',
    body: [
      '按照规划实施评估要求，现将十四五规划实施情况中期评估报告公布。',
      '主要指标总体符合预期，重大建设项目有序推进，乡村振兴、生态环境保护和民生保障取得新成效。',
    ],
  }),
  t({
    title: '县人民政府第{n}次常务会议纪要',
    genre: '纪要',
    topic: '综合政务',
    column: 'art20_15',
    special: '政府常务会议',
    code: '政纪',
    keywords: ['常务会议', '政府常务会议'],
    summary: '研究部署经济运行、民生实事和安全生产等工作。',
    body: [
      '会议听取了全县经济运行情况汇报，研究了重点民生实事项目推进工作。',
      '会议强调，要抓好安全生产和防汛备汛，确保人民群众生命财产安全。',
    ],
  }),
  t({
    title: '{year}年公开招聘事业单位工作人员公告（第{n}号）',
    genre: '公告',
    topic: '劳动、人事、监察',
    column: 'art20_14',
    code: '人社告',
    keywords: ['公开招聘', '事业单位', '报名'],
    summary: '公布招聘岗位、名额、报考条件和报名方式。',
    body: [
      '根据事业单位公开招聘有关规定，现将公开招聘工作人员有关事项公告如下。',
      '一、招聘岗位和名额见附件。二、报考条件。三、报名时间和方式。四、考试和体检。五、录用结果公示。',
    ],
  }),
  t({
    title: '关于{year}年重大建设项目批准和实施情况的公示（第{n}期）',
    genre: '其他',
    topic: '城乡建设、环境保护',
    column: 'art20_10',
    code: '',
    keywords: ['重大建设项目', '项目批准'],
    summary: '公开重大建设项目的批准文件、招标投标和施工进展。',
    body: [
      '根据重大建设项目批准和实施领域政府信息公开要求，现将本期项目信息公示如下。',
      '项目名称、建设地点、批准文号、建设单位和施工进度详见附表。',
    ],
  }),
  t({
    title: '{unit}行政处罚决定信息公开（第{n}期）',
    genre: '其他',
    topic: '市场监管、安全生产监管',
    column: 'art20_06',
    code: '',
    keywords: ['行政处罚', '执法公示'],
    summary: '公开有一定社会影响的行政处罚决定。',
    body: [
      '根据行政执法公示制度要求，现将本期行政处罚决定信息公开如下。',
      '当事人对处罚决定不服的，可依法申请行政复议或提起行政诉讼。',
    ],
  }),
  t({
    title: '关于印发《{unit}政府信息公开工作制度》的通知',
    succeededAs: 'amended',
    genre: '通知',
    topic: '综合政务',
    column: 'rules',
    code: '政办发',
    keywords: ['政务公开', '保密审查', '制度'],
    summary: '规范政府信息公开的发布、保密审查和依申请公开办理流程。',
    body: [
      '为规范本单位政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。',
      '政府信息公开前应当依法依规进行保密审查，坚持“先审查、后公开”和“一事一审”原则。',
      '依申请公开应当在收到申请之日起 20 个工作日内答复。',
    ],
  }),
  t({
    title: '{year}年{n}月全县国民经济主要统计指标',
    genre: '其他',
    topic: '国民经济管理、国有资产监管',
    column: 'art20_04',
    code: '',
    keywords: ['统计信息', '经济运行'],
    summary: '发布地区生产总值、固定资产投资、社会消费品零售总额等主要指标。',
    body: ['本月全县经济运行总体平稳，主要统计指标详见附表。', '数据来源：县统计局。'],
  }),
  t({
    title: '关于发放{year}年惠民惠农财政补贴资金的公示',
    genre: '其他',
    topic: '农业、林业、水利',
    column: 'art20_11',
    special: '乡村振兴',
    code: '',
    keywords: ['惠民惠农', '财政补贴', '一卡通'],
    summary: '按“七公开”要求公示补贴政策名称、依据、对象、标准和发放情况。',
    body: [
      '根据惠民惠农财政补贴资金“一卡通”管理要求，现将本期补贴发放情况公示如下。',
      '补贴政策名称、文件依据、主管部门、资金用途、补贴对象、补助标准和政策解答电话详见附表。',
    ],
  }),
];

export interface SeedNotice {
  file: string;
  /** Body starts after the first line containing this text. */
  startsWith: string;
  title: string;
  docNumber: string | null;
  issuers: string[];
  writtenOn: string;
  publishedOn: string;
  summary: string;
}

/** The five seed notices, with 标题, 发文字号, 成文日期 and 发文机关 as printed in them. */
export const SEED_NOTICES: readonly SeedNotice[] = [
  {
    file: '001_7b2ffd6707d440fa.txt',
    startsWith: '【字体',
    title: '道县2017年政务公开工作要点',
    docNumber: null,
    issuers: ['道县人民政府办公室'],
    writtenOn: '2017-05-05',
    publishedOn: '2017-12-29',
    summary: '道县2017年政务公开工作的总体要求和围绕深化改革、促进经济发展等方面的公开任务。',
  },
  {
    file: '002_31608f0e7daf9638.txt',
    startsWith: '各市、县',
    title: '江西省人民政府办公厅关于印发2022年江西省政务公开工作要点的通知',
    docNumber: null,
    issuers: ['江西省人民政府办公厅'],
    writtenOn: '2022-05-11',
    publishedOn: '2022-05-12',
    summary: '印发《2022年江西省政务公开工作要点》，请结合实际认真贯彻落实。',
  },
  {
    file: '003_b7eafef4efe96bfa.txt',
    startsWith: '张政办发',
    title:
      '张家界市人民政府办公室关于印发《张家界市2022年政务管理服务工作要点》和《张家界市2022年政务公开工作要点》的通知',
    docNumber: '张政办发〔2022〕14号',
    issuers: ['张家界市人民政府办公室'],
    writtenOn: '2022-05-20',
    publishedOn: '2022-05-20',
    summary: '印发张家界市2022年政务管理服务工作要点和政务公开工作要点。',
  },
  {
    file: '004_1a2c1f892ceb81ac.txt',
    startsWith: '开政务公开办发',
    title: '关于印发《开福区2022年政务公开工作要点》的通知',
    docNumber: '开政务公开办发〔2022〕1号',
    issuers: ['长沙市开福区政务公开和政务服务工作领导小组办公室'],
    writtenOn: '2022-06-01',
    publishedOn: '2022-06-02',
    summary: '印发《开福区2022年政务公开工作要点》，请结合实际认真贯彻落实。',
  },
  {
    file: '000_7bfb2416ddecac10.txt',
    startsWith: '中县政务公开202210',
    title: '关于印发贯彻落实湖南省政府办公厅2022年政务公开工作要点任务分工的通知',
    docNumber: '中县政务公开202210',
    issuers: ['中方县人民政府办公室'],
    writtenOn: '2022-07-24',
    publishedOn: '2022-07-24',
    summary: '印发贯彻落实湖南省2022年政务公开工作要点的任务分工。',
  },
];
