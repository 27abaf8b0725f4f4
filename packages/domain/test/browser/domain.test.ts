/// <reference types="mocha" />
// The domain rules run unchanged in the browser (the SDK and the widgets import them there).
import { expect } from '@open-wc/testing';
import {
  addBusinessSeconds,
  allowedTransitions,
  businessSecondsBetween,
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

  it('masks personal data the same way as on the server', () => {
    expect(maskName('张伟')).to.equal('张*');
    expect(maskPhone('13812345678')).to.equal('138****5678');
  });
});
