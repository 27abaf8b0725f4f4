import { expect, fixtureSync, html as testHtml } from '@open-wc/testing';
import { reportError } from './status.js';
import { CcErrorEvent } from './events.js';
import { probe, place } from '../test-utils/probe.js';

describe('reportError()', () => {
  it('describes the error, fires cc-error from the element once, and returns the description', async () => {
    const root = fixtureSync(testHtml`<div><i></i></div>`);
    const el = await place(root, 'i', probe());
    const heard: CcErrorEvent[] = [];
    root.addEventListener('cc-error', (e) => heard.push(e as CcErrorEvent));
    const failure = Object.assign(new Error('Conflict'), {
      name: 'ConflictError',
      status: 409,
      requestId: 'req-1',
    });
    const info = reportError(el, failure);
    expect(info.kind).to.equal('conflict');
    expect(info.status).to.equal(409);
    expect(info.requestId).to.equal('req-1');
    expect(info.cause).to.equal(failure);
    expect(heard).to.have.length(1);
    expect(heard[0]).to.be.instanceOf(CcErrorEvent);
    expect(heard[0]!.target).to.equal(el);
    expect(heard[0]!.bubbles && heard[0]!.composed).to.equal(true);
    expect([heard[0]!.code, heard[0]!.status, heard[0]!.requestId, heard[0]!.error]).to.deep.equal([
      info.code,
      409,
      'req-1',
      failure,
    ]);
  });
});
