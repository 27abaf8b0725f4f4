/**
 * The base demo data: the center's calendar, SLA policies, KPI targets, teams and staff,
 * handling departments, complaint categories and routing rules. Deterministic for a seed number.
 * Tickets are seeded by the tickets area (seed/tickets.ts); other areas add their own seeders.
 */
import { TICKET_KINDS, PRIORITIES, type Role } from '@cc-kit/domain';
import type { Services } from '../core/area.js';
import { Rng } from './random.js';

type Text = { en: string; 'zh-Hans': string; 'zh-Hant': string };
const t = (en: string, hans: string, hant: string): Text => ({
  en,
  'zh-Hans': hans,
  'zh-Hant': hant,
});

export const SEED_EPOCH = '2024-01-01T00:00:00.000Z';

export const TEAMS = [
  {
    id: 'team_residential',
    name: t('Residential service', '家庭客户服务组', '家庭客戶服務組'),
    queues: ['residential', 'billing'],
    cadence: 30,
  },
  {
    id: 'team_business',
    name: t('Business service', '政企客户服务组', '政企客戶服務組'),
    queues: ['business'],
    cadence: 30,
  },
  {
    id: 'team_technical',
    name: t('Technical support', '技术支持组', '技術支援組'),
    queues: ['technical', 'network'],
    cadence: 14,
  },
  {
    id: 'team_online',
    name: t('Online service', '在线服务组', '線上服務組'),
    queues: ['chat', 'social', 'email'],
    cadence: 30,
  },
] as const;

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
];
const GIVEN = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '丽',
  '强',
  '婷',
  '晨',
  '雪',
  '浩然',
  '欣怡',
  '子涵',
  '梓轩',
  '佳怡',
  '宇航',
  '思远',
  '雨桐',
];
const ENGLISH = [
  'Amy',
  'Ben',
  'Cindy',
  'David',
  'Emma',
  'Frank',
  'Grace',
  'Henry',
  'Ivy',
  'Jack',
  'Kelly',
  'Leo',
  'Mia',
  'Nick',
  'Olivia',
  'Peter',
  'Queenie',
  'Ryan',
  'Sophie',
  'Tony',
  'Vivian',
  'Wendy',
  'Yuki',
  'Zoe',
];
const ROMAN_NAMES = [
  'Li Wei',
  'Wang Fang',
  'Zhang Min',
  'Liu Yang',
  'Chen Jing',
  'Zhao Lei',
  'Huang Yan',
  'Zhou Tao',
];

const DEPARTMENTS = [
  { id: 'dept_billing', code: 'BILLING', name: t('Billing', '账务部', '帳務部') },
  {
    id: 'dept_network',
    code: 'NETWORK',
    name: t('Network operations', '网络运维部', '網路維運部'),
  },
  { id: 'dept_technical', code: 'TECH', name: t('Technical support', '技术支持部', '技術支援部') },
  {
    id: 'dept_field',
    code: 'FIELD',
    name: t('Installation and repair', '装维服务部', '裝維服務部'),
  },
  { id: 'dept_sales', code: 'SALES', name: t('Sales and marketing', '市场营销部', '行銷業務部') },
  { id: 'dept_care', code: 'CARE', name: t('Customer care', '客户关怀部', '客戶關懷部') },
  { id: 'dept_legal', code: 'LEGAL', name: t('Legal and compliance', '法务合规部', '法務合規部') },
  { id: 'dept_risk', code: 'RISK', name: t('Risk control', '风险控制部', '風險控制部') },
];

type Field = Record<string, unknown>;
const text = (key: string, label: Text, extra: Field = {}): Field => ({
  key,
  label,
  type: 'text',
  required: false,
  ...extra,
});

const CATEGORIES: {
  id: string;
  code: string;
  name: Text;
  severity: 'low' | 'medium' | 'high' | 'critical';
  department: string;
  hours: number;
  fields?: Field[];
  children?: Omit<(typeof CATEGORIES)[number], 'children'>[];
}[] = [
  {
    id: 'cat_billing',
    code: 'BILLING',
    name: t('Billing and charges', '账单与计费', '帳單與計費'),
    severity: 'medium',
    department: 'dept_billing',
    hours: 24,
    children: [
      {
        id: 'cat_billing_dispute',
        code: 'BILLING_DISPUTE',
        name: t('Disputed charge', '费用争议', '費用爭議'),
        severity: 'medium',
        department: 'dept_billing',
        hours: 24,
        fields: [
          text('invoiceNumber', t('Invoice number', '发票号码', '發票號碼'), {
            required: true,
            maxLength: 20,
            pattern: '^INV-[0-9]{6,12}$',
            help: t(
              'As printed on the bill, e.g. INV-20261101',
              '账单上的号码，例如 INV-20261101',
              '帳單上的號碼，例如 INV-20261101',
            ),
          }),
          {
            key: 'disputedAmount',
            label: t('Disputed amount (CNY)', '争议金额（元）', '爭議金額（元）'),
            type: 'number',
            required: false,
            min: 0,
            max: 1000000,
          },
        ],
      },
      {
        id: 'cat_billing_refund',
        code: 'BILLING_REFUND',
        name: t('Refund not received', '退款未到账', '退款未入帳'),
        severity: 'medium',
        department: 'dept_billing',
        hours: 24,
        fields: [
          text('invoiceNumber', t('Invoice number', '发票号码', '發票號碼'), {
            required: true,
            maxLength: 20,
            pattern: '^INV-[0-9]{6,12}$',
          }),
          {
            key: 'refundRequestedOn',
            label: t('Refund requested on', '申请退款日期', '申請退款日期'),
            type: 'date',
            required: false,
          },
        ],
      },
    ],
  },
  {
    id: 'cat_network',
    code: 'NETWORK',
    name: t('Network and signal', '网络与信号', '網路與訊號'),
    severity: 'high',
    department: 'dept_network',
    hours: 8,
    children: [
      {
        id: 'cat_network_outage',
        code: 'NETWORK_OUTAGE',
        name: t('No service', '无法使用', '無法使用'),
        severity: 'high',
        department: 'dept_network',
        hours: 4,
        fields: [
          text('location', t('Location', '故障地点', '故障地點'), {
            required: true,
            maxLength: 200,
          }),
          {
            key: 'since',
            label: t('Since', '开始日期', '開始日期'),
            type: 'date',
            required: false,
          },
        ],
      },
      {
        id: 'cat_network_speed',
        code: 'NETWORK_SPEED',
        name: t('Slow connection', '网速慢', '網速慢'),
        severity: 'medium',
        department: 'dept_network',
        hours: 8,
        fields: [
          text('location', t('Location', '所在地点', '所在地點'), {
            required: true,
            maxLength: 200,
          }),
          {
            key: 'plan',
            label: t('Plan', '套餐', '方案'),
            type: 'select',
            required: false,
            options: [
              { value: '100m', label: t('100 Mbps', '100M 宽带', '100M 寬頻') },
              { value: '500m', label: t('500 Mbps', '500M 宽带', '500M 寬頻') },
              { value: '1000m', label: t('1 Gbps', '千兆宽带', '千兆寬頻') },
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'cat_service',
    code: 'SERVICE',
    name: t('Service quality', '服务质量', '服務品質'),
    severity: 'medium',
    department: 'dept_care',
    hours: 24,
    children: [
      {
        id: 'cat_service_attitude',
        code: 'SERVICE_ATTITUDE',
        name: t('Staff attitude', '服务态度', '服務態度'),
        severity: 'medium',
        department: 'dept_care',
        hours: 24,
        fields: [
          text(
            'employeeNumber',
            t('Employee number (if known)', '工号（如知道）', '員工編號（如知道）'),
            { maxLength: 32 },
          ),
          {
            key: 'contactDate',
            label: t('Date of contact', '接触日期', '接觸日期'),
            type: 'date',
            required: false,
          },
        ],
      },
      {
        id: 'cat_service_wait',
        code: 'SERVICE_WAIT',
        name: t('Long waiting time', '等待时间过长', '等候時間過長'),
        severity: 'low',
        department: 'dept_care',
        hours: 48,
      },
    ],
  },
  {
    id: 'cat_install',
    code: 'INSTALL',
    name: t('Installation and repair', '安装与维修', '安裝與維修'),
    severity: 'medium',
    department: 'dept_field',
    hours: 24,
    children: [
      {
        id: 'cat_install_delay',
        code: 'INSTALL_DELAY',
        name: t('Missed appointment', '上门预约未履约', '到府預約未履行'),
        severity: 'medium',
        department: 'dept_field',
        hours: 12,
        fields: [
          {
            key: 'appointmentDate',
            label: t('Appointment date', '预约日期', '預約日期'),
            type: 'date',
            required: true,
          },
          text('location', t('Address area', '所在区域', '所在區域'), { maxLength: 200 }),
        ],
      },
      {
        id: 'cat_install_quality',
        code: 'INSTALL_QUALITY',
        name: t('Poor workmanship', '施工质量问题', '施工品質問題'),
        severity: 'medium',
        department: 'dept_field',
        hours: 24,
      },
    ],
  },
  {
    id: 'cat_privacy',
    code: 'PRIVACY',
    name: t('Privacy and security', '隐私与安全', '隱私與安全'),
    severity: 'high',
    department: 'dept_legal',
    hours: 8,
    children: [
      {
        id: 'cat_privacy_leak',
        code: 'PRIVACY_LEAK',
        name: t('Personal data misuse', '个人信息泄露', '個人資料外洩'),
        severity: 'critical',
        department: 'dept_legal',
        hours: 4,
      },
      {
        id: 'cat_privacy_marketing',
        code: 'PRIVACY_MARKETING',
        name: t('Unwanted marketing calls', '营销骚扰', '行銷騷擾'),
        severity: 'medium',
        department: 'dept_legal',
        hours: 24,
      },
    ],
  },
];

const ROUTING_RULES = [
  {
    id: 'rule_privacy',
    order: 10,
    category: 'cat_privacy',
    severity: null,
    channel: null,
    department: 'dept_legal',
    level: 1,
    hours: 4,
    description: t(
      'Privacy complaints go to legal, escalated',
      '隐私类投诉转法务并升级',
      '隱私類投訴轉法務並升級',
    ),
  },
  {
    id: 'rule_critical',
    order: 20,
    category: null,
    severity: 'critical',
    channel: null,
    department: 'dept_care',
    level: 2,
    hours: 2,
    description: t(
      'Critical complaints go to customer care at level 2',
      '严重投诉由客户关怀部二级处理',
      '嚴重投訴由客戶關懷部二級處理',
    ),
  },
  {
    id: 'rule_billing_high',
    order: 30,
    category: 'cat_billing_dispute',
    severity: 'high',
    channel: null,
    department: 'dept_billing',
    level: 1,
    hours: 8,
    description: t('High-severity billing disputes', '高严重度费用争议', '高嚴重度費用爭議'),
  },
  {
    id: 'rule_network_social',
    order: 40,
    category: 'cat_network',
    severity: null,
    channel: 'social',
    department: 'dept_network',
    level: 1,
    hours: 4,
    description: t(
      'Network complaints raised on social media',
      '社交媒体上的网络投诉',
      '社群媒體上的網路投訴',
    ),
  },
  {
    id: 'rule_outage',
    order: 50,
    category: 'cat_network_outage',
    severity: null,
    channel: null,
    department: 'dept_network',
    level: 0,
    hours: null,
    description: t('Outages to network operations', '网络故障转网络运维部', '網路故障轉網路維運部'),
  },
  {
    id: 'rule_service',
    order: 60,
    category: 'cat_service',
    severity: null,
    channel: null,
    department: 'dept_care',
    level: 0,
    hours: null,
    description: t(
      'Service quality to customer care',
      '服务质量转客户关怀部',
      '服務品質轉客戶關懷部',
    ),
  },
  {
    id: 'rule_install',
    order: 70,
    category: 'cat_install',
    severity: null,
    channel: null,
    department: 'dept_field',
    level: 0,
    hours: null,
    description: t(
      'Installation and repair to the field team',
      '安装维修转装维服务部',
      '安裝維修轉裝維服務部',
    ),
  },
  {
    id: 'rule_letter',
    order: 80,
    category: null,
    severity: null,
    channel: 'letter',
    department: 'dept_care',
    level: 0,
    hours: 48,
    description: t('Letters to customer care', '信函投诉转客户关怀部', '信函投訴轉客戶關懷部'),
  },
];

/** [firstResponseMinutes, resolutionMinutes] per priority: low, normal, high, urgent. */
const SLA_MINUTES: Record<string, [number, number][]> = {
  default: [
    [240, 2880],
    [120, 1440],
    [60, 720],
    [15, 240],
  ],
  general_call: [
    [240, 2880],
    [120, 1440],
    [60, 480],
    [15, 240],
  ],
  harassment_call: [
    [480, 2880],
    [240, 1440],
    [60, 480],
    [30, 240],
  ],
  work_order: [
    [480, 4320],
    [240, 2880],
    [120, 1440],
    [30, 480],
  ],
  follow_up_call: [
    [480, 2880],
    [240, 1440],
    [120, 720],
    [30, 240],
  ],
  complaint: [
    [120, 2880],
    [60, 1440],
    [30, 720],
    [15, 240],
  ],
  voicemail: [
    [240, 1440],
    [120, 720],
    [60, 360],
    [15, 120],
  ],
  qa_review_request: [
    [1440, 4320],
    [960, 2880],
    [480, 1440],
    [240, 720],
  ],
  online_response: [
    [120, 1440],
    [60, 720],
    [30, 360],
    [10, 120],
  ],
};

/** Kinds without an SLA. */
export const NO_SLA_KINDS: readonly string[] = ['praise'];

const HOLIDAYS: [string, Text][] = [];
function holidays(from: string, days: number, name: Text) {
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    HOLIDAYS.push([new Date(start + i * 86_400_000).toISOString().slice(0, 10), name]);
  }
}
holidays('2026-01-01', 3, t("New Year's Day", '元旦', '元旦'));
holidays('2026-02-15', 9, t('Spring Festival', '春节', '春節'));
holidays('2026-04-04', 3, t('Qingming Festival', '清明节', '清明節'));
holidays('2026-05-01', 5, t('Labour Day', '劳动节', '勞動節'));
holidays('2026-06-19', 3, t('Dragon Boat Festival', '端午节', '端午節'));
holidays('2026-09-25', 3, t('Mid-Autumn Festival', '中秋节', '中秋節'));
holidays('2026-10-01', 7, t('National Day', '国庆节', '國慶日'));
holidays('2027-01-01', 3, t("New Year's Day", '元旦', '元旦'));
holidays('2027-02-05', 8, t('Spring Festival', '春节', '春節'));
holidays('2027-04-03', 3, t('Qingming Festival', '清明节', '清明節'));
holidays('2027-05-01', 5, t('Labour Day', '劳动节', '勞動節'));
holidays('2027-06-09', 3, t('Dragon Boat Festival', '端午节', '端午節'));
holidays('2027-09-15', 3, t('Mid-Autumn Festival', '中秋节', '中秋節'));
holidays('2027-10-01', 7, t('National Day', '国庆节', '國慶日'));

const KPI_TARGETS: [string, number, 'higher_is_better' | 'lower_is_better', number][] = [
  ['service_level', 0.8, 'higher_is_better', 0.05],
  ['asa', 30, 'lower_is_better', 0.2],
  ['aht', 360, 'lower_is_better', 0.1],
  ['abandonment_rate', 0.05, 'lower_is_better', 0.2],
  ['fcr', 0.75, 'higher_is_better', 0.05],
  ['csat', 0.85, 'higher_is_better', 0.05],
  ['occupancy', 0.8, 'higher_is_better', 0.1],
  ['complaint_rate', 2, 'lower_is_better', 0.25],
  ['qa_average', 85, 'higher_is_better', 0.05],
];

export const AGENTS_PER_TEAM = 10;

export function seedBase(services: Services, random: () => number): void {
  const { db } = services;
  const rng = new Rng(random);
  const now = services.clock().toISOString();

  // Calendar
  db.prepare(
    `INSERT INTO business_calendar (id, time_zone, version) VALUES (1, 'Asia/Shanghai', 1)`,
  ).run();
  const hour = db.prepare(
    'INSERT INTO business_hours (position, weekday, start, end) VALUES (?, ?, ?, ?)',
  );
  for (let day = 1; day <= 5; day++) hour.run(day, day, '09:00', '18:00');
  hour.run(6, 6, '09:00', '13:00');
  const holiday = db.prepare('INSERT INTO holidays (date, name_json) VALUES (?, ?)');
  for (const [date, name] of HOLIDAYS) holiday.run(date, JSON.stringify(name));

  // SLA policies: a default per priority, then every kind with an SLA.
  const policy = db.prepare(
    `INSERT INTO sla_policies (id, kind, priority, first_response_minutes, resolution_minutes,
       business_hours, at_risk_ratio, position, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  let position = 0;
  const kinds = ['default', ...TICKET_KINDS.filter((k) => !NO_SLA_KINDS.includes(k))];
  for (const kind of kinds) {
    PRIORITIES.forEach((priority, i) => {
      const [first, resolution] = SLA_MINUTES[kind]![i]!;
      policy.run(
        `sla_${kind}_${priority}`,
        kind === 'default' ? null : kind,
        priority,
        first,
        resolution,
        priority === 'urgent' ? 0 : 1,
        0.25,
        position++,
      );
    });
  }

  // KPI targets (the KPI area reads and changes them).
  const target = db.prepare(
    'INSERT INTO kpi_targets (metric, value, direction, at_risk_margin, version) VALUES (?, ?, ?, ?, 1)',
  );
  for (const row of KPI_TARGETS) target.run(...row);

  // Departments
  const department = db.prepare(
    'INSERT INTO departments (id, code, name_json, email, active, position) VALUES (?, ?, ?, ?, 1, ?)',
  );
  DEPARTMENTS.forEach((d, i) =>
    department.run(d.id, d.code, JSON.stringify(d.name), `${d.code.toLowerCase()}@example.com`, i),
  );

  // Complaint categories, parents before their children.
  const category = db.prepare(
    `INSERT INTO complaint_categories (id, parent_id, code, name_json, description_json, default_severity,
       department_id, acknowledge_within_hours, custom_fields_json, active, sort_path)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, 1, ?)`,
  );
  CATEGORIES.forEach((parent, i) => {
    const path = String(i + 1).padStart(3, '0');
    category.run(
      parent.id,
      null,
      parent.code,
      JSON.stringify(parent.name),
      parent.severity,
      parent.department,
      parent.hours,
      JSON.stringify(parent.fields ?? []),
      path,
    );
    (parent.children ?? []).forEach((child, j) => {
      category.run(
        child.id,
        parent.id,
        child.code,
        JSON.stringify(child.name),
        child.severity,
        child.department,
        child.hours,
        JSON.stringify(child.fields ?? []),
        `${path}.${String(j + 1).padStart(3, '0')}`,
      );
    });
  });

  const rule = db.prepare(
    `INSERT INTO complaint_routing_rules (id, rule_order, category_id, severity, channel, department_id,
       escalation_level, acknowledge_within_hours, description_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const r of ROUTING_RULES) {
    rule.run(
      r.id,
      r.order,
      r.category,
      r.severity,
      r.channel,
      r.department,
      r.level,
      r.hours,
      JSON.stringify(r.description),
    );
  }

  // Teams and staff
  const team = db.prepare(
    `INSERT INTO teams (id, name_json, supervisor_id, queues_json, equipment_check_cadence_days,
       position, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const user = db.prepare(
    `INSERT INTO users (id, name, display_name, employee_number, role, team_id, locale, hired_on,
       active, demo, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?)`,
  );
  let employee = 1000;
  const usedNames = new Set<string>();
  const chineseName = () => {
    for (;;) {
      const name = rng.pick(SURNAMES) + rng.pick(GIVEN);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  const hiredOn = () => {
    const days = rng.int(30, 365 * 8);
    return new Date(Date.parse('2026-11-01T00:00:00Z') - days * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  const addUser = (
    id: string,
    role: Role,
    teamId: string | null,
    demo: boolean,
    options: { name?: string; displayName?: string | null; locale?: string } = {},
  ) => {
    const name = options.name ?? chineseName();
    const displayName =
      options.displayName === undefined
        ? rng.chance(0.6)
          ? rng.pick(ENGLISH)
          : null
        : options.displayName;
    user.run(
      id,
      name,
      displayName,
      `E${++employee}`,
      role,
      teamId,
      options.locale ??
        rng.weighted([
          ['zh-Hans', 6],
          ['zh-Hant', 2],
          ['en', 2],
        ] as const),
      hiredOn(),
      demo ? 1 : 0,
      now,
    );
  };

  TEAMS.forEach((spec, i) => {
    const supervisorId = `usr_sup_${i + 1}`;
    team.run(
      spec.id,
      JSON.stringify(spec.name),
      supervisorId,
      JSON.stringify(spec.queues),
      spec.cadence,
      i,
      now,
      now,
    );
    addUser(supervisorId, 'supervisor', spec.id, true);
    for (let a = 1; a <= AGENTS_PER_TEAM; a++) {
      const id = `usr_agent_${i + 1}_${String(a).padStart(2, '0')}`;
      // A few agents go by their romanised name only, as English speakers would.
      const roman = a === AGENTS_PER_TEAM && i < ROMAN_NAMES.length ? ROMAN_NAMES[i] : undefined;
      addUser(
        id,
        'agent',
        spec.id,
        a === 1,
        roman ? { name: roman, displayName: null, locale: 'en' } : {},
      );
    }
  });
  addUser('usr_complaints_1', 'complaint_supervisor', null, true);
  addUser('usr_qa_1', 'qa_specialist', null, true);
  addUser('usr_qa_2', 'qa_specialist', null, true);
  addUser('usr_ops_1', 'operations_manager', null, true);
  addUser('usr_survey_1', 'survey_supervisor', null, true);
}
