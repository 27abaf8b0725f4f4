/**
 * Erlang C staffing: how many agents a queue needs for a service-level target.
 *
 * Numerically stable for large centers: Erlang B by its recursion
 * B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), then C = N·B / (N − A·(1 − B)). No factorials,
 * no powers, so nothing overflows (5,000 calls per half hour is fine).
 */

export interface TrafficInput {
  /** Calls arriving per interval. */
  callsPerInterval: number;
  /** Average handle time, seconds. */
  ahtSeconds: number;
  /** Length of the interval, seconds (1800 for half-hour intervals). */
  intervalSeconds: number;
}

export interface StaffingInput extends TrafficInput {
  agents: number;
  /** Service-level threshold: answered within this many seconds. */
  thresholdSeconds: number;
}

export interface AgentsNeededInput extends TrafficInput {
  thresholdSeconds: number;
  /** Share of calls to answer within the threshold, in (0, 1). */
  targetServiceLevel: number;
  /** Optional ceiling on occupancy, in (0, 1]: adds agents until A / N is at most this. */
  maxOccupancy?: number;
}

export interface StaffingResult {
  agents: number;
  serviceLevel: number;
  probabilityOfWaiting: number;
  asaSeconds: number;
  occupancy: number;
}

/** Throws a RangeError unless `value` is a finite number ≥ 0 (`open`: > 0; `integer`: whole). */
function check(name: string, value: number, { open = false, integer = false } = {}): void {
  if (
    !(Number.isFinite(value) && (open ? value > 0 : value >= 0)) ||
    (integer && !Number.isInteger(value))
  ) {
    throw new RangeError(`Invalid ${name}: ${String(value)}`);
  }
}

export function trafficIntensity(
  callsPerInterval: number,
  ahtSeconds: number,
  intervalSeconds: number,
): number {
  check('callsPerInterval', callsPerInterval);
  check('ahtSeconds', ahtSeconds);
  check('intervalSeconds', intervalSeconds, { open: true });
  return (callsPerInterval * ahtSeconds) / intervalSeconds;
}

/** Erlang B blocking probability for `agents` servers and `traffic` Erlangs. */
export function erlangB(agents: number, traffic: number): number {
  check('agents', agents, { integer: true });
  check('traffic', traffic);
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

function cFromB(agents: number, traffic: number, b: number): number {
  if (agents <= traffic) return 1;
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Erlang C: the probability that a call has to wait. 1 when agents <= traffic (the queue grows without bound). */
export function erlangC(agents: number, traffic: number): number {
  const b = erlangB(agents, traffic);
  return cFromB(agents, traffic, b);
}

function slFromC(
  c: number,
  agents: number,
  traffic: number,
  aht: number,
  threshold: number,
): number {
  if (agents <= traffic) return 0;
  if (aht === 0) return 1;
  return 1 - c * Math.exp((-(agents - traffic) * threshold) / aht);
}

function asaFromC(c: number, agents: number, traffic: number, aht: number): number {
  if (agents <= traffic) return Infinity;
  return (c * aht) / (agents - traffic);
}

function checkStaffing(input: StaffingInput): number {
  const traffic = trafficIntensity(input.callsPerInterval, input.ahtSeconds, input.intervalSeconds);
  check('agents', input.agents, { integer: true });
  check('thresholdSeconds', input.thresholdSeconds);
  return traffic;
}

/**
 * Share of calls answered within the threshold: 1 − C·e^(−(N − A)·T / AHT); 0 when agents <= A.
 */
export function serviceLevel(input: StaffingInput): number {
  const traffic = checkStaffing(input);
  const c = erlangC(input.agents, traffic);
  return slFromC(c, input.agents, traffic, input.ahtSeconds, input.thresholdSeconds);
}

/** Average speed of answer in seconds: C·AHT / (N − A); Infinity when agents <= A. */
export function averageSpeedOfAnswer(input: StaffingInput): number {
  const traffic = checkStaffing(input);
  return asaFromC(erlangC(input.agents, traffic), input.agents, traffic, input.ahtSeconds);
}

/** Agent occupancy A / N, at most 1 (0 with no agents and no traffic). */
export function occupancy(input: Omit<StaffingInput, 'thresholdSeconds'>): number {
  const traffic = trafficIntensity(input.callsPerInterval, input.ahtSeconds, input.intervalSeconds);
  check('agents', input.agents, { integer: true });
  if (input.agents === 0) return traffic === 0 ? 0 : 1;
  return Math.min(1, traffic / input.agents);
}

/**
 * The fewest agents that reach `targetServiceLevel` (and keep occupancy at most `maxOccupancy`
 * when given), with the figures at that staffing. No calls need no agents.
 */
export function agentsNeeded(input: AgentsNeededInput): StaffingResult {
  const traffic = trafficIntensity(input.callsPerInterval, input.ahtSeconds, input.intervalSeconds);
  check('thresholdSeconds', input.thresholdSeconds);
  check('targetServiceLevel', input.targetServiceLevel, { open: true });
  if (input.targetServiceLevel >= 1) {
    throw new RangeError(
      `Invalid targetServiceLevel: ${input.targetServiceLevel} (must be below 1)`,
    );
  }
  const maxOccupancy = input.maxOccupancy ?? 1;
  check('maxOccupancy', maxOccupancy, { open: true });
  if (maxOccupancy > 1) throw new RangeError(`Invalid maxOccupancy: ${maxOccupancy}`);
  if (traffic === 0) {
    return { agents: 0, serviceLevel: 1, probabilityOfWaiting: 0, asaSeconds: 0, occupancy: 0 };
  }
  const { ahtSeconds: aht, thresholdSeconds: threshold } = input;
  // Start at the least stable staffing (more agents than Erlangs) that meets the occupancy cap.
  let agents = Math.max(Math.floor(traffic) + 1, Math.ceil(traffic / maxOccupancy));
  let b = erlangB(agents, traffic);
  for (;;) {
    const c = cFromB(agents, traffic, b);
    const sl = slFromC(c, agents, traffic, aht, threshold);
    if (sl >= input.targetServiceLevel && traffic / agents <= maxOccupancy) {
      return {
        agents,
        serviceLevel: sl,
        probabilityOfWaiting: c,
        asaSeconds: asaFromC(c, agents, traffic, aht),
        occupancy: traffic / agents,
      };
    }
    agents += 1;
    b = (traffic * b) / (agents + traffic * b);
  }
}
