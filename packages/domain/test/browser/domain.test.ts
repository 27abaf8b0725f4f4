/// <reference types="mocha" />
// The domain rules run unchanged in the browser (the SDK and the widgets import them there).
import { expect } from '@open-wc/testing';
import {
  addBusinessSeconds,
  agentsNeeded,
  allowedTransitions,
  businessSecondsBetween,
  erlangC,
  maskName,
  maskPhone,
  nextState,
  type BusinessCalendar,
} from '@cc-kit/domain';

const HOUR = 3600;

const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  hours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '18:00' })),
  holidays: [],
};

describe('@cc-kit/domain in Chromium', () => {
  it('follows the ticket state machines', () => {
    expect(allowedTransitions('complaint', 'open')).to.deep.equal([
      'await_customer',
      'escalate',
      'resolve',
    ]);
    expect(allowedTransitions('voicemail', 'new')).to.deep.equal(['start', 'close']);
    expect(nextState('praise', 'new', 'escalate')).to.equal(null);
    expect(allowedTransitions('work_order', 'closed')).to.deep.equal([]);
  });

  it('counts business time with the browser’s own time-zone data', () => {
    // Friday 2025-01-03 16:00 in Shanghai (08:00Z) + 8 business hours = Monday 15:00 (07:00Z).
    const due = addBusinessSeconds(shanghai, new Date('2025-01-03T08:00:00Z'), 8 * HOUR);
    expect(due.toISOString()).to.equal('2025-01-06T07:00:00.000Z');
    expect(businessSecondsBetween(shanghai, new Date('2025-01-03T08:00:00Z'), due)).to.equal(
      8 * HOUR,
    );
  });

  it('computes Erlang C staffing to the published figures', () => {
    // 360 calls per 30 min at 240 s AHT is 48 erlangs; with 55 agents P(wait) = 0.2387.
    expect(erlangC(55, 48)).to.be.closeTo(0.2387, 0.00005);
    const staffing = agentsNeeded({
      callsPerInterval: 100,
      ahtSeconds: 180,
      intervalSeconds: 1800,
      thresholdSeconds: 20,
      targetServiceLevel: 0.8,
    });
    expect(staffing.agents).to.equal(14);
    expect(staffing.serviceLevel).to.be.closeTo(0.888, 0.0005);
  });

  it('masks personal data the same way as on the server', () => {
    expect(maskName('张伟')).to.equal('张*');
    expect(maskPhone('13812345678')).to.equal('138****5678');
  });
});
