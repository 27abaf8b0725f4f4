/**
 * Demo tickets: a few hundred of every kind but complaints (the complaints area seeds those), in
 * every state, with the history that got them there (activity, comments, SLA pauses), made through
 * the ticket service itself so they obey the same rules as live ones. Deterministic for a seed.
 */
import type { Role, TicketKind, TicketTransition } from '@cc-kit/domain';
import type { Services } from '../core/area.js';
import type { Caller } from '../core/auth.js';
import type { Channel, Customer, Priority } from '../areas/tickets/store.js';
import { Rng } from './random.js';

const SEEDED_KINDS: TicketKind[] = [
  'general_call',
  'harassment_call',
  'work_order',
  'follow_up_call',
  'voicemail',
  'qa_review_request',
  'online_response',
  'praise',
];

export const TICKETS_PER_KIND = 36;

const SUBJECTS: Record<string, [string, string][]> = {
  general_call: [
    ['查询本月话费明细', 'Asked for this month’s itemised bill'],
    ['咨询套餐变更流程', 'Asked how to change the plan'],
    ['宽带账户密码重置', 'Broadband account password reset'],
    ['询问国际漫游资费', 'Asked about international roaming rates'],
    ['营业厅营业时间咨询', 'Asked for the store opening hours'],
  ],
  harassment_call: [
    ['多次无声来电', 'Repeated silent calls'],
    ['来电辱骂坐席', 'Caller abused the agent'],
    ['恶意重复拨打热线', 'Malicious repeated calls to the hotline'],
  ],
  work_order: [
    ['上门维修光猫', 'On-site repair of the fibre modem'],
    ['新装宽带预约', 'New broadband installation appointment'],
    ['更换损坏的机顶盒', 'Replace a broken set-top box'],
    ['线路故障排查', 'Line fault investigation'],
  ],
  follow_up_call: [
    ['回访：宽带维修后是否恢复正常', 'Follow-up: is broadband working after the repair?'],
    ['回访：账单调整结果确认', 'Follow-up: confirm the bill adjustment'],
    ['回访：新装机满意度', 'Follow-up: satisfaction with the new installation'],
  ],
  voicemail: [
    ['留言：要求回电处理欠费', 'Voicemail: asks for a call back about arrears'],
    ['留言：咨询停机保号', 'Voicemail: asks about suspending the line'],
    ['夜间留言：网络中断', 'Night voicemail: network down'],
  ],
  qa_review_request: [
    ['申请复核：开场白评分', 'Review request: greeting score'],
    ['申请复核：身份核实项', 'Review request: identity verification item'],
  ],
  online_response: [
    ['微博投诉网速慢需回复', 'Reply to a Weibo post about slow speed'],
    ['官网留言咨询发票开具', 'Website message about issuing an invoice'],
    ['在线客服转人工后未回复', 'Chat handed to an agent and not answered'],
    ['App 评价中提到的扣费问题', 'Charging issue mentioned in an app review'],
  ],
  praise: [
    ['客户表扬坐席耐心细致', 'Customer praised the agent’s patience'],
    ['来信表扬装维师傅', 'Letter praising the field engineer'],
    ['表扬：一次解决问题', 'Praise: problem solved in one call'],
  ],
};

/** Agents' notes on a ticket; the volume seed adds a few of its own. */
export const COMMENTS = [
  '已联系客户，约定明天上午回电。',
  '客户要求提供书面说明。',
  'Customer confirmed the details by phone.',
  '已转交二线技术支持。',
  'Waiting for the field team to confirm the slot.',
  '已核实客户身份。',
  '客户表示满意。',
];

const RESOLUTIONS = [
  '已为客户解释账单明细，客户认可。',
  '已完成上门维修，网络恢复正常。',
  'Explained the charges; customer accepted.',
  '已重置密码并指导客户登录。',
  '已按客户要求更新资料。',
];

const REASONS = [
  '客户第三次来电，要求主管处理',
  'Customer asked for a supervisor',
  '涉及退费，需要主管审批',
];

const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '郑', '孙'];
const GIVEN = ['娜', '强', '敏', '军', '丽', '伟', '芳', '洋', '静', '磊', '秀兰', '建国', '海燕'];

const CHANNELS: Record<string, Channel[]> = {
  general_call: ['phone'],
  harassment_call: ['phone'],
  work_order: ['phone', 'web'],
  follow_up_call: ['phone'],
  voicemail: ['phone'],
  qa_review_request: ['web'],
  online_response: ['web', 'chat', 'social', 'email'],
  praise: ['phone', 'letter', 'email', 'web'],
};

/** Paths from `new` to each state (first transition first), per machine. */
const FULL_PATHS: TicketTransition[][] = [
  [],
  ['start'],
  ['start', 'await_customer'],
  ['start', 'escalate'],
  ['escalate'],
  ['start', 'resolve'],
  ['start', 'await_customer', 'resume', 'resolve'],
  ['start', 'escalate', 'de_escalate', 'resolve'],
  ['start', 'resolve', 'close'],
  ['start', 'escalate', 'resolve', 'close'],
  ['start', 'resolve', 'reopen'],
];
const SIMPLE_PATHS: TicketTransition[][] = [
  [],
  ['start'],
  ['start', 'resolve'],
  ['start', 'resolve', 'close'],
  ['close'],
];
const SIMPLE_KINDS = new Set(['harassment_call', 'voicemail', 'qa_review_request', 'praise']);

interface Staff {
  id: string;
  name: string;
  role: Role;
  team_id: string | null;
}

function asCaller(user: Staff): Caller {
  return {
    userId: user.id,
    role: user.role,
    teamId: user.team_id,
    name: user.name,
    tokenKey: 'seed',
  };
}

export function seedTickets(services: Services, random: () => number): void {
  const rng = new Rng(random);
  const tickets = services.need('tickets');
  const staff = services.db
    .prepare(`SELECT id, name, role, team_id FROM users WHERE active = 1 ORDER BY employee_number`)
    .all() as Staff[];
  const agents = staff.filter((u) => u.role === 'agent');
  const supervisorOf = new Map(
    staff.filter((u) => u.role === 'supervisor').map((u) => [u.team_id, u]),
  );
  const qa = staff.filter((u) => u.role === 'qa_specialist');
  const end = services.clock().getTime();
  const DAY = 86_400_000;

  const customer = (): Customer => {
    const phone = `1${rng.pick(['38', '39', '50', '58', '86', '88'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    return {
      customerId: `C-${rng.int(10000, 99999)}`,
      name: rng.pick(SURNAMES) + rng.pick(GIVEN),
      phone,
      ...(rng.chance(0.3) ? { email: `user${rng.int(100, 9999)}@example.com` } : {}),
    };
  };

  const plan: { kind: TicketKind; path: TicketTransition[] }[] = [];
  for (const kind of SEEDED_KINDS) {
    const paths = SIMPLE_KINDS.has(kind) ? SIMPLE_PATHS : FULL_PATHS;
    for (let i = 0; i < TICKETS_PER_KIND; i++) plan.push({ kind, path: paths[i % paths.length]! });
  }

  for (const { kind, path } of plan) {
    const agent = rng.pick(agents);
    const supervisor = supervisorOf.get(agent.team_id) ?? agent;
    const creator = agent;
    const handler = kind === 'qa_review_request' ? rng.pick(qa) : agent;
    // Work still open is recent; resolved and closed work reaches back two months.
    const done = ['resolve', 'close'].includes(path[path.length - 1] ?? '');
    const ageDays = done ? rng.next() * 60 : rng.chance(0.85) ? rng.next() * 3 : rng.next() * 10;
    let at = Math.floor(end - ageDays * DAY);
    const [zh, en] = rng.pick(SUBJECTS[kind]!);
    const priority = rng.weighted<Priority>([
      ['low', 2],
      ['normal', 6],
      ['high', 2],
      ['urgent', 1],
    ]);
    const ticket = tickets.create(
      asCaller(creator),
      {
        kind,
        subject: rng.chance(0.75) ? zh : en,
        description: rng.chance(0.5) ? `${zh}。${en}.` : '',
        priority,
        channel: rng.pick(CHANNELS[kind]!),
        ...(kind === 'qa_review_request' || rng.chance(0.1) ? {} : { customer: customer() }),
        assigneeId: kind === 'qa_review_request' ? handler.id : agent.id,
        ...(agent.team_id ? { teamId: agent.team_id } : {}),
        ...(kind === 'work_order'
          ? { departmentId: rng.pick(['dept_field', 'dept_technical']) }
          : {}),
        tags: rng.chance(0.3) ? [rng.pick(['vip', '回访', 'billing', '宽带', 'repeat'])] : [],
      },
      new Date(at),
      { internal: true },
    );
    let version = ticket.version;
    for (const transition of path) {
      at += Math.floor(
        rng.weighted([
          [10, 3],
          [90, 3],
          [600, 2],
          [2880, 1],
        ] as const) *
          60_000 *
          (0.5 + rng.next()),
      );
      if (at >= end) break;
      const actor =
        transition === 'escalate' || transition === 'de_escalate' ? supervisor : handler;
      if (rng.chance(0.3)) {
        tickets.addComment(
          asCaller(actor),
          ticket.id,
          { body: rng.pick(COMMENTS) },
          new Date(at - 30_000),
        );
      }
      const next = tickets.transition(
        asCaller(actor),
        ticket.id,
        version,
        {
          transition,
          ...(transition === 'resolve' ? { resolution: rng.pick(RESOLUTIONS) } : {}),
          ...(transition === 'escalate' || transition === 'de_escalate'
            ? { reason: rng.pick(REASONS) }
            : {}),
        },
        new Date(at),
        { system: true },
      );
      version = next.version;
    }
  }
  tickets.recomputeAllSla(services.clock());
}
