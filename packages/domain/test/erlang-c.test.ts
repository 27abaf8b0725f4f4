import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agentsNeeded,
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  occupancy,
  serviceLevel,
  trafficIntensity,
} from '../src/erlang-c.js';

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

describe('Erlang C, published examples', () => {
  test('100 calls per 30 min, AHT 180 s, 80/20 -> 14 agents', () => {
    const result = agentsNeeded({
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    });
    assert.equal(result.agents, 14);
    assert.equal(round(result.serviceLevel, 3), 0.888);
    assert.equal(round(result.occupancy, 3), 0.714);
    assert.equal(round(result.probabilityOfWaiting, 3), 0.174);
    // 13 agents are not enough.
    const with13 = {
      agents: 13,
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
    };
    assert.ok(serviceLevel(with13) < 0.8);
  });

  test('360 calls per 30 min, AHT 240 s, 55 agents, 15 s threshold', () => {
    const input = {
      agents: 55,
      callsPerInterval: 360,
      ahtSeconds: 240,
      intervalSeconds: 1800,
      thresholdSeconds: 15,
    };
    assert.equal(trafficIntensity(360, 240, 1800), 48);
    assert.equal(round(erlangC(55, 48), 4), 0.2387);
    assert.equal(round(serviceLevel(input), 4), 0.8459);
    assert.equal(round(averageSpeedOfAnswer(input), 2), 8.18);
    assert.equal(round(occupancy(input), 4), 0.8727);
  });

  test('a large center does not overflow', () => {
    const result = agentsNeeded({
      callsPerInterval: 5000,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    });
    assert.equal(result.agents, 510);
    assert.ok(
      Number.isFinite(result.serviceLevel) && result.serviceLevel >= 0.8 && result.serviceLevel < 1,
    );
    assert.ok(result.probabilityOfWaiting > 0 && result.probabilityOfWaiting < 1);
    const huge = agentsNeeded({
      callsPerInterval: 100_000,
      ahtSeconds: 300,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.9,
    });
    assert.ok(huge.agents > 16_666 && huge.agents < 17_000);
    assert.ok(Number.isFinite(erlangC(20_000, 19_999.5)));
  });
});

describe('Erlang behaviour', () => {
  test('Erlang B and C at the edges', () => {
    assert.equal(erlangB(0, 5), 1);
    assert.equal(erlangB(1, 1), 0.5);
    assert.equal(erlangC(5, 5), 1);
    assert.equal(erlangC(4, 5), 1);
    assert.equal(erlangC(3, 0), 0);
    assert.equal(round(erlangC(2, 1), 6), round(1 / 3, 6)); // M/M/2 with A = 1: C = 1/3
  });

  test('service level rises and ASA falls as agents are added', () => {
    let lastSl = -1;
    let lastAsa = Infinity;
    for (let agents = 10; agents <= 25; agents++) {
      const input = {
        agents,
        callsPerInterval: 100,
        ahtSeconds: 180,
        intervalSeconds: 1800,
        thresholdSeconds: 20,
      };
      const sl = serviceLevel(input);
      const asa = averageSpeedOfAnswer(input);
      assert.ok(sl >= lastSl && sl <= 1);
      assert.ok(asa <= lastAsa);
      lastSl = sl;
      lastAsa = asa;
    }
    const understaffed = {
      agents: 10,
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
    };
    assert.equal(serviceLevel(understaffed), 0);
    assert.equal(averageSpeedOfAnswer(understaffed), Infinity);
    assert.equal(occupancy(understaffed), 1);
  });

  test('an occupancy ceiling adds agents', () => {
    const base = {
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    };
    const capped = agentsNeeded({ ...base, maxOccupancy: 0.65 });
    assert.equal(capped.agents, 16); // 10 / 16 = 0.625
    assert.ok(capped.occupancy <= 0.65);
  });

  test('no calls need no agents', () => {
    assert.deepEqual(
      agentsNeeded({
        callsPerInterval: 0,
        ahtSeconds: 180,
        intervalSeconds: 1800,
        thresholdSeconds: 20,
        targetServiceLevel: 0.8,
      }),
      { agents: 0, serviceLevel: 1, probabilityOfWaiting: 0, asaSeconds: 0, occupancy: 0 },
    );
  });

  test('bad input throws RangeError', () => {
    const ok = {
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    };
    assert.throws(() => agentsNeeded({ ...ok, callsPerInterval: -1 }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, intervalSeconds: 0 }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, ahtSeconds: Number.NaN }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, targetServiceLevel: 1 }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, targetServiceLevel: 0 }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, maxOccupancy: 1.2 }), RangeError);
    assert.throws(() => agentsNeeded({ ...ok, thresholdSeconds: -5 }), RangeError);
    assert.throws(() => serviceLevel({ ...ok, agents: 2.5 }), RangeError);
    assert.throws(() => erlangC(-1, 3), RangeError);
    assert.throws(() => erlangB(3, Infinity), RangeError);
  });
});
