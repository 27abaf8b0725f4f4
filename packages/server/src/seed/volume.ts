/**
 * Ticket volume: thousands of tickets of every kind the ticket area seeds by hand (general calls,
 * harassment calls, work orders, follow-up calls, voicemail, online responses, praise) over the
 * past 90 days, in every state their machine reaches, written straight into the tables in batches.
 *
 * `CC_SEED_TICKETS=<n>` makes the demo data hold about n tickets in all (default 3,000: what the
 * other seeds made plus this volume). Each ticket takes a path through its kind's machine
 * (`TICKET_MACHINES`) that ends in a state fitting its age: old work is mostly closed, today's is
 * new, open, waiting or escalated. Every transition has its activity entry with the same changes the
 * ticket service records, waiting on the customer pauses the SLA clock, and the SLA columns are
 * derived by the ticket service's own rules as of the seed's clock.
 *
 * Beyond `DETAILED_UP_TO` tickets (benchmarks: `CC_SEED_TICKETS=1000000`) the activity log is kept
 * minimal — the creation and the last transition — and no comments are written; batches of
 * `BATCH_SIZE` tickets commit one transaction each, through prepared statements.
 */
import {
  TICKET_MACHINES,
  statesOf,
  timeZoneOffset,
  zonedToInstant,
  type Role,
  type SlaPause,
  type TicketKind,
  type TicketState,
  type TicketTransition,
  type TicketTransitionRule,
} from '@cc-kit/domain';
import type { Services } from '../core/area.js';
import { newId } from '../core/ids.js';
import type {
  Channel,
  Customer,
  Priority,
  SlaSnapshot,
  TicketRecord,
} from '../areas/tickets/store.js';
import { Rng } from './random.js';
import { COMMENTS as TICKET_COMMENTS } from './tickets.js';

export const DEFAULT_TICKETS = 3000;
/** Tickets per transaction. */
export const BATCH_SIZE = 50_000;
/** Up to this many generated tickets get a full history (every transition, comments). */
export const DETAILED_UP_TO = 20_000;

const DAYS = 90;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const VOLUME_KINDS: readonly TicketKind[] = [
  'general_call',
  'harassment_call',
  'work_order',
  'follow_up_call',
  'voicemail',
  'online_response',
  'praise',
];

const KIND_WEIGHTS: readonly (readonly [TicketKind, number])[] = [
  ['general_call', 38],
  ['work_order', 16],
  ['follow_up_call', 12],
  ['online_response', 14],
  ['voicemail', 9],
  ['harassment_call', 5],
  ['praise', 6],
];

/** Subjects per kind: [simplified Chinese, English]. */
const SUBJECTS: Record<string, readonly (readonly [string, string])[]> = {
  general_call: [
    ['查询本月话费明细', 'Asked for this month’s itemised bill'],
    ['咨询套餐变更流程', 'Asked how to change the plan'],
    ['宽带账户密码重置', 'Broadband account password reset'],
    ['询问国际漫游资费', 'Asked about international roaming rates'],
    ['营业厅营业时间咨询', 'Asked for the store opening hours'],
    ['咨询携号转网条件', 'Asked about keeping the number when switching carrier'],
    ['流量包未生效', 'Data add-on not applied'],
    ['发票抬头修改', 'Change the name on the invoice'],
    ['积分兑换咨询', 'Asked about redeeming loyalty points'],
    ['副卡办理流程', 'How to add a secondary SIM'],
    ['自动扣款失败', 'Direct debit failed'],
    ['查询合约到期时间', 'Asked when the contract ends'],
  ],
  harassment_call: [
    ['多次无声来电', 'Repeated silent calls'],
    ['来电辱骂坐席', 'Caller abused the agent'],
    ['恶意重复拨打热线', 'Malicious repeated calls to the hotline'],
    ['来电推销与业务无关', 'Unrelated sales pitch on the hotline'],
    ['深夜骚扰来电', 'Harassing calls late at night'],
  ],
  work_order: [
    ['上门维修光猫', 'On-site repair of the fibre modem'],
    ['新装宽带预约', 'New broadband installation appointment'],
    ['更换损坏的机顶盒', 'Replace a broken set-top box'],
    ['线路故障排查', 'Line fault investigation'],
    ['小区信号弱需测试', 'Weak signal in the estate: field test needed'],
    ['宽带移机', 'Move the broadband line to a new address'],
    ['企业专线中断', 'Business leased line down'],
    ['固话无拨号音', 'Landline has no dial tone'],
  ],
  follow_up_call: [
    ['回访：宽带维修后是否恢复正常', 'Follow-up: is broadband working after the repair?'],
    ['回访：账单调整结果确认', 'Follow-up: confirm the bill adjustment'],
    ['回访：新装机满意度', 'Follow-up: satisfaction with the new installation'],
    ['回访：套餐变更是否生效', 'Follow-up: has the plan change taken effect?'],
    ['回访：退费是否到账', 'Follow-up: has the refund arrived?'],
    ['回访：投诉处理结果告知', 'Follow-up: tell the customer how the complaint ended'],
  ],
  voicemail: [
    ['留言：要求回电处理欠费', 'Voicemail: asks for a call back about arrears'],
    ['留言：咨询停机保号', 'Voicemail: asks about suspending the line'],
    ['夜间留言：网络中断', 'Night voicemail: network down'],
    ['留言：预约装机时间', 'Voicemail: wants an installation slot'],
    ['留言：询问退费进度', 'Voicemail: asks how the refund is going'],
  ],
  online_response: [
    ['微博投诉网速慢需回复', 'Reply to a Weibo post about slow speed'],
    ['官网留言咨询发票开具', 'Website message about issuing an invoice'],
    ['在线客服转人工后未回复', 'Chat handed to an agent and not answered'],
    ['App 评价中提到的扣费问题', 'Charging issue mentioned in an app review'],
    ['公众号留言咨询5G套餐', 'WeChat message asking about 5G plans'],
    ['邮件询问合同条款', 'Email asking about the contract terms'],
    ['论坛反映信号问题', 'Forum post about poor signal'],
  ],
  praise: [
    ['客户表扬坐席耐心细致', 'Customer praised the agent’s patience'],
    ['来信表扬装维师傅', 'Letter praising the field engineer'],
    ['表扬：一次解决问题', 'Praise: problem solved in one call'],
    ['客户致电感谢及时回访', 'Customer called to thank us for the follow-up'],
    ['锦旗表扬营业厅服务', 'Banner thanking the store staff'],
  ],
};

const WISHES: readonly (readonly [string, string])[] = [
  ['希望尽快处理', 'wants it handled soon'],
  ['表示已多次来电', 'says they have called several times'],
  ['要求短信通知结果', 'asks for the outcome by text message'],
  ['方便联系时间为工作日下午', 'prefers to be called on weekday afternoons'],
  ['情绪平稳，配合核实身份', 'was calm and verified their identity'],
];

const COMMENTS = [
  ...TICKET_COMMENTS,
  '已发送短信告知处理进度。',
  'Left a voicemail for the customer.',
];

const RESOLUTIONS = [
  '已为客户解释账单明细，客户认可。',
  '已完成上门维修，网络恢复正常。',
  'Explained the charges; customer accepted.',
  '已重置密码并指导客户登录。',
  '已按客户要求更新资料。',
  '已在线回复客户并关闭留言。',
  'Replaced the device; service restored.',
  '已将号码加入黑名单并告知主管。',
];

const REASONS = [
  '客户第三次来电，要求主管处理',
  'Customer asked for a supervisor',
  '涉及退费，需要主管审批',
  '超出一线处理权限',
];

const SURNAMES = [
  '李',
  '王',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '郑',
  '孙',
  '林',
  '何',
];
const GIVEN = [
  '娜',
  '强',
  '敏',
  '军',
  '丽',
  '伟',
  '芳',
  '洋',
  '静',
  '磊',
  '秀兰',
  '建国',
  '海燕',
  '子涵',
];
const EN_FIRST = ['Emily', 'David', 'Grace', 'Michael', 'Sophie', 'Daniel', 'Olivia', 'James'];
const EN_LAST = ['Chen', 'Wong', 'Smith', 'Li', 'Brown', 'Lam', 'Taylor', 'Zhang'];

const CHANNELS: Record<string, readonly Channel[]> = {
  general_call: ['phone'],
  harassment_call: ['phone'],
  work_order: ['phone', 'web', 'phone'],
  follow_up_call: ['phone'],
  voicemail: ['phone'],
  online_response: ['web', 'chat', 'social', 'email'],
  praise: ['phone', 'letter', 'email', 'web', 'walk_in'],
};

const TEAM_WEIGHTS: Record<string, number> = {
  team_residential: 35,
  team_business: 20,
  team_technical: 30,
  team_online: 15,
};

/** Relative volume per local hour: quiet nights, peaks at 10:00 and 15:00 (as the calls). */
const HOURLY = [
  0.4, 0.3, 0.2, 0.2, 0.2, 0.3, 0.8, 2.5, 6, 9, 11, 9.5, 7, 7.5, 9, 10.5, 9, 7, 5, 4, 3, 2, 1.2,
  0.7,
];
/** Relative volume per weekday, Monday first. */
const WEEKDAY = [1.15, 1.05, 1, 1, 1.05, 0.7, 0.55];

/** How likely a ticket is to end in each state, by its age in days (old work is mostly closed). */
const STATE_BY_AGE: readonly [number, Record<TicketState, number>][] = [
  [1, { new: 20, open: 25, pending: 12, escalated: 8, resolved: 25, closed: 10 }],
  [3, { new: 6, open: 18, pending: 12, escalated: 8, resolved: 30, closed: 26 }],
  [14, { new: 1, open: 5, pending: 5, escalated: 3, resolved: 20, closed: 66 }],
  [Infinity, { new: 0.2, open: 0.8, pending: 1, escalated: 0.6, resolved: 4, closed: 93.4 }],
];

/** How natural each step is (the weight of a path is the product of its steps'). */
const STEP_WEIGHT: Record<string, number> = {
  'new>start': 1,
  'new>escalate': 0.1,
  'new>close': 0.25,
  'open>await_customer': 0.35,
  'pending>resume': 0.8,
  'open>escalate': 0.12,
  'pending>escalate': 0.1,
  'escalated>de_escalate': 0.5,
  'open>resolve': 1,
  'escalated>resolve': 1,
  'resolved>reopen': 0.08,
  'resolved>close': 1,
};

/** Minutes before each step, [min, max] (log-uniform). */
const STEP_DELAY: Record<TicketTransition, readonly [number, number]> = {
  start: [2, 240],
  await_customer: [10, 600],
  resume: [60, 4320],
  escalate: [10, 1440],
  de_escalate: [60, 1440],
  resolve: [10, 4320],
  reopen: [1440, 7200],
  close: [1440, 10080],
};

/** Urgent work is picked up and resolved sooner. */
const PACE: Record<Priority, number> = { low: 1.3, normal: 1, high: 0.45, urgent: 0.12 };

export interface Path {
  steps: TicketTransitionRule[];
  weight: number;
}

/** Every path from `new` through a machine that uses no edge twice, by the state it ends in. */
export function pathsByState(
  machine: readonly TicketTransitionRule[],
  maxLength = 6,
): Map<TicketState, Path[]> {
  const result = new Map<TicketState, Path[]>();
  const walk = (state: TicketState, steps: TicketTransitionRule[], weight: number) => {
    const list = result.get(state) ?? [];
    list.push({ steps, weight });
    result.set(state, list);
    if (steps.length >= maxLength) return;
    for (const rule of machine) {
      if (rule.from !== state || steps.includes(rule)) continue;
      walk(
        rule.to,
        [...steps, rule],
        weight * (STEP_WEIGHT[`${rule.from}>${rule.transition}`] ?? 0.5),
      );
    }
  };
  walk('new', [], 1);
  return result;
}

interface Staff {
  id: string;
  role: Role;
  team_id: string | null;
}

export interface VolumeOptions {
  /** How many tickets to add. */
  count: number;
  /** `full`: every transition in the activity log, comments; `minimal`: creation and last step. */
  detail: 'full' | 'minimal';
  batchSize?: number;
  /** The end of the 90 days, and the instant SLA facts are derived at (default: the clock). */
  now?: Date;
}

export interface VolumeResult {
  tickets: number;
  activity: number;
  comments: number;
  ms: number;
}

/** How many tickets the demo data should hold in all (`CC_SEED_TICKETS`). */
export function ticketVolumeTarget(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.CC_SEED_TICKETS);
  return env.CC_SEED_TICKETS !== undefined && Number.isInteger(value) && value >= 0
    ? value
    : DEFAULT_TICKETS;
}

/** The seed of the volume area: tops the tickets up to `CC_SEED_TICKETS`. */
export function seedTicketVolume(services: Services, random: () => number): void {
  const existing = (services.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number })
    .n;
  const count = Math.max(0, ticketVolumeTarget() - existing);
  if (count === 0) return;
  const result = generateTickets(services, random, {
    count,
    detail: count > DETAILED_UP_TO ? 'minimal' : 'full',
  });
  services.log.info(
    { tickets: result.tickets, activity: result.activity, ms: result.ms },
    'seeded the ticket volume',
  );
}

/**
 * Writes `count` tickets spread over the past 90 days, `batchSize` per transaction. Call it outside
 * a transaction (or inside one, where each batch becomes a savepoint). Deterministic for `random`
 * (and the IDs for the generator `withSeededIds` gives).
 */
export function generateTickets(
  services: Services,
  random: () => number,
  options: VolumeOptions,
): VolumeResult {
  const started = performance.now();
  const { db } = services;
  const rng = new Rng(random);
  const tickets = services.need('tickets');
  const sla = services.need('sla');
  const now = options.now ?? services.clock();
  const end = now.getTime();
  const timeZone = sla.domainCalendar().timeZone;
  const full = options.detail === 'full';
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);

  const staff = db
    .prepare(`SELECT id, role, team_id FROM users WHERE active = 1 ORDER BY employee_number`)
    .all() as Staff[];
  const agentsByTeam = new Map<string, string[]>();
  for (const user of staff) {
    if (user.role !== 'agent' || !user.team_id) continue;
    const list = agentsByTeam.get(user.team_id) ?? [];
    list.push(user.id);
    agentsByTeam.set(user.team_id, list);
  }
  const teams = [...agentsByTeam.keys()];
  if (teams.length === 0) return { tickets: 0, activity: 0, comments: 0, ms: 0 };
  const supervisorOf = new Map(
    staff.filter((u) => u.role === 'supervisor').map((u) => [u.team_id, u.id]),
  );
  const teamPicks = teams.map((t) => [t, TEAM_WEIGHTS[t] ?? 10] as const);
  const departments = new Set(
    (db.prepare('SELECT id FROM departments').all() as { id: string }[]).map((d) => d.id),
  );
  const workDepartments = ['dept_field', 'dept_technical', 'dept_network'].filter((d) =>
    departments.has(d),
  );

  // Paths per kind and end state, and the states each kind reaches.
  const paths = new Map<TicketKind, Map<TicketState, Path[]>>();
  for (const kind of VOLUME_KINDS) paths.set(kind, pathsByState(TICKET_MACHINES[kind]));

  // SLA targets per kind and priority, as the ticket service copies them (looked up once each).
  const policies = new Map<string, SlaSnapshot | null>();
  const policyOf = (kind: TicketKind, priority: Priority): SlaSnapshot | null => {
    const key = `${kind}|${priority}`;
    if (!policies.has(key)) policies.set(key, tickets.slaSnapshot(kind, priority));
    return policies.get(key)!;
  };

  // Creation instants: days weighted by weekday, hours by the daily rhythm, in the center's zone.
  const localToday = Math.floor((end + timeZoneOffset(timeZone, end)) / DAY) * DAY;
  const dayStarts: number[] = [];
  const dayPicks: (readonly [number, number])[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    const localDay = localToday - d * DAY;
    dayStarts.push(zonedToInstant(localDay, timeZone));
    dayPicks.push([dayStarts.length - 1, WEEKDAY[(new Date(localDay).getUTCDay() + 6) % 7]!]);
  }
  const hourPicks = HOURLY.map((w, h) => [h, w] as const);
  const created = new Float64Array(options.count);
  for (let i = 0; i < options.count; i++) {
    let at = end + 1;
    while (at > end) {
      at =
        dayStarts[rng.weighted(dayPicks)]! +
        rng.weighted(hourPicks) * HOUR +
        Math.floor(rng.next() * HOUR);
    }
    created[i] = at;
  }
  created.sort(); // numbers follow creation time

  const insertTicket = db.prepare(
    `INSERT INTO tickets (id, number, kind, state, subject, description, priority, channel,
       customer_json, team_id, assignee_id, department_id, tags_json, created_at, created_by,
       updated_at, first_responded_at, resolved_at, closed_at, resolution, escalation_level,
       related_call_id, related_ticket_id, evaluation_id, sla_policy_id, sla_first_response_minutes,
       sla_resolution_minutes, sla_business_hours, sla_at_risk_ratio, sla_first_due_at, sla_due_at,
       sla_at_risk_at, sla_breached, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, NULL,
       ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertActivity = db.prepare(
    `INSERT INTO ticket_activity (id, ticket_id, at, actor_id, action, transition, note, changes_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertComment = db.prepare(
    `INSERT INTO ticket_comments (id, ticket_id, author_id, body, visibility, created_at)
     VALUES (?, ?, ?, ?, 'internal', ?)`,
  );
  const insertPause = db.prepare(
    'INSERT INTO ticket_sla_pauses (ticket_id, start, end) VALUES (?, ?, ?)',
  );
  let number =
    (db.prepare('SELECT COALESCE(MAX(number), 10000) AS n FROM tickets').get() as { n: number }).n +
    1;

  const customer = (): Customer => {
    const english = rng.chance(0.15);
    const phone = `1${rng.pick(['38', '39', '50', '58', '86', '88', '35', '76'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    return {
      customerId: `C-${rng.int(100000, 999999)}`,
      name: english
        ? `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`
        : rng.pick(SURNAMES) + rng.pick(GIVEN),
      phone,
      ...(rng.chance(0.25) ? { email: `user${rng.int(100, 99999)}@example.com` } : {}),
    };
  };

  let activityRows = 0;
  let commentRows = 0;
  const iso = (ms: number) => new Date(ms).toISOString();

  const writeOne = (createdAt: number) => {
    const kind = rng.weighted(KIND_WEIGHTS);
    const byState = paths.get(kind)!;
    const reachable = statesOf(kind);
    const ageDays = (end - createdAt) / DAY;
    const stateWeights = STATE_BY_AGE.find(([upTo]) => ageDays < upTo)![1];
    const target = rng.weighted(reachable.map((s) => [s, stateWeights[s]] as const));
    const candidates = byState.get(target)!;
    const path = rng.weighted(candidates.map((p) => [p, p.weight] as const)).steps;

    const team =
      kind === 'online_response' && rng.chance(0.8)
        ? (teams.find((t) => t === 'team_online') ?? rng.weighted(teamPicks))
        : rng.weighted(teamPicks);
    const agents = agentsByTeam.get(team)!;
    const agent = rng.pick(agents);
    const supervisor = supervisorOf.get(team) ?? agent;
    const creator = kind === 'praise' && rng.chance(0.3) ? supervisor : agent;
    const assignee = path.length === 0 && rng.chance(0.35) ? null : agent;
    const priority = rng.weighted<Priority>([
      ['low', 2],
      ['normal', 6],
      ['high', 2],
      ['urgent', kind === 'work_order' ? 1.5 : 0.6],
    ]);
    const [zh, en] = rng.pick(SUBJECTS[kind]!);
    const chinese = rng.chance(0.75);
    const [wishZh, wishEn] = rng.pick(WISHES);
    const description = rng.chance(0.6)
      ? chinese
        ? `${zh}。客户${wishZh}。`
        : `${en}. The customer ${wishEn}.`
      : '';
    const withCustomer = kind === 'praise' ? rng.chance(0.7) : rng.chance(0.93);
    const cust = withCustomer ? customer() : null;
    const tags = rng.chance(0.3)
      ? [rng.pick(['vip', '回访', 'billing', '宽带', 'repeat', '5G'])]
      : [];
    const departmentId =
      kind === 'work_order' && workDepartments.length ? rng.pick(workDepartments) : null;
    const channel = rng.pick(CHANNELS[kind]!);
    const policy = policyOf(kind, priority);

    // When each step happens: realistic delays, squeezed to end before now.
    const pace = PACE[priority];
    const delays = path.map((rule) => {
      const [lo, hi] = STEP_DELAY[rule.transition];
      const minutes = Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));
      return (
        minutes * MINUTE * (rule.transition === 'start' || rule.transition === 'resolve' ? pace : 1)
      );
    });
    const total = delays.reduce((a, b) => a + b, 0);
    const room = (end - createdAt) * 0.95;
    const squeeze = total > room ? room / total : 1;

    const id = newId('tkt');
    const record: TicketRecord = {
      id,
      number: number++,
      kind,
      state: 'new',
      subject: chinese ? zh : en,
      description,
      priority,
      channel,
      customer: cust,
      teamId: team,
      assigneeId: assignee,
      departmentId,
      tags,
      createdAt: iso(createdAt),
      createdBy: creator,
      updatedAt: iso(createdAt),
      firstRespondedAt: null,
      resolvedAt: null,
      closedAt: null,
      resolution: null,
      escalationLevel: 0,
      relatedCallId: null,
      relatedTicketId: null,
      evaluationId: null,
      sla: policy,
      version: 1,
    };
    const entries: [string, string, string, string | null, string | null, string][] = [
      [
        record.createdAt,
        creator,
        'created',
        null,
        null,
        JSON.stringify([
          { field: 'kind', from: null, to: kind },
          { field: 'state', from: null, to: 'new' },
          { field: 'priority', from: null, to: priority },
          ...(assignee ? [{ field: 'assigneeId', from: null, to: assignee }] : []),
          { field: 'teamId', from: null, to: team },
        ]),
      ],
    ];
    const pauses: SlaPause[] = [];
    const comments: [string, string, string, string][] = [];
    let at = createdAt;
    path.forEach((rule, i) => {
      const previous = at;
      at = Math.min(end, at + Math.max(1000, Math.floor(delays[i]! * squeeze)));
      const when = iso(at);
      const actor =
        rule.transition === 'escalate' || rule.transition === 'de_escalate' ? supervisor : agent;
      if (full && rng.chance(0.25)) {
        const commentAt = iso(Math.max(previous + 1, at - 30_000));
        comments.push([newId('cmt'), actor, rng.pick(COMMENTS), commentAt]);
        entries.push([commentAt, actor, 'commented', null, null, '[]']);
        commentRows++;
      }
      const changes: { field: string; from: unknown; to: unknown }[] = [
        { field: 'state', from: record.state, to: rule.to },
      ];
      const set = <K extends keyof TicketRecord>(field: K, value: TicketRecord[K]) => {
        if (JSON.stringify(record[field] ?? null) !== JSON.stringify(value ?? null)) {
          changes.push({ field, from: record[field] ?? null, to: value });
        }
        record[field] = value;
      };
      if (rule.transition === 'start' && !record.firstRespondedAt) set('firstRespondedAt', when);
      if (rule.transition === 'resolve') {
        set('resolvedAt', when);
        set('resolution', rng.pick(RESOLUTIONS));
      }
      if (rule.transition === 'reopen') {
        set('resolvedAt', null);
        set('resolution', null);
      }
      if (rule.transition === 'close') set('closedAt', when);
      if (rule.to === 'pending' && record.state !== 'pending')
        pauses.push({ start: when, end: null });
      if (record.state === 'pending' && rule.to !== 'pending')
        pauses[pauses.length - 1]!.end = when;
      record.state = rule.to;
      record.updatedAt = when;
      record.version++;
      const note =
        rule.transition === 'escalate' || rule.transition === 'de_escalate'
          ? rng.pick(REASONS)
          : null;
      if (full || i === path.length - 1) {
        entries.push([when, actor, 'transitioned', rule.transition, note, JSON.stringify(changes)]);
      }
    });

    const derived = tickets.slaDerived(record, pauses, now);
    insertTicket.run(
      id,
      record.number,
      kind,
      record.state,
      record.subject,
      description,
      priority,
      channel,
      cust ? JSON.stringify(cust) : null,
      team,
      assignee,
      departmentId,
      JSON.stringify(tags),
      record.createdAt,
      creator,
      record.updatedAt,
      record.firstRespondedAt,
      record.resolvedAt,
      record.closedAt,
      record.resolution,
      policy?.policyId ?? null,
      policy?.firstResponseMinutes ?? null,
      policy?.resolutionMinutes ?? null,
      policy ? (policy.businessHours ? 1 : 0) : null,
      policy?.atRiskRatio ?? null,
      derived?.firstDueAt ?? null,
      derived?.dueAt ?? null,
      derived?.atRiskAt ?? null,
      derived?.breached ? 1 : 0,
      record.version,
    );
    for (const pause of pauses) insertPause.run(id, pause.start, pause.end);
    for (const [commentId, author, body, when] of comments) {
      insertComment.run(commentId, id, author, body, when);
    }
    for (const [when, actor, action, transition, note, changes] of entries) {
      insertActivity.run(newId('act'), id, when, actor, action, transition, note, changes);
    }
    activityRows += entries.length;
  };

  // Random IDs land all over the indexes: a larger page cache keeps them in memory meanwhile.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  if (options.count > 10_000) db.pragma('cache_size = -262144');
  try {
    for (let from = 0; from < options.count; from += batchSize) {
      const to = Math.min(options.count, from + batchSize);
      services.tx(() => {
        for (let i = from; i < to; i++) writeOne(created[i]!);
      });
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return {
    tickets: options.count,
    activity: activityRows,
    comments: commentRows,
    ms: Math.round(performance.now() - started),
  };
}
