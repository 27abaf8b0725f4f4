/**
 * Demo call records and agent presence: the past 90 days of a center in the center's time zone,
 * with its daily rhythm (peaks around 10:00 and 15:00, quiet nights, quieter weekends), each team's
 * queues, answered and abandoned calls, realistic handle times, CSAT on about 30 % of the answered
 * calls, first-contact results on about 70 %, presence per agent per working day, and a few calls
 * waiting and in progress now so the live figures show something.
 *
 * `CC_SEED_CALLS=<n>` makes about n calls instead of ~40,000 (benchmarks: 1000000).
 */
import { zonedToInstant, timeZoneOffset } from '@cc-kit/domain';
import type { Services } from '../core/area.js';
import { newId } from '../core/ids.js';
import { prepare } from '../db/database.js';
import { INSERT_CALL_SQL, callParams } from '../areas/calls/sqlite-store.js';
import type { CallRecord } from '../areas/calls/store.js';
import { Rng } from './random.js';

const DAYS = 90;
const DEFAULT_CALLS = 40_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Relative call volume per local hour: quiet nights, peaks at 10:00 and 15:00. */
const HOURLY = [
  0.6, 0.4, 0.3, 0.3, 0.3, 0.5, 1, 2.5, 6, 9, 11, 9.5, 7, 7.5, 9, 10.5, 9, 7, 5, 4, 3, 2.2, 1.5, 1,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
/** Relative volume per weekday, Monday first. */
const WEEKDAY = [1.15, 1.05, 1, 1, 1.05, 0.7, 0.55];
const WEEKDAY_MEAN = WEEKDAY.reduce((a, b) => a + b, 0) / 7;

const TEAM_WEIGHTS: Record<string, number> = {
  team_residential: 35,
  team_business: 20,
  team_technical: 30,
  team_online: 15,
};

/** Shifts in local hours: early 08–17, late 12–21 (lunch or dinner break in the middle). */
const SHIFTS = [
  { start: 8, end: 17, meal: 12 },
  { start: 12, end: 21, meal: 17 },
];

function phone(rng: Rng): string {
  const prefix = rng.pick(['138', '139', '186', '137', '159', '188', '135', '176']);
  return `${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

export function seedCalls(services: Services, random: () => number): void {
  const { db } = services;
  const rng = new Rng(random);
  const now = services.clock().getTime();
  const timeZone =
    (
      db.prepare('SELECT time_zone FROM business_calendar WHERE id = 1').get() as
        { time_zone: string } | undefined
    )?.time_zone ?? 'UTC';
  const total =
    Number(process.env.CC_SEED_CALLS) > 0 ? Number(process.env.CC_SEED_CALLS) : DEFAULT_CALLS;
  const perDay = total / DAYS;

  const teams = db.prepare('SELECT id, queues_json FROM teams ORDER BY position, id').all() as {
    id: string;
    queues_json: string;
  }[];
  if (!teams.length) return;
  const agentsByTeam = new Map<string, string[]>();
  for (const row of db
    .prepare(`SELECT id, team_id FROM users WHERE role = 'agent' AND active = 1 ORDER BY id`)
    .all() as { id: string; team_id: string }[]) {
    const list = agentsByTeam.get(row.team_id) ?? [];
    list.push(row.id);
    agentsByTeam.set(row.team_id, list);
  }
  const teamPicks = teams.map((t) => [t, TEAM_WEIGHTS[t.id] ?? 10] as const);

  // Local midnight of today, and of the first day.
  const local = (ms: number) => ms + timeZoneOffset(timeZone, ms);
  const today = Math.floor(local(now) / DAY) * DAY; // local date as UTC ms
  const insert = prepare(db, INSERT_CALL_SQL);
  const presence = prepare(
    db,
    `INSERT INTO agent_presence (agent_id, state, at, recorded_by, recorded_at) VALUES (?, ?, ?, NULL, ?)`,
  );
  const iso = (ms: number) => new Date(ms).toISOString();
  let seq = 0;

  for (let d = DAYS - 1; d >= 0; d--) {
    const localDay = today - d * DAY;
    const weekday = (new Date(localDay).getUTCDay() + 6) % 7;
    const dayVolume = (perDay * WEEKDAY[weekday]!) / WEEKDAY_MEAN;
    const stamp = new Date(localDay).toISOString().slice(0, 10).replace(/-/g, '');

    for (let h = 0; h < 24; h++) {
      const hourStart = zonedToInstant(localDay + h * HOUR, timeZone);
      if (hourStart > now) break;
      const expected = (dayVolume * HOURLY[h]!) / HOURLY_TOTAL;
      const n = Math.max(0, Math.round(expected * (0.85 + rng.next() * 0.3)));
      // Busier hours wait longer.
      const load = HOURLY[h]! / 11;
      for (let k = 0; k < n; k++) {
        const offered = hourStart + Math.floor(rng.next() * HOUR);
        if (offered > now) continue;
        const team = rng.weighted(teamPicks);
        const queues = JSON.parse(team.queues_json) as string[];
        const queue = rng.pick(queues);
        const agents = agentsByTeam.get(team.id) ?? [];
        const shiftAgents = agents.filter((_, i) => {
          const s = SHIFTS[i % 2]!;
          return h >= s.start && h < s.end;
        });
        const agent = rng.pick(shiftAgents.length ? shiftAgents : agents) ?? null;
        const wait = Math.round(-Math.log(1 - rng.next()) * (4 + 14 * load) * 10) / 10;
        const patience = -Math.log(1 - rng.next()) * 260;
        const abandoned = wait > patience || rng.chance(0.01);
        const record: CallRecord = {
          id: newId('call'),
          externalId: `pbx-${stamp}-${String(++seq).padStart(7, '0')}`,
          queue,
          teamId: team.id,
          agentId: null,
          direction: rng.chance(0.92) ? 'inbound' : 'outbound',
          status: 'completed',
          offeredAt: iso(offered),
          answeredAt: null,
          abandonedAt: null,
          endedAt: null,
          waitSeconds: null,
          talkSeconds: 0,
          holdSeconds: 0,
          afterCallWorkSeconds: 0,
          transferred: false,
          resolvedOnFirstContact: null,
          csat: null,
          customerPhone: rng.chance(0.9) ? phone(rng) : null,
          createdAt: iso(offered),
          updatedAt: iso(offered),
        };
        if (abandoned) {
          const waited = Math.min(wait, Math.round(patience * 10) / 10);
          const at = offered + waited * 1000;
          if (at > now) record.status = 'waiting';
          else {
            record.status = 'abandoned';
            record.abandonedAt = iso(at);
            record.waitSeconds = waited;
          }
        } else {
          const answered = offered + wait * 1000;
          const talk = rng.int(130, 330);
          const hold = rng.chance(0.3) ? rng.int(5, 45) : 0;
          const acw = rng.int(15, 60);
          const ended = answered + (talk + hold) * 1000;
          record.agentId = agent;
          if (answered > now) record.status = 'waiting';
          else {
            record.answeredAt = iso(answered);
            record.waitSeconds = wait;
            if (ended > now) record.status = 'in_progress';
            else {
              record.endedAt = iso(ended);
              record.talkSeconds = talk;
              record.holdSeconds = hold;
              record.afterCallWorkSeconds = acw;
              record.transferred = rng.chance(0.05);
              if (rng.chance(0.7)) record.resolvedOnFirstContact = rng.chance(0.76);
              if (rng.chance(0.3)) {
                record.csat = rng.weighted([
                  [5, 48],
                  [4, 34],
                  [3, 10],
                  [2, 5],
                  [1, 3],
                ] as const);
              }
            }
          }
        }
        record.updatedAt = iso(
          Math.max(
            ...[record.offeredAt, record.answeredAt, record.abandonedAt, record.endedAt]
              .filter((t): t is string => t !== null)
              .map((t) => Date.parse(t)),
          ),
        );
        insert.run(callParams(record));
      }
    }

    // Presence: each agent works five days a week (days off rotate), one shift a day.
    agentsByTeam.forEach((agents) => {
      agents.forEach((agentId, i) => {
        const offA = i % 7;
        const offB = (i + 3) % 7;
        if (weekday === offA || weekday === offB) return;
        const shift = SHIFTS[i % 2]!;
        const at = (localHour: number) => zonedToInstant(localDay + localHour * HOUR, timeZone);
        let t = at(shift.start) + rng.int(-5, 5) * MINUTE;
        const end = at(shift.end) + rng.int(0, 10) * MINUTE;
        const meal = at(shift.meal);
        let mealTaken = false;
        const log = (state: string, ms: number) => {
          if (ms <= now) presence.run(agentId, state, iso(ms), iso(ms));
        };
        log('available', t);
        t += rng.int(2, 10) * MINUTE;
        while (t < end) {
          if (!mealTaken && t >= meal) {
            mealTaken = true;
            log('break', t);
            t += rng.int(45, 60) * MINUTE;
            log('available', t);
            t += rng.int(1, 5) * MINUTE;
            continue;
          }
          log('on_call', t);
          t += rng.int(35, 75) * MINUTE;
          log('after_call_work', t);
          t += rng.int(3, 8) * MINUTE;
          if (rng.chance(0.15)) {
            log('break', t);
            t += rng.int(10, 15) * MINUTE;
          }
          log('available', t);
          t += rng.int(4, 15) * MINUTE;
        }
        log('offline', t);
      });
    });
  }

  // A few calls waiting now, so the live tiles show a queue, and a few being talked through.
  for (let k = 0; k < 10; k++) {
    const inProgress = k >= 6;
    const team = rng.weighted(teamPicks);
    const offered = now - rng.int(5, inProgress ? 400 : 150) * 1000;
    const answeredAt = inProgress ? Math.min(now, offered + rng.int(3, 25) * 1000) : null;
    const record: CallRecord = {
      id: newId('call'),
      externalId: `pbx-live-${String(k + 1).padStart(3, '0')}`,
      queue: rng.pick(JSON.parse(team.queues_json) as string[]),
      teamId: team.id,
      agentId: inProgress ? (rng.pick(agentsByTeam.get(team.id) ?? []) ?? null) : null,
      direction: 'inbound',
      status: inProgress ? 'in_progress' : 'waiting',
      offeredAt: iso(offered),
      answeredAt: answeredAt === null ? null : iso(answeredAt),
      abandonedAt: null,
      endedAt: null,
      waitSeconds: answeredAt === null ? null : (answeredAt - offered) / 1000,
      talkSeconds: 0,
      holdSeconds: 0,
      afterCallWorkSeconds: 0,
      transferred: false,
      resolvedOnFirstContact: null,
      csat: null,
      customerPhone: phone(rng),
      createdAt: iso(offered),
      updatedAt: iso(offered),
    };
    insert.run(callParams(record));
  }
}
