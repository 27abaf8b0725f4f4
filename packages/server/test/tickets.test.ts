/* eslint-disable @typescript-eslint/no-explicit-any -- answers are read loosely here */
/** Tickets: creating, reading within reach, lists and counts, editing rights, comments, activity. */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertProblem, idempotencyKey, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const customer = {
  customerId: 'C-20931',
  name: '李娜',
  phone: '13812345678',
  email: 'lina@example.com',
};

async function create(
  role: Parameters<TestServer['tokenFor']>[0] | string,
  body: Record<string, unknown>,
) {
  const response = await server.api('createTicket', {
    token: role,
    headers: { 'Idempotency-Key': idempotencyKey() },
    body: { kind: 'general_call', subject: '查询话费', ...body },
  });
  assert.equal(response.status, 201, response.text);
  return response.body;
}

describe('createTicket', () => {
  test('201 with Location and ETag; an agent’s ticket is theirs', async () => {
    const agent = server.userFor('agent');
    const response = await server.api('createTicket', {
      token: 'agent',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        kind: 'follow_up_call',
        subject: '回访：宽带维修后是否恢复正常',
        customer,
        priority: 'high',
      },
    });
    assert.equal(response.status, 201);
    const ticket = response.body;
    assert.equal(response.headers.get('location'), `/v1/tickets/${ticket.id}`);
    assert.equal(response.headers.get('etag'), `"${ticket.version}"`);
    assert.equal(ticket.state, 'new');
    assert.equal(ticket.assigneeId, agent.id);
    assert.equal(ticket.teamId, agent.team_id);
    assert.equal(ticket.createdBy.id, agent.id);
    assert.deepEqual(ticket.allowedTransitions, ['start', 'escalate']);
    assert.equal(ticket.sla.policyId, 'sla_follow_up_call_high');
    assert.equal(ticket.sla.state, 'ok');
    assert.equal(ticket.sla.resolution.targetSeconds, 720 * 60);
    assert.deepEqual(ticket.customer, customer);
    const read = await server.api('getTicket', { token: 'agent', path: { ticketId: ticket.id } });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), `"${ticket.version}"`);
  });

  test('defaults: normal priority, phone channel, empty description', async () => {
    const ticket = await create('supervisor', {});
    assert.equal(ticket.priority, 'normal');
    assert.equal(ticket.channel, 'phone');
    assert.equal(ticket.description, '');
    assert.equal(ticket.assigneeId, null);
  });

  test('praise has no SLA', async () => {
    const ticket = await create('agent', { kind: 'praise', subject: '客户表扬坐席耐心细致' });
    assert.equal(ticket.sla, null);
  });

  test('urgent tickets count 24x7', async () => {
    const ticket = await create('agent', { priority: 'urgent' });
    assert.equal(ticket.sla.businessHours, false);
  });

  test('complaints and QA-review requests are refused here with 422', async () => {
    for (const kind of ['complaint', 'qa_review_request']) {
      const response = await server.api('createTicket', {
        token: 'supervisor',
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { kind, subject: 'x' },
      });
      assertProblem(response, 422, 'unprocessable', ['/body/kind']);
    }
  });

  test('references that do not exist are 422 naming each', async () => {
    const response = await server.api('createTicket', {
      token: 'supervisor',
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: {
        kind: 'work_order',
        subject: 'x',
        assigneeId: 'usr_nobody',
        teamId: 'team_nobody',
        departmentId: 'dept_nobody',
      },
    });
    assertProblem(response, 422, 'unprocessable', [
      '/body/assigneeId',
      '/body/departmentId',
      '/body/teamId',
    ]);
  });
});

describe('reach: out of reach is invisible', () => {
  test('a supervisor sees their team’s tickets, not another team’s (404)', async () => {
    const other = server.userFor('agent', 'team_online');
    const ticket = await create(server.tokenFor('agent', { userId: other.id }), {});
    const own = await server.api('getTicket', {
      token: server.tokenFor('supervisor', { team: 'team_online' }),
      path: { ticketId: ticket.id },
    });
    assert.equal(own.status, 200);
    const foreign = await server.api('getTicket', {
      token: server.tokenFor('supervisor', { team: 'team_residential' }),
      path: { ticketId: ticket.id },
    });
    assertProblem(foreign, 404, 'not-found');
    const list = await server.api('listTickets', {
      token: server.tokenFor('supervisor', { team: 'team_residential' }),
      query: { limit: 200, teamId: 'team_online' },
    });
    assert.equal(list.body.items.length, 0);
  });

  test('an agent sees only tickets assigned to or created by them', async () => {
    const token = server.tokenFor('agent');
    const me = server.userFor('agent');
    let cursor: string | undefined;
    do {
      const page = await server.api('listTickets', { token, query: { limit: 200, cursor } });
      for (const t of page.body.items) {
        assert.ok(t.assigneeId === me.id || t.createdBy.id === me.id, `${t.id} is not the agent’s`);
      }
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
  });

  test('a QA specialist sees QA-review requests, praise, justified complaints (and their own)', async () => {
    const qa = server.userFor('qa_specialist');
    const page = await server.api('listTickets', { token: 'qa_specialist', query: { limit: 200 } });
    assert.ok(page.body.items.length > 0);
    for (const t of page.body.items) {
      assert.ok(
        ['qa_review_request', 'praise'].includes(t.kind) ||
          (t.kind === 'complaint' && t.complaint?.verdict?.justified === true) ||
          t.createdBy.id === qa.id ||
          t.assigneeId === qa.id,
        `${t.kind} visible to QA`,
      );
    }
  });

  test('the operations manager and the survey supervisor see everything', async () => {
    const total = (
      server.built.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }
    ).n;
    for (const role of ['operations_manager', 'survey_supervisor']) {
      const counts = await server.api('countTickets', { token: role, query: { groupBy: 'kind' } });
      assert.equal(counts.body.total, total);
    }
  });
});

describe('listTickets', () => {
  const all = async (query: Record<string, unknown>, role = 'operations_manager') => {
    const items: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await server.api('listTickets', {
        token: role,
        query: { ...(query as Record<string, string>), limit: 37, cursor },
      });
      assert.equal(page.status, 200, page.text);
      items.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
      assert.ok(++pages < 100);
    } while (cursor);
    return items;
  };

  const rank: Record<string, string[]> = {
    priority: ['low', 'normal', 'high', 'urgent'],
    state: ['new', 'open', 'pending', 'escalated', 'resolved', 'closed'],
    kind: [
      'general_call',
      'harassment_call',
      'work_order',
      'follow_up_call',
      'complaint',
      'voicemail',
      'qa_review_request',
      'online_response',
      'praise',
    ],
  };
  const keyOf = (t: any, key: string) => {
    if (key in rank) return rank[key]!.indexOf(t[key]);
    if (key === 'slaDueAt') return t.sla?.resolution.dueAt ?? '9999';
    return t[key];
  };

  for (const key of ['number', 'createdAt', 'updatedAt', 'priority', 'slaDueAt', 'state', 'kind']) {
    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${key}`;
      test(`sort=${sort}: pages cover every ticket once, in a total order`, async () => {
        const items = await all({ sort });
        const total = (
          server.built.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }
        ).n;
        assert.equal(items.length, total);
        assert.equal(new Set(items.map((t) => t.id)).size, total);
        if (key === 'slaDueAt') return; // the derived due time is the stored one; compared in SQL
        for (let i = 1; i < items.length; i++) {
          const a = keyOf(items[i - 1], key);
          const b = keyOf(items[i], key);
          const ordered = desc ? a >= b : a <= b;
          assert.ok(ordered, `${sort}: ${a} before ${b}`);
          if (a === b && key !== 'number')
            assert.ok(items[i - 1].number > items[i].number, 'ties by number desc');
        }
      });
    }
  }

  test('filters combine: kind, state, priority, team', async () => {
    const items = await all({
      kind: ['work_order', 'voicemail'],
      state: ['open', 'new'],
      priority: 'normal',
      teamId: 'team_residential',
    });
    assert.ok(items.length > 0);
    for (const t of items) {
      assert.ok(['work_order', 'voicemail'].includes(t.kind));
      assert.ok(['open', 'new'].includes(t.state));
      assert.equal(t.priority, 'normal');
      assert.equal(t.teamId, 'team_residential');
    }
  });

  test('assigneeId=me and assigneeId=none', async () => {
    const agent = server.userFor('agent');
    const mine = await all({ assigneeId: 'me' }, 'agent');
    assert.ok(mine.length > 0);
    assert.ok(mine.every((t) => t.assigneeId === agent.id));
    await create('supervisor', { subject: 'nobody’s yet' });
    const none = await all({ assigneeId: 'none' });
    assert.ok(none.length > 0);
    assert.ok(none.every((t) => t.assigneeId === null));
  });

  test('slaState filters by the state the answers show', async () => {
    for (const state of ['ok', 'at_risk', 'breached', 'paused', 'met']) {
      const items = await all({ slaState: state });
      for (const t of items) assert.equal(t.sla?.state, state, `${t.id} filtered as ${state}`);
    }
    const paused = await all({ slaState: 'paused' });
    assert.ok(paused.length > 0 && paused.every((t) => t.state === 'pending'));
  });

  test('createdFrom / createdTo', async () => {
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() - 86_400_000).toISOString();
    const items = await all({ createdFrom: from, createdTo: to });
    assert.ok(items.length > 0);
    for (const t of items) assert.ok(t.createdAt >= from && t.createdAt < to);
  });

  test('q searches subject, description and number', async () => {
    const ticket = await create('agent', {
      subject: 'Unusual zebra subject',
      description: 'with a 100% discount_code',
    });
    const bySubject = await all({ q: 'ZEBRA' });
    assert.deepEqual(
      bySubject.map((t) => t.id),
      [ticket.id],
    );
    const byDescription = await all({ q: '100% discount_' });
    assert.deepEqual(
      byDescription.map((t) => t.id),
      [ticket.id],
    );
    const byNumber = await all({ q: `#${ticket.number}` });
    assert.ok(byNumber.some((t) => t.id === ticket.id));
    // LIKE wildcards in q are matched literally.
    const percent = await all({ q: '%' });
    assert.ok(percent.every((t) => `${t.subject}${t.description}`.includes('%')));
  });
});

describe('countTickets', () => {
  test('every groupBy adds up to the total', async () => {
    for (const groupBy of [
      'kind',
      'state',
      'priority',
      'slaState',
      'teamId',
      'departmentId',
      'assigneeId',
    ]) {
      const response = await server.api('countTickets', {
        token: 'operations_manager',
        query: { groupBy },
      });
      assert.equal(response.status, 200);
      assert.equal(response.body.groupBy, groupBy);
      const sum = response.body.groups.reduce((s: number, g: { count: number }) => s + g.count, 0);
      assert.equal(sum, response.body.total);
      assert.ok(response.body.groups.every((g: { count: number }) => g.count > 0));
    }
  });

  test('counts follow the same filters and reach as the list', async () => {
    const token = server.tokenFor('supervisor', { team: 'team_business' });
    const counts = await server.api('countTickets', {
      token,
      query: { groupBy: 'state', kind: 'general_call' },
    });
    const list = await server.api('listTickets', {
      token,
      query: { kind: 'general_call', limit: 200 },
    });
    assert.equal(counts.body.total, list.body.items.length);
  });

  test('groupBy is required', async () => {
    assertProblem(await server.api('countTickets', { token: 'agent' }), 400, 'validation', [
      '/query/groupBy',
    ]);
  });
});

describe('updateTicket', () => {
  test('If-Match missing is 428, stale is 412 with the current version', async () => {
    const ticket = await create('agent', {});
    const missing = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      body: { subject: 'x' },
    });
    assertProblem(missing, 428, 'precondition-required');
    const stale = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': '"999"' },
      body: { subject: 'x' },
    });
    assertProblem(stale, 412, 'precondition-failed');
    assert.equal(stale.body.currentVersion, ticket.version);
    assert.equal(stale.headers.get('etag'), `"${ticket.version}"`);
  });

  test('merge patch: changed fields only, null clears, W/ ETags accepted, activity lists each change', async () => {
    const ticket = await create('supervisor', {
      customer,
      tags: ['vip'],
      departmentId: 'dept_billing',
    });
    const response = await server.api('updateTicket', {
      token: 'supervisor',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `W/"${ticket.version}"` },
      contentType: 'application/merge-patch+json',
      body: { priority: 'high', departmentId: null, customer: { phone: '13900001111' } },
    });
    assert.equal(response.status, 200, response.text);
    assert.equal(response.body.version, ticket.version + 1);
    assert.equal(response.headers.get('etag'), `"${ticket.version + 1}"`);
    assert.equal(response.body.priority, 'high');
    assert.equal(response.body.departmentId, null);
    assert.deepEqual(response.body.customer, { ...customer, phone: '13900001111' });
    assert.deepEqual(response.body.tags, ['vip']);
    const activity = await server.api('listTicketActivity', {
      token: 'supervisor',
      path: { ticketId: ticket.id },
    });
    const last = activity.body.items.at(-1);
    assert.equal(last.action, 'updated');
    assert.deepEqual(last.changes.map((c: { field: string }) => c.field).sort(), [
      'customer',
      'departmentId',
      'priority',
    ]);
    const priority = last.changes.find((c: { field: string }) => c.field === 'priority');
    assert.deepEqual(priority, { field: 'priority', from: 'normal', to: 'high' });
  });

  test('an agent may edit content and take a ticket, not move or give it away (403 naming fields)', async () => {
    const agent = server.userFor('agent');
    const ticket = await create('agent', {});
    const allowed = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: {
        subject: 'new subject',
        tags: ['a'],
        customer,
        assigneeId: agent.id,
        priority: 'low',
      },
    });
    assert.equal(allowed.status, 200, allowed.text);
    const refused = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${allowed.body.version}"` },
      body: {
        teamId: 'team_online',
        departmentId: 'dept_care',
        assigneeId: server.userFor('agent', 'team_online').id,
      },
    });
    assertProblem(refused, 403, 'forbidden', [
      '/body/assigneeId',
      '/body/departmentId',
      '/body/teamId',
    ]);
  });

  test('a supervisor may assign to anyone and move tickets', async () => {
    const ticket = await create('supervisor', {});
    const target = server.userFor('agent', 'team_technical');
    const response = await server.api('updateTicket', {
      token: 'supervisor',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: { assigneeId: target.id, departmentId: 'dept_technical' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.assigneeId, target.id);
  });

  test('a PATCH that changes nothing keeps the version', async () => {
    const ticket = await create('agent', {});
    const response = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: { subject: ticket.subject },
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.version, ticket.version);
  });

  test('an empty patch is 400', async () => {
    const ticket = await create('agent', {});
    const response = await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: {},
    });
    assertProblem(response, 400, 'validation');
  });

  test('concurrent writers with the same ETag: exactly one wins, one activity entry', async () => {
    const ticket = await create('supervisor', {});
    const writers = 12;
    const responses = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        server.api('updateTicket', {
          token: 'supervisor',
          path: { ticketId: ticket.id },
          headers: { 'If-Match': `"${ticket.version}"` },
          body: { subject: `writer ${i}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, ...Array(writers - 1).fill(412)]);
    for (const r of responses.filter((x) => x.status === 412)) {
      assert.equal(r.body.currentVersion, ticket.version + 1);
    }
    const activity = await server.api('listTicketActivity', {
      token: 'supervisor',
      path: { ticketId: ticket.id },
    });
    assert.equal(
      activity.body.items.filter((a: { action: string }) => a.action === 'updated').length,
      1,
    );
  });
});

describe('comments and activity', () => {
  test('adding a comment keeps the ETag; comments list oldest first', async () => {
    const ticket = await create('agent', {});
    for (const body of ['first', 'second', 'third']) {
      const response = await server.api('addTicketComment', {
        token: 'agent',
        path: { ticketId: ticket.id },
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: { body },
      });
      assert.equal(response.status, 201);
      assert.equal(response.body.visibility, 'internal');
    }
    const read = await server.api('getTicket', { token: 'agent', path: { ticketId: ticket.id } });
    assert.equal(read.headers.get('etag'), `"${ticket.version}"`);
    const first = await server.api('listTicketComments', {
      token: 'agent',
      path: { ticketId: ticket.id },
      query: { limit: 2 },
    });
    assert.deepEqual(
      first.body.items.map((c: { body: string }) => c.body),
      ['first', 'second'],
    );
    const second = await server.api('listTicketComments', {
      token: 'agent',
      path: { ticketId: ticket.id },
      query: { limit: 2, cursor: first.body.nextCursor },
    });
    assert.deepEqual(
      second.body.items.map((c: { body: string }) => c.body),
      ['third'],
    );
    assert.equal(second.body.nextCursor, null);
  });

  test('comments and activity of a ticket out of reach are 404', async () => {
    const ticket = await create(server.tokenFor('agent', { team: 'team_online' }), {});
    for (const op of ['listTicketComments', 'listTicketActivity'] as const) {
      assertProblem(
        await server.api(op, { token: 'agent', path: { ticketId: ticket.id } }),
        404,
        'not-found',
      );
    }
    const add = await server.api('addTicketComment', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'Idempotency-Key': idempotencyKey() },
      body: { body: 'x' },
    });
    assertProblem(add, 404, 'not-found');
  });

  test('the activity log records who, when, what, from and to', async () => {
    const supervisor = server.userFor('supervisor');
    const ticket = await create('supervisor', {});
    const activity = await server.api('listTicketActivity', {
      token: 'supervisor',
      path: { ticketId: ticket.id },
    });
    const created = activity.body.items[0];
    assert.equal(created.action, 'created');
    assert.equal(created.actor.id, supervisor.id);
    assert.equal(created.actor.name, supervisor.name);
    assert.ok(
      created.changes.some(
        (c: { field: string; to: string }) => c.field === 'state' && c.to === 'new',
      ),
    );
  });
});

describe('personal data', () => {
  test('masked for the QA specialist, operations manager and survey supervisor, in tickets and activity', async () => {
    const ticket = await create('agent', { kind: 'praise', subject: '客户表扬', customer });
    await server.api('updateTicket', {
      token: 'agent',
      path: { ticketId: ticket.id },
      headers: { 'If-Match': `"${ticket.version}"` },
      body: { customer: { name: '王小明' } },
    });
    for (const role of ['qa_specialist', 'operations_manager', 'survey_supervisor']) {
      const read = await server.api('getTicket', { token: role, path: { ticketId: ticket.id } });
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.customer, {
        customerId: 'C-20931',
        name: '王**',
        phone: '138****5678',
        email: 'l***@example.com',
        masked: true,
      });
      const activity = await server.api('listTicketActivity', {
        token: role,
        path: { ticketId: ticket.id },
      });
      const change = activity.body.items
        .at(-1)
        .changes.find((c: { field: string }) => c.field === 'customer');
      assert.equal(change.from.name, '李*');
      assert.equal(change.to.name, '王**');
      assert.equal(change.to.masked, true);
      const list = await server.api('listTickets', {
        token: role,
        query: { q: '客户表扬', limit: 200 },
      });
      for (const t of list.body.items) if (t.customer) assert.equal(t.customer.masked, true);
    }
    const agent = await server.api('getTicket', { token: 'agent', path: { ticketId: ticket.id } });
    assert.equal(agent.body.customer.name, '王小明');
    assert.equal(agent.body.customer.masked, undefined);
  });

  test('getMe says whether personal data is visible', async () => {
    const expected: Record<string, boolean> = {
      agent: true,
      supervisor: true,
      complaint_supervisor: true,
      qa_specialist: false,
      operations_manager: false,
      survey_supervisor: false,
    };
    for (const [role, visible] of Object.entries(expected)) {
      const me = await server.api('getMe', { token: role });
      assert.equal(me.body.personalDataVisible, visible, role);
    }
  });
});
