/** The demo county: 示范县人民政府 with departments and townships named like the units in the seeds. */
import type { UnitInput } from '../../modules/orgs/unit.model.ts';

type DemoUnit = Partial<UnitInput> & { name: string; kind: UnitInput['kind']; children?: DemoUnit[] };

const dept = (name: string, shortName: string, functions: string): DemoUnit => ({
  name,
  shortName,
  kind: 'department',
  functions,
});

export const DEMO_COUNTY: DemoUnit = {
  name: '示范县人民政府',
  shortName: '县政府',
  kind: 'government',
  creditCode: '11430000MB1234562G',
  divisionCode: '430000',
  address: '示范县政府路 1 号',
  postcode: '410000',
  officeHours: '工作日 上午 8:00—12:00，下午 14:30—17:30（法定节假日除外）',
  phone: '0731-88880000',
  fax: '0731-88880001',
  email: 'zwgk@sfx.example.gov.cn',
  website: 'https://www.sfx.example.gov.cn',
  functions:
    '执行本级人民代表大会及其常务委员会的决议和上级国家行政机关的决定和命令，规定行政措施，发布决定和命令；领导所属各工作部门和下级人民政府的工作；管理本行政区域内的经济、教育、科学、文化、卫生、体育事业、环境和资源保护、城乡建设事业和财政、民政、公安、民族事务、司法行政、计划生育等行政工作。',
  children: [
    dept(
      '县人民政府办公室',
      '县政府办',
      '负责县政府日常工作的综合协调，承担全县政务公开工作的组织推动和督促检查，负责县政府门户网站的运行管理。',
    ),
    dept(
      '县发展和改革局',
      '县发改局',
      '拟订并组织实施全县国民经济和社会发展战略、中长期规划和年度计划；负责重大建设项目的规划、审批和信息公开；推进优化营商环境工作。',
    ),
    dept(
      '县财政局',
      '县财政局',
      '负责全县财政收支管理，编制年度预决算草案并组织执行；负责预决算公开和惠民惠农财政补贴资金“一卡通”管理。',
    ),
    dept(
      '县市场监督管理局',
      '县市场监管局',
      '负责全县市场综合监督管理、市场主体登记注册、食品药品安全监督管理，推进“双随机、一公开”监管。',
    ),
    dept('县税务局', '县税务局', '负责全县税收征收管理，落实减税降费政策，开展税收政策宣传和纳税服务。'),
    dept(
      '县卫生健康局',
      '县卫健局',
      '负责全县卫生健康事业发展规划、医疗机构管理、公共卫生和疫情防控，公开医疗卫生服务信息。',
    ),
    dept('县住房和城乡建设局', '县住建局', '负责全县住房保障、城乡建设、建筑市场监管和保障性住房信息公开。'),
    dept(
      '县乡村振兴局',
      '县乡村振兴局',
      '负责巩固拓展脱贫攻坚成果同乡村振兴有效衔接，公开衔接资金项目和帮扶政策。',
    ),
    dept(
      '县政务服务中心',
      '县政务中心',
      '负责全县政务服务事项进驻、办事指南公开、“一件事一次办”改革和12345热线运行。',
    ),
    dept('县司法局', '县司法局', '负责全县法治政府建设，承担规范性文件合法性审核、备案审查和行政复议工作。'),
    dept(
      '县人力资源和社会保障局',
      '县人社局',
      '负责全县就业创业、社会保险、人事人才工作，公开就业政策和社保待遇信息。',
    ),
    dept('县民政局', '县民政局', '负责全县社会救助、养老服务、社会组织管理，公开低保、特困供养等救助信息。'),
    dept('县教育局', '县教育局', '负责全县教育事业发展，公开义务教育招生、学校收费和教育经费信息。'),
    dept('县自然资源局', '县自然资源局', '负责全县自然资源调查、国土空间规划和用途管制，公开征地信息。'),
    dept('县生态环境局', '县生态环境局', '负责全县生态环境保护和监督执法，公开环境质量和环评审批信息。'),
    dept('县应急管理局', '县应急局', '负责全县应急管理和安全生产综合监督，公开突发事件应对信息。'),
    {
      name: '城关镇人民政府',
      shortName: '城关镇',
      kind: 'township',
      divisionCode: '430000100',
      children: [
        {
          name: '城关镇东街社区居民委员会',
          shortName: '东街社区',
          kind: 'village',
          divisionCode: '430000100001',
        },
        {
          name: '城关镇和平村村民委员会',
          shortName: '和平村',
          kind: 'village',
          divisionCode: '430000100201',
        },
      ],
    },
    { name: '新塘镇人民政府', shortName: '新塘镇', kind: 'township', divisionCode: '430000101' },
    { name: '桃花乡人民政府', shortName: '桃花乡', kind: 'township', divisionCode: '430000200' },
    { name: '石门乡人民政府', shortName: '石门乡', kind: 'township', divisionCode: '430000201' },
    { name: '河西街道办事处', shortName: '河西街道', kind: 'township', divisionCode: '430000001' },
    {
      name: '县自来水公司',
      shortName: '县水司',
      kind: 'public_enterprise',
      functions: '负责县城供水，公开水质、水价和停水信息。',
    },
  ],
};

/** Demo accounts for every role. Passwords are documented in README (demo mode only). */
export const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ACCOUNTS: { username: string; displayName: string; unit: string; role: string }[] = [
  { username: 'sysadmin', displayName: '王系统', unit: '示范县人民政府', role: 'system_admin' },
  { username: 'secadmin', displayName: '李安全', unit: '示范县人民政府', role: 'security_admin' },
  { username: 'auditor', displayName: '赵审计', unit: '示范县人民政府', role: 'auditor' },
  { username: 'gkadmin', displayName: '陈公开', unit: '示范县人民政府', role: 'disclosure_admin' },
  { username: 'clerk', displayName: '刘信息', unit: '县发展和改革局', role: 'clerk' },
  { username: 'reviewer', displayName: '周审核', unit: '县发展和改革局', role: 'reviewer' },
  { username: 'secrecy', displayName: '吴保密', unit: '县发展和改革局', role: 'confidentiality_reviewer' },
  { username: 'scjclerk', displayName: '孙信息', unit: '县市场监督管理局', role: 'clerk' },
  { username: 'czjclerk', displayName: '钱信息', unit: '县财政局', role: 'clerk' },
];
