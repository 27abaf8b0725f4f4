/**
 * `createClient()`: one namespace per resource, one method per operation of the contract.
 * Parameters and results are the generated OpenAPI types.
 */
import { retryOnConflict, type RetryOnConflictOptions } from './core/conflict.js';
import { createEvents, type SubscribeOptions, type Unsubscribe } from './core/events.js';
import { createTransport, type ClientOptions } from './core/http.js';
import { Paginator } from './core/paginate.js';
import type {
  Body,
  CallOptions,
  IfMatchOptions,
  IfMatchWriteOptions,
  ItemOf,
  OperationId,
  Page,
  Query,
  Result,
  Schema,
  WriteOptions,
} from './core/types.js';

type Id = string;
type P<K extends OperationId> = Promise<Result<K>>;
/** List parameters for iterators: everything but the cursor, which the iterator manages. */
type IterQuery<K extends OperationId> = Omit<Query<K>, 'cursor'>;

/** A list operation: one page, or every item through an async iterator. */
export interface ListApi<K extends OperationId> {
  /** One page: `{ items, nextCursor }`. Pass `nextCursor` back as `cursor` for the next. */
  list(query?: Query<K>, options?: CallOptions): P<K>;
  /** Every item, page after page as they are consumed; `.pages()` for pages, `.toArray({ limit })`. */
  iterate(query?: IterQuery<K>, options?: CallOptions): Paginator<ItemOf<K>>;
}

/** A list under a parent object (the comments of a ticket). */
export interface ChildListApi<K extends OperationId> {
  list(parentId: Id, query?: Query<K>, options?: CallOptions): P<K>;
  iterate(parentId: Id, query?: IterQuery<K>, options?: CallOptions): Paginator<ItemOf<K>>;
}

export type UpdateWithMergeOptions = CallOptions & RetryOnConflictOptions;

export interface Client {
  /** Demo mode only: the seeded users and tokens for them (404 outside demo mode). */
  demo: {
    users(options?: CallOptions): P<'listDemoUsers'>;
    token(request: Body<'issueDemoToken'>, options?: CallOptions): P<'issueDemoToken'>;
  };
  /** The caller: user, role, team, permissions (the operationIds it may call). */
  me: { get(options?: CallOptions): P<'getMe'> };
  teams: ListApi<'listTeams'> & {
    get(teamId: Id, options?: CallOptions): P<'getTeam'>;
    update(teamId: Id, patch: Body<'updateTeam'>, options: IfMatchOptions): P<'updateTeam'>;
  };
  /** Staff of every role, and their presence. */
  agents: ListApi<'listAgents'> & {
    get(agentId: Id, options?: CallOptions): P<'getAgent'>;
    /** Appends a presence change (available, on call, break, …) to the agent's log. */
    recordPresence(
      agentId: Id,
      change: Body<'recordAgentPresence'>,
      options?: WriteOptions,
    ): P<'recordAgentPresence'>;
  };
  departments: ListApi<'listDepartments'>;
  complaintCategories: ListApi<'listComplaintCategories'>;
  routingRules: ListApi<'listComplaintRoutingRules'>;
  sla: {
    policies: ListApi<'listSlaPolicies'> & {
      update(
        policyId: Id,
        patch: Body<'updateSlaPolicy'>,
        options: IfMatchOptions,
      ): P<'updateSlaPolicy'>;
    };
    calendar: {
      get(options?: CallOptions): P<'getBusinessCalendar'>;
      replace(
        calendar: Body<'replaceBusinessCalendar'>,
        options: IfMatchOptions,
      ): P<'replaceBusinessCalendar'>;
    };
  };
  tickets: ListApi<'listTickets'> & {
    get(ticketId: Id, options?: CallOptions): P<'getTicket'>;
    create(ticket: Body<'createTicket'>, options?: WriteOptions): P<'createTicket'>;
    /** A JSON merge patch (`null` clears a field), applied only if the ticket is still at `ifMatch`. */
    update(ticketId: Id, patch: Body<'updateTicket'>, options: IfMatchOptions): P<'updateTicket'>;
    /**
     * Reads the ticket, asks `merge` for a patch against it and applies it; when someone changed
     * the ticket in between (412), reads and merges again (up to `attempts`, default 3). `merge`
     * returns null to leave the ticket as it is.
     */
    updateWithMerge(
      ticketId: Id,
      merge: (current: Schema<'Ticket'>) => Body<'updateTicket'> | null | undefined,
      options?: UpdateWithMergeOptions,
    ): Promise<Schema<'Ticket'>>;
    /** Applies a named transition (`start`, `resolve`, …); see `allowedTransitions` on the ticket. */
    transition(
      ticketId: Id,
      request: Body<'transitionTicket'>,
      options: IfMatchWriteOptions,
    ): P<'transitionTicket'>;
    /** Counts per group (state, kind, …) under the list's filters, for queue badges. */
    counts(query: Query<'countTickets'>, options?: CallOptions): P<'countTickets'>;
    /** Assigns or transitions up to 100 tickets, each with its own `ifMatch`; reports each outcome. */
    bulk(request: Body<'bulkUpdateTickets'>, options?: WriteOptions): P<'bulkUpdateTickets'>;
    comments: ChildListApi<'listTicketComments'> & {
      add(
        ticketId: Id,
        comment: Body<'addTicketComment'>,
        options?: WriteOptions,
      ): P<'addTicketComment'>;
    };
    activity: ChildListApi<'listTicketActivity'>;
  };
  complaints: {
    /** Files a complaint (a ticket of kind `complaint`); retried safely, filed once. */
    file(complaint: Body<'fileComplaint'>, options?: WriteOptions): P<'fileComplaint'>;
    /** Which department a complaint would be routed to, and its deadlines, if filed now. */
    suggestRouting(
      query: Query<'suggestComplaintRouting'>,
      options?: CallOptions,
    ): P<'suggestComplaintRouting'>;
    route(
      ticketId: Id,
      request: Body<'routeComplaint'>,
      options: IfMatchWriteOptions,
    ): P<'routeComplaint'>;
    /** Records whether the complaint is justified, and the finding. */
    verdict(
      ticketId: Id,
      request: Body<'recordComplaintVerdict'>,
      options: IfMatchWriteOptions,
    ): P<'recordComplaintVerdict'>;
    /** Records the outcome of calling the customer back. */
    callback(
      ticketId: Id,
      request: Body<'recordComplaintCallback'>,
      options: IfMatchWriteOptions,
    ): P<'recordComplaintCallback'>;
  };
  calls: ListApi<'listCalls'> & {
    get(callId: Id, options?: CallOptions): P<'getCall'>;
    /** Upserts up to 1000 call records by `externalId`; one result per record. */
    ingest(batch: Body<'ingestCalls'>, options?: WriteOptions): P<'ingestCalls'>;
  };
  kpis: {
    get(query: Query<'getKpis'>, options?: CallOptions): P<'getKpis'>;
    live(query: Query<'getLiveKpis'>, options?: CallOptions): P<'getLiveKpis'>;
    appraisal(query: Query<'getAppraisal'>, options?: CallOptions): P<'getAppraisal'>;
    /**
     * The figures as CSV text (the byte-order mark the API sends for spreadsheet programs is
     * removed by decoding; add `'\uFEFF'` in front when saving a file for them).
     */
    export(query: Query<'exportKpis'>, options?: CallOptions): Promise<string>;
    targets: {
      list(options?: CallOptions): P<'listKpiTargets'>;
      set(
        metric: Schema<'KpiMetric'>,
        target: Body<'setKpiTarget'>,
        options: IfMatchOptions,
      ): P<'setKpiTarget'>;
    };
  };
  qa: {
    templates: ListApi<'listScorecardTemplates'> & {
      get(
        templateId: Id,
        query?: Query<'getScorecardTemplate'>,
        options?: CallOptions,
      ): P<'getScorecardTemplate'>;
      create(
        template: Body<'createScorecardTemplate'>,
        options?: WriteOptions,
      ): P<'createScorecardTemplate'>;
      /** Publishes version N+1; `ifMatch` is the latest version's. */
      publish(
        templateId: Id,
        template: Body<'publishScorecardTemplateVersion'>,
        options: IfMatchWriteOptions,
      ): P<'publishScorecardTemplateVersion'>;
    };
    evaluations: ListApi<'listEvaluations'> & {
      get(evaluationId: Id, options?: CallOptions): P<'getEvaluation'>;
      create(evaluation: Body<'createEvaluation'>, options?: WriteOptions): P<'createEvaluation'>;
      update(
        evaluationId: Id,
        patch: Body<'updateEvaluation'>,
        options: IfMatchOptions,
      ): P<'updateEvaluation'>;
      submit(evaluationId: Id, options: IfMatchWriteOptions): P<'submitEvaluation'>;
      acknowledge(
        evaluationId: Id,
        request: Body<'acknowledgeEvaluation'> | undefined,
        options: IfMatchWriteOptions,
      ): P<'acknowledgeEvaluation'>;
      /** Every revision of the scores, oldest first. */
      versions(evaluationId: Id, options?: CallOptions): P<'listEvaluationVersions'>;
    };
    disputes: {
      create(
        evaluationId: Id,
        dispute: Body<'disputeEvaluation'>,
        options: IfMatchWriteOptions,
      ): P<'disputeEvaluation'>;
      resolve(
        evaluationId: Id,
        disputeId: Id,
        resolution: Body<'resolveDispute'>,
        options: IfMatchWriteOptions,
      ): P<'resolveDispute'>;
    };
    calibrations: {
      create(
        session: Body<'createCalibrationSession'>,
        options?: WriteOptions,
      ): P<'createCalibrationSession'>;
      get(sessionId: Id, options?: CallOptions): P<'getCalibrationSession'>;
    };
  };
  equipment: {
    seats: ListApi<'listSeats'>;
    assets: ListApi<'listAssets'> & {
      get(assetId: Id, options?: CallOptions): P<'getAsset'>;
      create(asset: Body<'createAsset'>, options?: WriteOptions): P<'createAsset'>;
      update(assetId: Id, patch: Body<'updateAsset'>, options: IfMatchOptions): P<'updateAsset'>;
    };
    checks: ListApi<'listEquipmentChecks'> & {
      get(checkId: Id, options?: CallOptions): P<'getEquipmentCheck'>;
      start(check: Body<'startEquipmentCheck'>, options?: WriteOptions): P<'startEquipmentCheck'>;
      /** Records results on a draft check; only the items given change. */
      update(
        checkId: Id,
        patch: Body<'updateEquipmentCheck'>,
        options: IfMatchOptions,
      ): P<'updateEquipmentCheck'>;
      /** Submits the check; each failed or missing item opens a maintenance work order. */
      submit(checkId: Id, options: IfMatchWriteOptions): P<'submitEquipmentCheck'>;
    };
    /** Seats due or overdue for their check. */
    due: ListApi<'listDueEquipmentChecks'>;
    summary(options?: CallOptions): P<'getEquipmentSummary'>;
  };
  events: {
    /**
     * Follows live events (fetch streaming, so it works in browsers and Node and sends the token
     * as a header). Reconnects with backoff, resumes with `Last-Event-ID`, refreshes the token
     * on reconnect. All subscriptions of a client share one stream. Returns the function that
     * ends the subscription.
     */
    subscribe(options: SubscribeOptions): Unsubscribe;
  };
}

/**
 * A client for the call-center API.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://cc.example.com', getToken: () => fetchToken() });
 * const ticket = await client.tickets.get('tkt_01HZX3Q9C4M8');
 * ```
 */
export function createClient(options: ClientOptions): Client {
  const { send } = createTransport(options);
  const e = encodeURIComponent;

  const get = <K extends OperationId>(op: K, path: string, query?: object, opts?: CallOptions) =>
    send<Result<K>>({ op, method: 'GET', path, query, opts });
  /** A POST that writes: it always carries an Idempotency-Key. */
  const post = <K extends OperationId>(
    op: K,
    path: string,
    body: unknown,
    opts?: WriteOptions & { ifMatch?: IfMatchOptions['ifMatch'] },
  ) =>
    send<Result<K>>({ op, method: 'POST', path, body, idem: true, ifMatch: opts?.ifMatch, opts });
  const change = <K extends OperationId>(
    op: K,
    method: 'PATCH' | 'PUT',
    path: string,
    body: unknown,
    opts: IfMatchOptions,
  ) => send<Result<K>>({ op, method, path, body, ifMatch: opts.ifMatch, opts });
  const pages = <K extends OperationId>(op: K, path: string, query?: object, opts?: CallOptions) =>
    new Paginator<ItemOf<K>>(
      (cursor) => get(op, path, { ...query, cursor }, opts) as unknown as Promise<Page<ItemOf<K>>>,
    );
  const list = <K extends OperationId>(op: K, path: string): ListApi<K> => ({
    list: (query, opts) => get(op, path, query, opts),
    iterate: (query, opts) => pages(op, path, query, opts),
  });
  const childList = <K extends OperationId>(op: K, path: (id: Id) => string): ChildListApi<K> => ({
    list: (id, query, opts) => get(op, path(id), query, opts),
    iterate: (id, query, opts) => pages(op, path(id), query, opts),
  });
  /** `style: form, explode: false` parameters travel comma-separated. */
  const joined = <T extends object>(query: T, key: string): T => {
    const value = (query as Record<string, unknown>)[key];
    return Array.isArray(value) ? { ...query, [key]: value.join(',') } : query;
  };

  const ticketPath = (id: Id) => `/v1/tickets/${e(id)}`;
  const evaluationPath = (id: Id) => `/v1/qa/evaluations/${e(id)}`;

  const tickets: Client['tickets'] = {
    ...list('listTickets', '/v1/tickets'),
    get: (id, opts) => get('getTicket', ticketPath(id), undefined, opts),
    create: (body, opts) => post('createTicket', '/v1/tickets', body, opts),
    update: (id, patch, opts) => change('updateTicket', 'PATCH', ticketPath(id), patch, opts),
    updateWithMerge: (id, merge, opts = {}) =>
      retryOnConflict(
        () => tickets.get(id, opts),
        (current) => {
          const patch = merge(current);
          return patch && tickets.update(id, patch, { ...opts, ifMatch: current.version });
        },
        opts,
      ),
    transition: (id, body, opts) =>
      post('transitionTicket', `${ticketPath(id)}/transitions`, body, opts),
    counts: (query, opts) => get('countTickets', '/v1/tickets/counts', query, opts),
    bulk: (body, opts) => post('bulkUpdateTickets', '/v1/tickets/bulk', body, opts),
    comments: {
      ...childList('listTicketComments', (id) => `${ticketPath(id)}/comments`),
      add: (id, body, opts) => post('addTicketComment', `${ticketPath(id)}/comments`, body, opts),
    },
    activity: childList('listTicketActivity', (id) => `${ticketPath(id)}/activity`),
  };

  return {
    demo: {
      users: (opts) => get('listDemoUsers', '/v1/auth/demo-users', undefined, opts),
      // Issuing a demo token writes nothing; the operation takes no Idempotency-Key.
      token: (body, opts) =>
        send({ op: 'issueDemoToken', method: 'POST', path: '/v1/auth/demo-tokens', body, opts }),
    },
    me: { get: (opts) => get('getMe', '/v1/me', undefined, opts) },
    teams: {
      ...list('listTeams', '/v1/teams'),
      get: (id, opts) => get('getTeam', `/v1/teams/${e(id)}`, undefined, opts),
      update: (id, patch, opts) => change('updateTeam', 'PATCH', `/v1/teams/${e(id)}`, patch, opts),
    },
    agents: {
      ...list('listAgents', '/v1/agents'),
      get: (id, opts) => get('getAgent', `/v1/agents/${e(id)}`, undefined, opts),
      recordPresence: (id, body, opts) =>
        post('recordAgentPresence', `/v1/agents/${e(id)}/presence`, body, opts),
    },
    departments: list('listDepartments', '/v1/departments'),
    complaintCategories: list('listComplaintCategories', '/v1/complaint-categories'),
    routingRules: list('listComplaintRoutingRules', '/v1/complaint-routing-rules'),
    sla: {
      policies: {
        ...list('listSlaPolicies', '/v1/sla-policies'),
        update: (id, patch, opts) =>
          change('updateSlaPolicy', 'PATCH', `/v1/sla-policies/${e(id)}`, patch, opts),
      },
      calendar: {
        get: (opts) => get('getBusinessCalendar', '/v1/business-calendar', undefined, opts),
        replace: (body, opts) =>
          change('replaceBusinessCalendar', 'PUT', '/v1/business-calendar', body, opts),
      },
    },
    tickets,
    complaints: {
      file: (body, opts) => post('fileComplaint', '/v1/complaints', body, opts),
      suggestRouting: (query, opts) =>
        get('suggestComplaintRouting', '/v1/complaints/routing-suggestion', query, opts),
      route: (id, body, opts) =>
        post('routeComplaint', `/v1/complaints/${e(id)}/routing`, body, opts),
      verdict: (id, body, opts) =>
        post('recordComplaintVerdict', `/v1/complaints/${e(id)}/verdict`, body, opts),
      callback: (id, body, opts) =>
        post('recordComplaintCallback', `/v1/complaints/${e(id)}/callback`, body, opts),
    },
    calls: {
      ...list('listCalls', '/v1/calls'),
      get: (id, opts) => get('getCall', `/v1/calls/${e(id)}`, undefined, opts),
      ingest: (body, opts) => post('ingestCalls', '/v1/calls/batch', body, opts),
    },
    kpis: {
      get: (query, opts) => get('getKpis', '/v1/kpis', joined(query, 'metrics'), opts),
      live: (query, opts) => get('getLiveKpis', '/v1/kpis/live', query, opts),
      appraisal: (query, opts) => get('getAppraisal', '/v1/kpis/appraisal', query, opts),
      export: (query, opts) =>
        send({
          op: 'exportKpis',
          method: 'GET',
          path: '/v1/kpis/export',
          query: joined(query, 'metrics'),
          as: 'text',
          opts,
        }),
      targets: {
        list: (opts) => get('listKpiTargets', '/v1/kpi-targets', undefined, opts),
        set: (metric, body, opts) =>
          change('setKpiTarget', 'PUT', `/v1/kpi-targets/${e(metric)}`, body, opts),
      },
    },
    qa: {
      templates: {
        ...list('listScorecardTemplates', '/v1/qa/templates'),
        get: (id, query, opts) =>
          get('getScorecardTemplate', `/v1/qa/templates/${e(id)}`, query, opts),
        create: (body, opts) => post('createScorecardTemplate', '/v1/qa/templates', body, opts),
        publish: (id, body, opts) =>
          post('publishScorecardTemplateVersion', `/v1/qa/templates/${e(id)}/versions`, body, opts),
      },
      evaluations: {
        ...list('listEvaluations', '/v1/qa/evaluations'),
        get: (id, opts) => get('getEvaluation', evaluationPath(id), undefined, opts),
        create: (body, opts) => post('createEvaluation', '/v1/qa/evaluations', body, opts),
        update: (id, patch, opts) =>
          change('updateEvaluation', 'PATCH', evaluationPath(id), patch, opts),
        submit: (id, opts) =>
          post('submitEvaluation', `${evaluationPath(id)}/submit`, undefined, opts),
        acknowledge: (id, body, opts) =>
          post('acknowledgeEvaluation', `${evaluationPath(id)}/acknowledge`, body ?? {}, opts),
        versions: (id, opts) =>
          get('listEvaluationVersions', `${evaluationPath(id)}/versions`, undefined, opts),
      },
      disputes: {
        create: (id, body, opts) =>
          post('disputeEvaluation', `${evaluationPath(id)}/disputes`, body, opts),
        resolve: (id, disputeId, body, opts) =>
          post(
            'resolveDispute',
            `${evaluationPath(id)}/disputes/${e(disputeId)}/resolution`,
            body,
            opts,
          ),
      },
      calibrations: {
        create: (body, opts) => post('createCalibrationSession', '/v1/qa/calibrations', body, opts),
        get: (id, opts) =>
          get('getCalibrationSession', `/v1/qa/calibrations/${e(id)}`, undefined, opts),
      },
    },
    equipment: {
      seats: list('listSeats', '/v1/seats'),
      assets: {
        ...list('listAssets', '/v1/equipment/assets'),
        get: (id, opts) => get('getAsset', `/v1/equipment/assets/${e(id)}`, undefined, opts),
        create: (body, opts) => post('createAsset', '/v1/equipment/assets', body, opts),
        update: (id, patch, opts) =>
          change('updateAsset', 'PATCH', `/v1/equipment/assets/${e(id)}`, patch, opts),
      },
      checks: {
        ...list('listEquipmentChecks', '/v1/equipment/checks'),
        get: (id, opts) =>
          get('getEquipmentCheck', `/v1/equipment/checks/${e(id)}`, undefined, opts),
        start: (body, opts) => post('startEquipmentCheck', '/v1/equipment/checks', body, opts),
        update: (id, patch, opts) =>
          change('updateEquipmentCheck', 'PATCH', `/v1/equipment/checks/${e(id)}`, patch, opts),
        submit: (id, opts) =>
          post('submitEquipmentCheck', `/v1/equipment/checks/${e(id)}/submit`, undefined, opts),
      },
      due: list('listDueEquipmentChecks', '/v1/equipment/checks/due'),
      summary: (opts) => get('getEquipmentSummary', '/v1/equipment/summary', undefined, opts),
    },
    events: createEvents(send, options.validate ?? true, options.events?.linger),
  };
}
