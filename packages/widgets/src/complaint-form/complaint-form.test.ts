import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parse } from 'yaml';
import { createClient } from '@cc-kit/sdk';
import { validateCustomFields } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-complaint-form.js';
import type { CcClient } from '../shared/client.js';
import { expectCompleteCatalog } from '../shared/i18n/i18n.test.js';
import { expectAccessible } from '../test-utils/axe.js';
import { FIELD_RULES, type CcComplaintForm } from './complaint-form.js';
import type { CcComplaintSubmitEvent, CcComplaintSubmittedEvent } from './complaint-form.events.js';
import { messages } from './complaint-form.i18n.js';
import { DRAFT_TTL, readDraft, writeDraft } from './drafts.js';

type Role = Schema<'Role'>;

let apiUrl: string;
const AGENT = 'usr_agent_1_01';

/** A client for a demo user, as the portal signs in; `fetch` wraps the real one for faults. */
function clientFor(
  who: { role: Role } | { userId: string },
  options: { fetch?: typeof fetch; timeout?: number } = {},
): CcClient {
  const anonymous = createClient({ baseUrl: apiUrl });
  return createClient({
    baseUrl: apiUrl,
    ...options,
    retry: { attempts: 2, baseDelay: 20, maxDelay: 50 },
    getToken: async () => {
      const grant = await anonymous.demo.token(who);
      return { token: grant.token, expiresAt: grant.expiresAt };
    },
  });
}
let agent: CcClient;
let auditor: CcClient;

before(async () => {
  ({ apiUrl } = (await (await fetch('/__cc/config')).json()) as { apiUrl: string });
  agent = clientFor({ userId: AGENT });
  auditor = clientFor({ role: 'complaint_supervisor' });
  await agent.me.get();
});

const unique = () => `m${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

function mount(client: CcClient, attrs: { key?: string; locale?: string } = {}) {
  return fixtureSync<CcComplaintForm>(
    html`<cc-complaint-form
      .client=${client}
      draft-key=${attrs.key ?? unique()}
      locale=${attrs.locale ?? 'en'}
      time-zone="Asia/Shanghai"
    ></cc-complaint-form>`,
  );
}

const root = (el: CcComplaintForm) => el.shadowRoot!;
const control = (el: CcComplaintForm, name: string) =>
  root(el).querySelector<HTMLInputElement>(`[name="${name}"]`);
const errorOf = (el: CcComplaintForm, name: string) =>
  root(el).querySelector(`[id="e-${name}"]`)?.textContent?.trim() ?? '';

async function ready(el: CcComplaintForm) {
  await waitUntil(() => control(el, 'customerName'), 'the form did not load', { timeout: 8000 });
  await el.updateComplete;
}

/** Types a value into a field the way a user's input does (an `input` event from the control). */
async function fill(el: CcComplaintForm, name: string, value: string) {
  const c = control(el, name);
  if (!c) throw new Error(`no field ${name}`);
  c.value = value;
  c.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function fillValid(el: CcComplaintForm, marker: string, extra: Record<string, string> = {}) {
  await fill(el, 'customerName', '李娜');
  await fill(el, 'customerPhone', '13812345678');
  await fill(el, 'categoryId', 'cat_service_wait');
  await fill(el, 'description', `Waited forty minutes on the line, ${marker}`);
  for (const [name, value] of Object.entries(extra)) await fill(el, name, value);
}

async function routed(el: CcComplaintForm) {
  await waitUntil(() => root(el).querySelector('.routing dl'), 'no routing suggestion shown', {
    timeout: 8000,
  });
}

/** The complaints the server holds whose description contains `marker`. */
async function onServer(marker: string) {
  const page = await auditor.tickets.list({ kind: ['complaint'], q: marker, limit: 10 });
  return page.items;
}

const submitted = (el: CcComplaintForm) =>
  new Promise<CcComplaintSubmittedEvent>((resolve) =>
    el.addEventListener('cc-complaint-submitted', resolve, { once: true }),
  );

async function submit(el: CcComplaintForm) {
  root(el).querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
}

describe('<cc-complaint-form> against the reference server', () => {
  it('has every string in en, zh-Hans and zh-Hant', async () => {
    await expectCompleteCatalog(messages);
  });

  it("checks the fixed fields with the contract's own limits", async () => {
    const spec = parse(await (await fetch('/packages/spec/openapi.yaml')).text());
    const schemas = spec.components.schemas;
    const create = schemas.ComplaintCreate;
    const customer = {
      ...schemas.Customer.properties,
      ...create.properties.customer.allOf[1].properties,
    };
    const id = schemas.Id;
    const expected = {
      customerName: { required: true, max: customer.name.maxLength },
      customerPhone: { max: customer.phone.maxLength, pattern: customer.phone.pattern },
      customerId: { max: customer.customerId.maxLength },
      channel: { required: true },
      categoryId: { required: true },
      severity: { required: true },
      description: {
        required: true,
        min: create.properties.description.minLength,
        max: create.properties.description.maxLength,
      },
      desiredResolution: { max: create.properties.desiredResolution.maxLength },
      relatedTicketId: { max: id.maxLength, pattern: id.pattern },
      relatedCallId: { max: id.maxLength, pattern: id.pattern },
    };
    expect(FIELD_RULES).to.deep.equal(expected);
    expect(create.required).to.include.members([
      'customer',
      'channel',
      'categoryId',
      'severity',
      'description',
    ]);
  });

  it('flags required fields in the user’s language, focuses the first and announces', async () => {
    const el = mount(agent, { locale: 'zh-Hans' });
    await ready(el);
    await submit(el);
    await waitUntil(() => control(el, 'customerName')!.getAttribute('aria-invalid') === 'true');
    for (const name of ['customerName', 'categoryId', 'severity', 'description']) {
      expect(control(el, name)!.getAttribute('aria-invalid'), name).to.equal('true');
      expect(errorOf(el, name), name).to.equal('此项必填。');
    }
    expect(root(el).activeElement?.getAttribute('name')).to.equal('customerName');
    expect(control(el, 'customerPhone')!.getAttribute('aria-invalid')).to.equal('false');
    await waitUntil(() => root(el).querySelector('[aria-live]')!.textContent!.includes('4'));
    // Fixing a field clears its message as the user types.
    await fill(el, 'description', 'too short');
    expect(errorOf(el, 'description')).to.equal('至少 10 个字。');
    await fill(el, 'description', 'long enough now');
    expect(errorOf(el, 'description')).to.equal('');
    expect(el.checkValidity()).to.equal(false);
  });

  it('renders the category’s own fields and validates them with the domain rules', async () => {
    const el = mount(agent);
    await ready(el);
    const { items } = await agent.complaintCategories.list({ limit: 200 });
    const category = items.find((c) => c.id === 'cat_billing_dispute')!;
    await fill(el, 'categoryId', category.id);
    // Its default severity is proposed.
    expect(control(el, 'severity')!.value).to.equal(category.defaultSeverity);
    for (const def of category.customFields) {
      const label = root(el).querySelector(`label[for="cf.${def.key}"]`)!;
      expect(label.textContent).to.contain(def.label.en);
    }
    await fill(el, 'cf.invoiceNumber', 'ABC');
    await fill(el, 'cf.disputedAmount', '2000000');
    await submit(el);
    const issues = validateCustomFields(category.customFields, {
      invoiceNumber: 'ABC',
      disputedAmount: 2000000,
    });
    expect(issues.map((i) => i.code)).to.deep.equal(['pattern', 'max']);
    expect(errorOf(el, 'cf.invoiceNumber')).to.equal('This does not have the expected format.');
    expect(errorOf(el, 'cf.disputedAmount')).to.equal('Enter at most 1,000,000.');
    // A select field (another category) lists the API's options in the user's language.
    el.locale = 'zh-Hant';
    await fill(el, 'categoryId', 'cat_network_speed');
    const options = [...control(el, 'cf.plan')!.querySelectorAll('option')].map((o) =>
      o.textContent!.trim(),
    );
    expect(options).to.include.members(['100M 寬頻', '千兆寬頻']);
    expect(errorOf(el, 'cf.location')).to.equal('此欄位為必填。');
  });

  it('searches the two-level category list', async () => {
    const el = mount(agent);
    await ready(el);
    const search = root(el).querySelector<HTMLInputElement>('#query')!;
    search.value = 'refund';
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    const groups = [...control(el, 'categoryId')!.querySelectorAll('optgroup')];
    expect(groups.map((g) => g.label)).to.deep.equal(['Billing and charges']);
    expect([...groups[0]!.querySelectorAll('option')].map((o) => o.value)).to.deep.equal([
      'cat_billing_refund',
    ]);
  });

  it('shows the routing suggestion and deadline as category, severity and channel change', async () => {
    const el = mount(agent);
    await ready(el);
    expect(root(el).querySelector('.routing')!.textContent).to.contain('Choose a category');
    await fill(el, 'categoryId', 'cat_network_outage');
    await routed(el);
    const departments = (await agent.departments.list({ limit: 100 })).items;
    const name = (id: string) => departments.find((d) => d.id === id)!.name.en;
    for (const severity of ['high', 'low'] as const) {
      await fill(el, 'severity', severity);
      const expected = await agent.complaints.suggestRouting({
        categoryId: 'cat_network_outage',
        severity,
        channel: 'phone',
      });
      await waitUntil(
        () =>
          root(el).querySelector('.routing dd')?.textContent?.includes(name(expected.departmentId)),
        `department for ${severity}`,
      );
      await el.updateComplete;
      const text = root(el).querySelector('.routing')!.textContent!;
      expect(text).to.contain('Acknowledgement deadline');
    }
    // An agent may not choose the department.
    expect(control(el, 'departmentId')).to.equal(null);
  });

  it('lets a complaint supervisor choose another handling department', async () => {
    const el = mount(clientFor({ role: 'complaint_supervisor' }));
    await ready(el);
    const marker = unique();
    await fillValid(el, marker);
    await routed(el);
    await waitUntil(() => control(el, 'departmentId'), 'no department choice');
    expect(control(el, 'departmentId')!.querySelector('option')!.textContent).to.contain(
      'Customer care',
    );
    await fill(el, 'departmentId', 'dept_legal');
    const event = submitted(el);
    await submit(el);
    const { ticket } = await event;
    expect(ticket.departmentId).to.equal('dept_legal');
    expect(ticket.complaint?.routing.suggestedDepartmentId).to.equal('dept_care');
  });

  it('files once, with the submit event before (cancelable) and submitted after', async () => {
    const el = mount(agent);
    await ready(el);
    const marker = unique();
    await fillValid(el, marker, { desiredResolution: 'A call back', relatedCallId: '' });
    let cancel = true;
    const seen: string[] = [];
    el.addEventListener('cc-complaint-submit', (e: CcComplaintSubmitEvent) => {
      seen.push(e.complaint.description);
      if (cancel) e.preventDefault();
    });
    await submit(el);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).to.have.length(1);
    expect(await onServer(marker)).to.have.length(0);
    cancel = false;
    const event = submitted(el);
    await submit(el);
    const { ticketId, number } = await event;
    const filed = await onServer(marker);
    expect(filed.map((t) => t.id)).to.deep.equal([ticketId]);
    expect(filed[0]!.number).to.equal(number);
    await el.updateComplete;
    const done = root(el).querySelector('[part=confirmation]')!;
    expect(done.textContent).to.contain(`#${number}`);
    expect(done.textContent).to.contain('Customer care');
    expect(root(el).activeElement?.tagName).to.equal('H2');
    // The draft is gone; "file another" starts afresh.
    expect(await readDraft(`${AGENT} ${el.draftKey}`)).to.equal(undefined);
    done.querySelector('button')!.click();
    await el.updateComplete;
    expect(control(el, 'description')!.value).to.equal('');
  });

  it('takes prefill and attributes, and keeps read-only fields locked', async () => {
    const el = fixtureSync<CcComplaintForm>(
      html`<cc-complaint-form
        .client=${agent}
        draft-key=${unique()}
        locale="en"
        customer-id="C-20931"
        related-call-id="call_x"
        readonly-fields="customerName customerPhone"
        .prefill=${{ customer: { name: '王芳', phone: '13900001111' }, channel: 'email' as const }}
      ></cc-complaint-form>`,
    );
    await ready(el);
    expect(control(el, 'customerName')!.value).to.equal('王芳');
    expect(control(el, 'customerName')!.readOnly).to.equal(true);
    expect(control(el, 'customerPhone')!.readOnly).to.equal(true);
    expect(control(el, 'customerId')!.value).to.equal('C-20931');
    expect(control(el, 'relatedCallId')!.value).to.equal('call_x');
    expect(control(el, 'channel')!.value).to.equal('email');
    await fill(el, 'customerName', 'Someone else');
    expect(el.value.customer.name).to.equal('王芳');
    // The host changes the call: the form follows, and keeps what the user chose.
    el.prefill = { customer: { name: '赵磊', phone: '13900002222' } };
    await el.updateComplete;
    expect(control(el, 'customerName')!.value).to.equal('赵磊');
    expect(control(el, 'channel')!.value).to.equal('email');
  });

  it('keeps every value when the locale changes mid-edit', async () => {
    const el = mount(agent);
    await ready(el);
    await fillValid(el, unique(), { desiredResolution: 'Refund', severity: 'high' });
    const before = el.value;
    for (const locale of ['zh-Hans', 'zh-Hant', 'en']) {
      el.locale = locale;
      await el.updateComplete;
      expect(el.value).to.deep.equal(before);
      expect(control(el, 'desiredResolution')!.value).to.equal('Refund');
    }
    el.locale = 'zh-Hant';
    await el.updateComplete;
    expect(root(el).querySelector('label[for=customerName]')!.textContent).to.contain('客戶姓名');
  });

  it('writes what was just typed when the page starts to unload, before its save delay', async () => {
    // Chromium drops IndexedDB writes begun in pagehide on a reload, so the last keystrokes before
    // one were lost; `beforeunload` comes early enough (tests/reliability reloads a real page).
    const key = unique();
    const el = mount(agent, { key });
    await ready(el);
    await fill(el, 'customerName', 'Typed just now');
    await fill(el, 'description', 'The last words before the reload');
    dispatchEvent(new Event('beforeunload'));
    // Read at once: a read begun now sees only writes begun before it, not the delayed save.
    const draft = await readDraft(`${AGENT} ${key}`);
    expect(draft?.values.customerName).to.equal('Typed just now');
    expect(draft?.values.description).to.equal('The last words before the reload');
  });

  it('restores a draft after the page is reloaded, and discards it on request', async () => {
    const key = unique();
    const first = mount(agent, { key });
    await ready(first);
    await fill(first, 'customerName', 'Draft person');
    await fill(first, 'description', 'Half written when the browser closed');
    first.remove(); // like a reload: pending changes are written on the way out
    await waitUntil(
      async () => (await readDraft(`${AGENT} ${key}`))?.values.customerName === 'Draft person',
    );
    const draft = (await readDraft(`${AGENT} ${key}`))!;
    expect(JSON.stringify(draft)).not.to.contain('eyJ'); // never a token
    expect(draft.key).to.match(/^[0-9a-f-]{36}$/);

    const second = mount(agent, { key });
    await ready(second);
    await waitUntil(() => control(second, 'customerName')!.value === 'Draft person');
    expect(control(second, 'description')!.value).to.equal('Half written when the browser closed');
    expect(root(second).querySelector('[part=notice]')!.textContent).to.contain('restored');

    const other = mount(agent);
    await ready(other);
    expect(control(other, 'customerName')!.value).to.equal('');

    [...root(second).querySelectorAll('button')]
      .find((b) => b.textContent!.includes('Discard'))!
      .click();
    await second.updateComplete;
    expect(control(second, 'customerName')!.value).to.equal('');
    await waitUntil(async () => !(await readDraft(`${AGENT} ${key}`)));
  });

  it('forgets a draft older than seven days', async () => {
    const key = unique();
    const old = Date.now() - DRAFT_TTL - 60_000;
    await writeDraft({
      id: `${AGENT} ${key}`,
      values: { customerName: 'Stale' },
      key: crypto.randomUUID(),
      created: old,
      updated: old,
    });
    const el = mount(agent, { key });
    await ready(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(control(el, 'customerName')!.value).to.equal('');
    expect(await readDraft(`${AGENT} ${key}`)).to.equal(undefined);
  });

  it('shares the kit’s database with other stores', async () => {
    const settle = (request: IDBRequest | IDBOpenDBRequest) =>
      new Promise<void>((resolve, reject) => {
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    await settle(indexedDB.deleteDatabase('cc-kit'));
    const other = indexedDB.open('cc-kit', 1);
    other.onupgradeneeded = () => other.result.createObjectStore('something-else');
    await settle(other);
    other.result.close();
    const id = `${AGENT} ${unique()}`;
    const now = Date.now();
    await writeDraft({ id, values: { customerName: 'x' }, key: 'k', created: now, updated: now });
    expect((await readDraft(id))?.values).to.deep.equal({ customerName: 'x' });
  });

  it('sends the callback time in UTC from the configured time zone', async () => {
    const el = mount(agent);
    await ready(el);
    await fill(el, 'preferredCallbackAt', '2026-12-01T10:30');
    expect(el.value.preferredCallbackAt).to.equal('2026-12-01T02:30:00.000Z');
  });

  it('masks read-only customer data for a role that may not see it', async () => {
    const manager = clientFor({ role: 'operations_manager' });
    expect((await manager.me.get()).personalDataVisible).to.equal(false);
    const el = fixtureSync<CcComplaintForm>(
      html`<cc-complaint-form
        .client=${manager}
        draft-key=${unique()}
        locale="en"
        readonly-fields="customerName customerPhone"
        .prefill=${{ customer: { name: '王芳芳', phone: '13900001111' } }}
      ></cc-complaint-form>`,
    );
    await ready(el);
    expect(control(el, 'customerName')!.value).to.not.contain('芳芳');
    expect(control(el, 'customerPhone')!.value).to.not.contain('0000');
    expect(el.value.customer).to.deep.equal({ name: '王芳芳', phone: '13900001111' });
  });

  it('maps the server’s field errors onto the fields and keeps the draft', async () => {
    const el = mount(agent);
    await ready(el);
    const marker = unique();
    await fillValid(el, marker, { relatedCallId: 'call_not_there' });
    await submit(el);
    await waitUntil(() => errorOf(el, 'relatedCallId') !== '', 'no server error shown', {
      timeout: 8000,
    });
    expect(errorOf(el, 'relatedCallId')).to.equal('Not found, or not one you can see.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('relatedCallId');
    expect(await onServer(marker)).to.have.length(0);
    expect((await readDraft(`${AGENT} ${el.draftKey}`))?.values.relatedCallId).to.equal(
      'call_not_there',
    );
    await fill(el, 'relatedCallId', '');
    const event = submitted(el);
    await submit(el);
    await event;
    expect(await onServer(marker)).to.have.length(1);
  });

  describe('exactly once under faults', () => {
    type Fault = 'drop' | 'delay' | '500' | 'commit-500' | 'reset';
    const problem500 = () =>
      new Response(JSON.stringify({ type: 'about:blank', title: 'Server error', status: 500 }), {
        status: 500,
        headers: { 'content-type': 'application/problem+json' },
      });

    /** Fails the first `times` complaint filings in the given way, on top of the real server. */
    function faulty(fault: Fault, times: number): typeof fetch {
      let n = 0;
      return async (input, init) => {
        const request = input instanceof Request ? input : new Request(input, init);
        const filing =
          request.method === 'POST' && new URL(request.url).pathname === '/v1/complaints';
        if (!filing || n >= times) return fetch(input, init);
        n += 1;
        switch (fault) {
          case 'drop':
            throw new TypeError('Failed to fetch');
          case '500':
            return problem500();
          case 'commit-500':
            await fetch(input, init);
            return problem500();
          case 'reset':
            await fetch(input, init);
            throw new TypeError('network connection was reset');
          case 'delay': {
            const response = await fetch(input, init);
            await new Promise((r) => setTimeout(r, 1500));
            return response;
          }
        }
      };
    }

    for (const [fault, times] of [
      ['drop', 3],
      ['delay', 1],
      ['500', 3],
      ['commit-500', 2],
      ['reset', 3],
    ] as const) {
      it(`${fault} × ${times}: one complaint on the server`, async function () {
        this.timeout(20000);
        const client = clientFor({ userId: AGENT }, { fetch: faulty(fault, times), timeout: 1000 });
        const el = mount(client);
        el.retryDelay = 100;
        await ready(el);
        const marker = unique();
        await fillValid(el, marker);
        const event = submitted(el);
        await submit(el);
        if (times > 2) {
          await waitUntil(() => el.matches(':state(queued)'), 'not queued', { timeout: 5000 });
          expect(root(el).querySelector('[part=notice]')!.textContent).to.contain(
            'Saved on this device, sending…',
          );
          expect((await readDraft(`${AGENT} ${el.draftKey}`))?.queued?.description).to.contain(
            marker,
          );
        }
        const { ticketId } = await event;
        const filed = await onServer(marker);
        expect(filed.map((t) => t.id)).to.deep.equal([ticketId]);
      });
    }

    it('a queued complaint is sent at once when the browser is back online', async function () {
      this.timeout(20000);
      const client = clientFor({ userId: AGENT }, { fetch: faulty('drop', 2), timeout: 1000 });
      const el = mount(client);
      el.retryDelay = 60000;
      await ready(el);
      const marker = unique();
      await fillValid(el, marker);
      const event = submitted(el);
      await submit(el);
      await waitUntil(() => el.matches(':state(queued)'), 'not queued', { timeout: 5000 });
      expect(control(el, 'description')!.readOnly).to.equal(true);
      window.dispatchEvent(new Event('online'));
      const { ticketId } = await event;
      expect((await onServer(marker)).map((t) => t.id)).to.deep.equal([ticketId]);
    });

    it('a queued complaint is sent on the next load with the same key', async function () {
      this.timeout(20000);
      const key = unique();
      const marker = unique();
      const down = clientFor({ userId: AGENT }, { fetch: faulty('reset', 100), timeout: 1000 });
      const first = mount(down, { key });
      first.retryDelay = 60000;
      await ready(first);
      await fillValid(first, marker);
      await submit(first);
      await waitUntil(() => first.matches(':state(queued)'), 'not queued', { timeout: 5000 });
      first.remove();
      const stored = (await readDraft(`${AGENT} ${key}`))!;
      expect(stored.queued).to.not.equal(undefined);
      // The server already has it (the answer was lost); the next load must not file it again.
      expect(await onServer(marker)).to.have.length(1);

      // Another user on the same device never sends it.
      const someoneElse = mount(clientFor({ userId: 'usr_agent_2_01' }), { key });
      await ready(someoneElse);
      expect(control(someoneElse, 'description')!.value).to.equal('');
      someoneElse.remove();

      const second = mount(agent, { key });
      const event = submitted(second);
      const { ticketId } = await event;
      expect((await onServer(marker)).map((t) => t.id)).to.deep.equal([ticketId]);
      await waitUntil(async () => !(await readDraft(`${AGENT} ${key}`)));
    });
  });

  it('stores and shows hostile text as text in every field', async () => {
    const el = mount(agent);
    await ready(el);
    const marker = unique();
    const xss = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
    await fill(el, 'customerName', `${xss}`.slice(0, 100));
    await fill(el, 'customerId', 'x<script>1</script>');
    await fill(el, 'categoryId', 'cat_service_attitude');
    await fill(el, 'description', `${marker} ${xss}`);
    await fill(el, 'desiredResolution', xss);
    await fill(el, 'cf.employeeNumber', '<b onmouseover=alert(1)>');
    expect(control(el, 'description')!.value).to.equal(`${marker} ${xss}`);
    expect(root(el).querySelector('img, script:not([src]), b')).to.equal(null);
    const event = submitted(el);
    await submit(el);
    const { ticket } = await event;
    const stored = await auditor.tickets.get(ticket.id);
    expect(stored.description).to.equal(`${marker} ${xss}`);
    expect(stored.complaint!.desiredResolution).to.equal(xss);
    expect(stored.complaint!.customFields.employeeNumber).to.equal('<b onmouseover=alert(1)>');
    expect(stored.customer!.name).to.equal(xss);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('works inside a host <form>: value, validity, reset', async () => {
    const form = fixtureSync<HTMLFormElement>(
      html`<form>
        <cc-complaint-form
          name="complaint"
          .client=${agent}
          draft-key=${unique()}
          locale="en"
        ></cc-complaint-form>
      </form>`,
    );
    const el = form.querySelector('cc-complaint-form')!;
    await ready(el);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('Fill this in.');
    await fillValid(el, unique());
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    const data = JSON.parse(new FormData(form).get('complaint') as string);
    expect(data.customer.name).to.equal('李娜');
    expect(data.categoryId).to.equal('cat_service_wait');
    form.reset();
    await el.updateComplete;
    expect(control(el, 'customerName')!.value).to.equal('');
  });

  it('can be filled and filed with the keyboard only', async function () {
    this.timeout(20000);
    const wrapper = fixtureSync<HTMLDivElement>(
      html`<div>
        <button id="before">before</button>
        <cc-complaint-form .client=${agent} draft-key=${unique()} locale="en"></cc-complaint-form>
      </div>`,
    );
    const el = wrapper.querySelector('cc-complaint-form')!;
    await ready(el);
    const marker = unique();
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const focused = () =>
      root(el).activeElement?.getAttribute('name') ?? root(el).activeElement?.id ?? '';
    async function tabTo(name: string) {
      for (let i = 0; i < 30 && focused() !== name; i++) await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(name);
    }
    await tabTo('customerName');
    await sendKeys({ type: 'Chen Jing' });
    await tabTo('query');
    await sendKeys({ type: 'refund' });
    await tabTo('categoryId');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(control(el, 'categoryId')!.value).to.equal('cat_billing_refund');
    await tabTo('description');
    await sendKeys({ type: `Refund promised on the phone never arrived ${marker}` });
    await tabTo('cf.invoiceNumber');
    await sendKeys({ type: 'INV-20261101' });
    // Enter in a text field submits, as in any form.
    const event = submitted(el);
    await sendKeys({ press: 'Enter' });
    const { ticketId } = await event;
    expect((await onServer(marker)).map((t) => t.id)).to.deep.equal([ticketId]);
  });

  it('is accessible (axe), filled in and with errors, light and dark', async function () {
    this.timeout(30000);
    const el = mount(agent);
    await ready(el);
    await fill(el, 'categoryId', 'cat_billing_dispute');
    await routed(el);
    await expectAccessible(el);
    await submit(el);
    el.theme = 'dark';
    await el.updateComplete;
    await expectAccessible(el);
  });
});
