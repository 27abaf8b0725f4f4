/**
 * Demo complaints: a few hundred over the last 90 days across categories, severities, channels,
 * departments and states, filed, triaged, routed, escalated, judged, called back and closed
 * through the complaint and ticket services, so they obey the same rules as live ones (a closed
 * complaint always has its verdict and callback). Deterministic for a seed.
 */
import type { CallbackOutcome, ComplaintSeverity, Role, TicketTransition } from '@cc-kit/domain';
import type { Schema } from '@cc-kit/spec';
import type { Services } from '../core/area.js';
import type { Caller } from '../core/auth.js';
import type { Channel, Customer } from '../areas/tickets/store.js';
import { Rng } from './random.js';

export const SEEDED_COMPLAINTS = 240;

interface Staff {
  id: string;
  name: string;
  role: Role;
  team_id: string | null;
}

const asCaller = (user: Staff): Caller => ({
  userId: user.id,
  role: user.role,
  teamId: user.team_id,
  name: user.name,
  tokenKey: 'seed',
});

/** [zh, en] descriptions per leaf category, and how the custom fields are filled. */
const STORIES: Record<string, { text: [string, string][]; resolution: [string, string][] }> = {
  cat_billing_dispute: {
    text: [
      [
        '客户反映本月账单多扣了国际漫游费，但本月并未出境，要求核实。',
        'Customer says this month’s bill charges international roaming although they did not travel.',
      ],
      [
        '客户称已取消的增值业务仍在持续扣费，已连续三个月。',
        'A cancelled value-added service has kept being charged for three months.',
      ],
      [
        '客户对宽带套餐月租与办理时承诺的价格不一致提出异议。',
        'The broadband monthly fee differs from the price promised at sign-up.',
      ],
    ],
    resolution: [
      ['退还多扣费用并书面道歉', 'Refund the overcharge and apologise in writing'],
      ['核实并更正账单', 'Check and correct the bill'],
    ],
  },
  cat_billing_refund: {
    text: [
      [
        '客户申请的销户退款已超过三十天仍未到账。',
        'The refund for the closed account has not arrived after thirty days.',
      ],
      [
        '重复缴费的款项承诺七个工作日退回，至今未收到。',
        'A duplicate payment was to be refunded within seven working days; nothing yet.',
      ],
    ],
    resolution: [
      ['尽快退款到原支付账户', 'Refund to the original payment account as soon as possible'],
      ['告知退款进度', 'Tell me where the refund is'],
    ],
  },
  cat_network_outage: {
    text: [
      [
        '小区宽带从昨晚开始完全无法上网，多次重启光猫无效。',
        'Broadband in the estate has been down since last night; restarting the modem did not help.',
      ],
      [
        '家中手机信号全无，无法拨打和接听电话，影响工作。',
        'No mobile signal at home at all; cannot make or take calls.',
      ],
    ],
    resolution: [
      ['尽快恢复网络并减免故障期间月租', 'Restore service and waive the fee for the outage'],
      ['派人上门检修', 'Send someone to repair it'],
    ],
  },
  cat_network_speed: {
    text: [
      [
        '晚上高峰时段网速只有签约速率的十分之一，视频会议频繁中断。',
        'Evening speed is a tenth of the plan; video calls keep dropping.',
      ],
      [
        '升级千兆后测速仍不到两百兆，客户认为虚假宣传。',
        'After upgrading to 1 Gbps the speed test stays below 200 Mbps.',
      ],
    ],
    resolution: [
      ['达到签约速率，否则降档退差价', 'Deliver the plan speed or refund the difference'],
      ['上门测速', 'Measure the speed on site'],
    ],
  },
  cat_service_attitude: {
    text: [
      [
        '客户反映营业厅工作人员态度冷淡，办理业务时不耐烦。',
        'Store staff were curt and impatient while handling the request.',
      ],
      [
        '热线坐席在通话中途挂断客户电话，客户非常不满。',
        'The hotline agent hung up in the middle of the call.',
      ],
      [
        '装维师傅上门时言语不礼貌，客户要求道歉。',
        'The engineer was rude during the visit; customer wants an apology.',
      ],
    ],
    resolution: [
      ['要求相关人员道歉', 'An apology from the staff member'],
      ['加强员工培训', 'Better staff training'],
    ],
  },
  cat_service_wait: {
    text: [
      [
        '客户拨打热线排队超过四十分钟才接通。',
        'The customer waited over forty minutes in the hotline queue.',
      ],
      [
        '在线客服转人工后一直无人回复，等待超过一小时。',
        'After asking for a person in chat nobody answered for over an hour.',
      ],
    ],
    resolution: [['改善接通速度', 'Answer calls faster']],
  },
  cat_install_delay: {
    text: [
      [
        '预约上午安装宽带，师傅全天未到也未提前通知。',
        'The broadband installation booked for the morning never happened and nobody called.',
      ],
      [
        '维修预约已改期三次，客户请假在家等待均落空。',
        'The repair appointment was moved three times; the customer took leave each time.',
      ],
    ],
    resolution: [
      ['尽快安排上门并给予补偿', 'Come as soon as possible and compensate'],
      ['确认准确的上门时间', 'Confirm an exact visit time'],
    ],
  },
  cat_install_quality: {
    text: [
      [
        '安装后墙面留下多个钻孔且线缆随意悬挂，未做清理。',
        'After installation there are holes in the wall and loose cables left behind.',
      ],
      ['维修后一周内同一故障再次出现。', 'The same fault came back within a week of the repair.'],
    ],
    resolution: [['返工整改', 'Redo the work properly']],
  },
  cat_privacy_leak: {
    text: [
      [
        '客户怀疑个人信息被泄露，办理业务后接到大量推销电话，对方能说出其套餐信息。',
        'After a visit to the store the customer gets sales calls from people who know their plan.',
      ],
      [
        '客户称未经本人同意，其名下被办理了副卡。',
        'A secondary SIM was opened in the customer’s name without consent.',
      ],
    ],
    resolution: [
      ['查明泄露原因并追责', 'Find out how the data leaked and hold someone accountable'],
      ['注销副卡并书面说明', 'Cancel the SIM and explain in writing'],
    ],
  },
  cat_privacy_marketing: {
    text: [
      [
        '已多次要求退订营销短信，仍每天收到推广信息。',
        'Asked many times to stop marketing texts; still gets them daily.',
      ],
      [
        '客户反映频繁接到本公司外呼推销电话，要求停止。',
        'The company keeps calling to sell upgrades; customer wants it to stop.',
      ],
    ],
    resolution: [
      ['停止营销并加入免打扰名单', 'Stop the marketing and add me to the do-not-call list'],
    ],
  },
};

const LEAVES: [string, number][] = [
  ['cat_billing_dispute', 6],
  ['cat_billing_refund', 3],
  ['cat_network_outage', 4],
  ['cat_network_speed', 5],
  ['cat_service_attitude', 4],
  ['cat_service_wait', 3],
  ['cat_install_delay', 3],
  ['cat_install_quality', 2],
  ['cat_privacy_leak', 1],
  ['cat_privacy_marketing', 2],
];

const PLACES = [
  '上海市浦东新区张江镇',
  '北京市朝阳区望京街道',
  '广州市天河区体育西路',
  '深圳市南山区科技园',
  '杭州市西湖区文三路',
  '成都市武侯区人民南路',
  '台北市信义区松仁路',
];

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郑', '孙', '林'];
const GIVEN = ['娜', '强', '敏', '军', '丽', '伟', '芳', '洋', '静', '磊', '秀兰', '建国', '海燕'];

const FINDINGS: [boolean, string][] = [
  [true, '经核实，账务系统配置错误导致多收费用，投诉属实。'],
  [true, '调取录音确认坐席服务用语不规范，投诉属实，已安排辅导。'],
  [true, '装维人员未按预约时间上门且未通知客户，投诉属实。'],
  [true, 'Confirmed from the network logs: the outage lasted 26 hours. Justified.'],
  [false, '经核查，费用为客户本人开通的业务产生，投诉不成立，已向客户解释。'],
  [false, '测速结果符合签约速率，网速慢由客户内网设备导致，已指导处理。'],
  [false, 'The call recording shows the agent was polite; not justified.'],
];

const CALLBACK_NOTES: Record<CallbackOutcome, string[]> = {
  satisfied: ['客户对处理结果表示满意。', 'Customer thanked us for the quick fix.'],
  partially_satisfied: [
    '客户接受退款，但对处理时长仍有意见。',
    'Accepted the refund, unhappy with the delay.',
  ],
  unsatisfied: ['客户不认可处理结果，表示将向工信部投诉。', 'Customer rejects the outcome.'],
  unreachable: [
    '三次回访均未接通，已发送短信告知处理结果。',
    'No answer after three attempts; sent an SMS.',
  ],
};

const ROUTE_REASONS = [
  '涉及上门施工，转装维服务部处理',
  '客户要求法务介入',
  'Needs the billing team’s adjustment rights',
];
const ESCALATE_REASONS = [
  '客户情绪激动，要求主管处理',
  '涉及媒体曝光风险，升级处理',
  'Repeat complaint within 30 days',
];

/** The life of a seeded complaint: its steps after filing, oldest first. */
type Step =
  | 'assign'
  | 'route'
  | 'verdict'
  | 'callback'
  | Extract<
      TicketTransition,
      'start' | 'await_customer' | 'resume' | 'escalate' | 'de_escalate' | 'resolve' | 'close'
    >;

const LIVES: [Step[], number][] = [
  [[], 3],
  [['assign', 'start'], 4],
  [['assign', 'start', 'await_customer'], 2],
  [['assign', 'start', 'escalate'], 2],
  [['escalate'], 1],
  [['assign', 'route', 'start', 'resolve'], 2],
  [['assign', 'start', 'resolve', 'verdict'], 2],
  [['assign', 'start', 'resolve', 'verdict', 'callback', 'close'], 10],
  [['assign', 'start', 'escalate', 'resolve', 'callback', 'verdict', 'close'], 3],
  [
    [
      'assign',
      'route',
      'start',
      'await_customer',
      'resume',
      'resolve',
      'verdict',
      'callback',
      'close',
    ],
    2,
  ],
  [
    [
      'assign',
      'start',
      'escalate',
      'de_escalate',
      'escalate',
      'resolve',
      'verdict',
      'callback',
      'close',
    ],
    1,
  ],
];

export function seedComplaints(services: Services, random: () => number): void {
  const rng = new Rng(random);
  const complaints = services.need('complaints');
  const tickets = services.need('tickets');
  const directory = services.need('directory');
  const staff = services.db
    .prepare(`SELECT id, name, role, team_id FROM users WHERE active = 1 ORDER BY employee_number`)
    .all() as Staff[];
  const agents = staff.filter((u) => u.role === 'agent');
  const leads = staff.filter((u) => u.role === 'complaint_supervisor');
  const departments = (
    services.db.prepare('SELECT id FROM departments WHERE active = 1 ORDER BY position').all() as {
      id: string;
    }[]
  ).map((d) => d.id);
  if (agents.length === 0 || leads.length === 0) return;
  const end = services.clock().getTime();
  const DAY = 86_400_000;

  const customer = (): Customer => ({
    customerId: `C-${rng.int(10000, 99999)}`,
    name: rng.pick(SURNAMES) + rng.pick(GIVEN),
    phone: `1${rng.pick(['38', '39', '50', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    ...(rng.chance(0.25) ? { email: `user${rng.int(100, 9999)}@example.com` } : {}),
  });

  const fieldsFor = (categoryId: string, at: number): Record<string, string | number> => {
    const category = directory.store.category(categoryId);
    const values: Record<string, string | number> = {};
    for (const def of category?.customFields ?? []) {
      if (!def.required && rng.chance(0.4)) continue;
      const day = new Date(at - rng.int(1, 20) * DAY).toISOString().slice(0, 10);
      if (def.key === 'invoiceNumber') values[def.key] = `INV-${rng.int(20250101, 20261130)}`;
      else if (def.type === 'number') values[def.key] = rng.int(10, 800);
      else if (def.type === 'date') values[def.key] = day;
      else if (def.type === 'select') values[def.key] = rng.pick(def.options ?? [])?.value ?? '';
      else if (def.key === 'employeeNumber') values[def.key] = `E${rng.int(1001, 1060)}`;
      else values[def.key] = `${rng.pick(PLACES)}${rng.int(1, 300)}号`;
    }
    return values;
  };

  for (let i = 0; i < SEEDED_COMPLAINTS; i++) {
    const life = rng.weighted(LIVES);
    const done = life.includes('close') || life.includes('resolve');
    // Open complaints are recent; finished ones reach back the full 90 days.
    const ageDays = done ? 1 + rng.next() * 89 : rng.chance(0.8) ? rng.next() * 4 : rng.next() * 14;
    let at = Math.floor(end - ageDays * DAY);
    const filer = rng.pick(agents);
    const lead = rng.pick(leads);
    const categoryId = rng.weighted(LEAVES);
    const story = STORIES[categoryId]!;
    const [zh, en] = rng.pick(story.text);
    const [wantZh, wantEn] = rng.pick(story.resolution);
    const english = rng.chance(0.15);
    const severity = rng.weighted<ComplaintSeverity>([
      ['low', 2],
      ['medium', 5],
      ['high', 3],
      ['critical', 1],
    ]);
    const channel = rng.weighted<Channel>([
      ['phone', 10],
      ['web', 2],
      ['email', 1],
      ['social', 2],
      ['letter', 1],
      ['walk_in', 1],
    ]);
    const filed = complaints.file(
      asCaller(filer),
      {
        customer: customer() as Schema<'ComplaintCreate'>['customer'],
        channel,
        categoryId,
        severity,
        description: english ? en : zh,
        desiredResolution: english ? wantEn : wantZh,
        customFields: fieldsFor(categoryId, at),
        ...(rng.chance(0.2)
          ? { preferredCallbackAt: new Date(at + rng.int(2, 48) * 3_600_000).toISOString() }
          : {}),
      },
      new Date(at),
    );
    let version = filed.version;
    let level = filed.escalationLevel;
    let assignee: Staff | null = null;
    for (const step of life) {
      at += Math.floor(
        rng.weighted([
          [15, 3],
          [120, 3],
          [600, 2],
          [2880, 1],
        ] as const) *
          60_000 *
          (0.5 + rng.next()),
      );
      if (at >= end) break;
      if (step === 'escalate' && level >= 3) continue;
      const now = new Date(at);
      let ticket;
      switch (step) {
        case 'assign': {
          assignee = rng.chance(0.5)
            ? filer
            : rng.pick(agents.filter((a) => a.team_id === filer.team_id));
          ticket = tickets.update(
            asCaller(lead),
            filed.id,
            version,
            { assigneeId: assignee.id },
            now,
          );
          break;
        }
        case 'route':
          ticket = complaints.reroute(
            asCaller(lead),
            filed.id,
            version,
            {
              departmentId: rng.pick(departments),
              reason: rng.pick(ROUTE_REASONS),
            },
            now,
          );
          break;
        case 'verdict': {
          const [justified, finding] = rng.pick(FINDINGS);
          ticket = complaints.verdict(
            asCaller(lead),
            filed.id,
            version,
            { justified, finding },
            now,
          );
          break;
        }
        case 'callback': {
          const outcome = rng.weighted<CallbackOutcome>([
            ['satisfied', 6],
            ['partially_satisfied', 2],
            ['unsatisfied', 1],
            ['unreachable', 1],
          ]);
          ticket = complaints.callback(
            asCaller(assignee ?? lead),
            filed.id,
            version,
            { outcome, note: rng.pick(CALLBACK_NOTES[outcome]) },
            now,
          );
          break;
        }
        default: {
          const actor =
            step === 'escalate' || step === 'de_escalate' || !assignee ? lead : assignee;
          ticket = tickets.transition(
            asCaller(actor),
            filed.id,
            version,
            {
              transition: step,
              ...(step === 'resolve' ? { resolution: english ? wantEn : `已处理：${wantZh}` } : {}),
              ...(step === 'escalate' || step === 'de_escalate'
                ? { reason: rng.pick(ESCALATE_REASONS) }
                : {}),
            },
            now,
            { system: true },
          );
        }
      }
      version = ticket.version;
      level = ticket.escalationLevel;
    }
  }
  tickets.recomputeAllSla(services.clock());
}
