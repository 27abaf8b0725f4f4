/**
 * Demo equipment: a seat per agent (A-01, A-02, … per team, and a spare seat), four or five assets
 * per seat, a few spares in storage, and the history of checks: most teams checked recently, one
 * due soon, one overdue, one check half done; some findings still have their maintenance work
 * order open, others were fixed. Made through the equipment and ticket services, so the work
 * orders, the asset states and the fixes obey the live rules. Deterministic for a seed.
 */
import { ASSET_TYPES, type AssetType, type CheckResult } from '@cc-kit/domain';
import type { Services } from '../core/area.js';
import type { Caller } from '../core/auth.js';
import { newId } from '../core/ids.js';
import { Rng } from './random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

const MODELS: Record<AssetType, string[]> = {
  headset: ['Jabra Evolve2 40', 'Poly Blackwire 5220', 'EPOS IMPACT SC 660'],
  phone: ['Yealink SIP-T54W', 'Cisco IP Phone 8845', 'Avaya J179'],
  workstation: ['Lenovo ThinkCentre M70q', 'Dell OptiPlex 7010', 'HP EliteDesk 800 G6'],
  monitor: ['Dell P2422H', 'AOC 24P2Q', 'Lenovo ThinkVision T24i'],
  softphone_licence: ['Genesys Cloud CX 2', 'Avaya Agent for Desktop'],
};
const SERIAL_PREFIX: Record<AssetType, string> = {
  headset: 'HS',
  phone: 'PH',
  workstation: 'WS',
  monitor: 'MN',
  softphone_licence: 'SL',
};

const FAIL_NOTES: Record<AssetType, string[]> = {
  headset: [
    '麦克风有杂音，客户反映听不清',
    'Left ear cushion torn, cable frayed',
    '耳麦线接触不良',
  ],
  phone: ['话机屏幕不亮', 'Handset crackles on every call', '按键失灵'],
  workstation: ['开机蓝屏，需重装系统', 'Very slow, fan noisy', '主机频繁死机'],
  monitor: ['屏幕有坏点和闪烁', 'Backlight flickers', '显示器无信号'],
  softphone_licence: ['授权过期，无法登录', 'Licence not activated for this agent'],
};
const MISSING_NOTES = [
  '工位上找不到，已询问坐席',
  'Not at the seat; not in the spares cupboard',
  '疑似被借用未归还',
];
const RESOLUTIONS = [
  '已更换新设备并测试通过',
  'Replaced with a spare and tested',
  '已维修并恢复正常使用',
];

interface Plan {
  /** Submitted checks, days ago, oldest first; each with its findings. */
  checks: { daysAgo: number; findings: number; fixed: number }[];
}

/** One team checked recently, one due soon, one overdue (14-day cadence), one checked recently. */
const PLANS: Plan[] = [
  {
    checks: [
      { daysAgo: 47, findings: 2, fixed: 2 },
      { daysAgo: 12, findings: 3, fixed: 1 },
    ],
  },
  { checks: [{ daysAgo: 28, findings: 2, fixed: 1 }] },
  {
    checks: [
      { daysAgo: 40, findings: 1, fixed: 1 },
      { daysAgo: 20, findings: 2, fixed: 0 },
    ],
  },
  { checks: [{ daysAgo: 9, findings: 2, fixed: 1 }] },
];

export function seedEquipment(services: Services, random: () => number): void {
  const rng = new Rng(random);
  const { db } = services;
  const equipment = services.need('equipment');
  const tickets = services.need('tickets');
  const now = services.clock().getTime();
  const seatsCreated = new Date(now - 400 * DAY).toISOString();

  const teams = db
    .prepare(
      `SELECT t.id, t.supervisor_id, u.name AS supervisor_name
       FROM teams t LEFT JOIN users u ON u.id = t.supervisor_id ORDER BY t.position, t.id`,
    )
    .all() as { id: string; supervisor_id: string | null; supervisor_name: string | null }[];
  const agentsOf = db.prepare(
    `SELECT id FROM users WHERE team_id = ? AND role = 'agent' AND active = 1 ORDER BY employee_number`,
  );
  const insertSeat = db.prepare(
    'INSERT INTO seats (id, label, team_id, agent_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );

  let serialNumber = 0;
  const addAsset = (type: AssetType, seatId: string | null, status: 'in_service' | 'retired') => {
    serialNumber += rng.int(1, 9);
    equipment.store.insertAsset(
      {
        id: newId('ast'),
        type,
        serial: `${SERIAL_PREFIX[type]}-${String(240_000 + serialNumber).padStart(7, '0')}`,
        model: rng.pick(MODELS[type]),
        seatId,
        teamId: null,
        status,
        openWorkOrderId: null,
        lastCheckedAt: null,
        version: 1,
      },
      seatsCreated,
    );
  };

  // Seats and their assets.
  teams.forEach((team, i) => {
    const letter = String.fromCharCode(65 + i);
    const agents = agentsOf.all(team.id) as { id: string }[];
    for (let n = 1; n <= agents.length + 1; n++) {
      const label = `${letter}-${String(n).padStart(2, '0')}`;
      const seatId = `seat_${letter.toLowerCase()}${String(n).padStart(2, '0')}`;
      // The last seat of each team is a spare one, nobody sits there.
      insertSeat.run(seatId, label, team.id, agents[n - 1]?.id ?? null, seatsCreated);
      for (const type of ASSET_TYPES) {
        if (type === 'softphone_licence' && rng.chance(0.3)) continue;
        addAsset(type, seatId, 'in_service');
      }
      if (rng.chance(0.08)) addAsset('monitor', seatId, 'retired');
    }
  });
  // Spares in storage.
  for (const type of ['headset', 'headset', 'phone', 'monitor'] as AssetType[]) {
    addAsset(type, null, 'in_service');
  }

  // Past checks, their findings and work orders.
  const resolveLater: { id: string; at: number; actor: Caller }[] = [];
  teams.forEach((team, i) => {
    const plan = PLANS[i % PLANS.length]!;
    if (!team.supervisor_id) return;
    const supervisor: Caller = {
      userId: team.supervisor_id,
      role: 'supervisor',
      teamId: team.id,
      name: team.supervisor_name ?? team.supervisor_id,
      tokenKey: 'seed',
    };
    for (const planned of plan.checks) {
      const startedAt = now - planned.daysAgo * DAY + rng.int(1, 8) * HOUR;
      // Fix what earlier checks found before this one, as the repairs happened in between.
      for (const fix of resolveLater.splice(0)) resolve(fix.id, fix.at, fix.actor);
      const check = equipment.startCheck(supervisor, { teamId: team.id }, new Date(startedAt));
      const findings = new Set<number>();
      while (findings.size < Math.min(planned.findings, check.items.length)) {
        findings.add(rng.int(0, check.items.length - 1));
      }
      let fixed = planned.fixed;
      const results = check.items.map((item, index) => {
        let result: CheckResult = 'pass';
        let note = '';
        if (findings.has(index)) {
          result = rng.chance(0.75) ? 'fail' : 'missing';
          note = result === 'fail' ? rng.pick(FAIL_NOTES[item.assetType]) : rng.pick(MISSING_NOTES);
        } else if (item.assetType === 'softphone_licence' && rng.chance(0.1)) {
          result = 'not_applicable';
        }
        return { assetId: item.assetId, result, ...(note ? { note } : {}) };
      });
      const recorded = equipment.updateCheck(supervisor, check.id, check.version, {
        items: results,
      });
      const submitted = equipment.submitCheck(
        supervisor,
        check.id,
        recorded.version,
        new Date(startedAt + rng.int(1, 3) * HOUR),
      );
      for (const item of submitted.items) {
        if (!item.workOrderId || fixed <= 0) continue;
        fixed--;
        const at = Math.min(now - HOUR, startedAt + rng.int(1, 5) * DAY);
        resolveLater.push({ id: item.workOrderId, at, actor: supervisor });
      }
    }
    for (const fix of resolveLater.splice(0)) resolve(fix.id, fix.at, fix.actor);
  });

  // A check half done: one seat of the online team, started yesterday.
  const lastTeam = teams[teams.length - 1];
  if (lastTeam?.supervisor_id) {
    const supervisor: Caller = {
      userId: lastTeam.supervisor_id,
      role: 'supervisor',
      teamId: lastTeam.id,
      name: lastTeam.supervisor_name ?? lastTeam.supervisor_id,
      tokenKey: 'seed',
    };
    const seat = equipment.store.seatsOfTeam(lastTeam.id)[2];
    if (seat) {
      const draft = equipment.startCheck(
        supervisor,
        { teamId: lastTeam.id, seatId: seat.id },
        new Date(now - DAY),
      );
      equipment.updateCheck(supervisor, draft.id, draft.version, {
        items: draft.items
          .slice(0, Math.ceil(draft.items.length / 2))
          .map((item) => ({ assetId: item.assetId, result: 'pass' as const })),
      });
    }
  }

  tickets.recomputeAllSla(services.clock());

  function resolve(ticketId: string, at: number, actor: Caller): void {
    const started = tickets.transition(
      actor,
      ticketId,
      null,
      { transition: 'start' },
      new Date(at - 2 * HOUR),
      { system: true },
    );
    tickets.transition(
      actor,
      ticketId,
      started.version,
      { transition: 'resolve', resolution: rng.pick(RESOLUTIONS) },
      new Date(at),
      { system: true },
    );
  }
}
