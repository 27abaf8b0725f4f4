/**
 * `createClient()`: one namespace per resource, one method per operation of the contract.
 * Parameters and results are the generated OpenAPI types (the `Client` interface); the methods
 * themselves are made by one builder from each operation's method, operationId and path.
 */
import { retryOnConflict, type RetryOnConflictOptions } from './core/conflict.js';
import { createEvents, type SubscribeOptions, type Unsubscribe } from './core/events.js';
import { createTransport, type Call, type ClientOptions } from './core/http.js';
import { Paginator } from './core/paginate.js';
import type {
  Body,
  CallOptions,
  IfMatchOptions,
  IfMatchWriteOptions,
  ItemOf,
  OperationId,
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

  /**
   * The method of one operation. Its arguments: the path parameters (each fills the next `{}` of
   * `path`, under `/v1`), then the query of a GET or the body of a write when `payload`, then the
   * call's options. A POST writes: it carries an Idempotency-Key (unless `extra` says otherwise)
   * and its `ifMatch`; a PATCH or PUT its required `ifMatch`.
   */
  const method =
    (
      verb: Call['method'],
      op: OperationId,
      path: string,
      payload = verb != 'GET',
      extra?: Partial<Call>,
    ) =>
    <T>(...args: unknown[]): Promise<T> => {
      let i = 0;
      const url = '/v1' + path.replace(/{}/g, () => encodeURIComponent(args[i++] as string));
      const data = payload ? args[i++] : undefined;
      const opts = args[i] as Call['opts'] & { ifMatch?: IfMatchOptions['ifMatch'] };
      return send<T>(
        verb == 'GET'
          ? { op, method: verb, path: url, query: data as object, opts, ...extra }
          : {
              op,
              method: verb,
              path: url,
              body: data,
              idem: verb == 'POST',
              ifMatch: opts?.ifMatch,
              opts,
              ...extra,
            },
      );
    };
  const get = (op: OperationId, path: string, query?: boolean) => method('GET', op, path, query);
  const post = (op: OperationId, path: string, body?: boolean) => method('POST', op, path, body);
  const patch = (op: OperationId, path: string) => method('PATCH', op, path);
  const put = (op: OperationId, path: string) => method('PUT', op, path);
  /** `list` (one page) and `iterate` (every item, page after page) of a list operation. */
  const list = (op: OperationId, path: string) => {
    const page = get(op, path, true);
    const n = path.split('{').length - 1;
    return {
      list: page,
      iterate: <T>(...args: unknown[]) =>
        new Paginator<T>((cursor) =>
          page(...args.slice(0, n), { ...args[n]!, cursor }, args[n + 1]),
        ),
    };
  };
  /** `style: form, explode: false` parameters travel comma-separated. */
  const joinMetrics =
    (call: ReturnType<typeof method>) =>
    <T>(query: { metrics?: unknown }, opts?: CallOptions) =>
      call<T>(
        Array.isArray(query.metrics) ? { ...query, metrics: query.metrics.join(',') } : query,
        opts,
      );
  const acknowledge = post('acknowledgeEvaluation', '/qa/evaluations/{}/acknowledge');

  const client: Client = {
    demo: {
      users: get('listDemoUsers', '/auth/demo-users'),
      // Issuing a demo token writes nothing; the operation takes no Idempotency-Key.
      token: method('POST', 'issueDemoToken', '/auth/demo-tokens', true, { idem: false }),
    },
    me: { get: get('getMe', '/me') },
    teams: {
      ...list('listTeams', '/teams'),
      get: get('getTeam', '/teams/{}'),
      update: patch('updateTeam', '/teams/{}'),
    },
    agents: {
      ...list('listAgents', '/agents'),
      get: get('getAgent', '/agents/{}'),
      recordPresence: post('recordAgentPresence', '/agents/{}/presence'),
    },
    departments: list('listDepartments', '/departments'),
    complaintCategories: list('listComplaintCategories', '/complaint-categories'),
    routingRules: list('listComplaintRoutingRules', '/complaint-routing-rules'),
    sla: {
      policies: {
        ...list('listSlaPolicies', '/sla-policies'),
        update: patch('updateSlaPolicy', '/sla-policies/{}'),
      },
      calendar: {
        get: get('getBusinessCalendar', '/business-calendar'),
        replace: put('replaceBusinessCalendar', '/business-calendar'),
      },
    },
    tickets: {
      ...list('listTickets', '/tickets'),
      get: get('getTicket', '/tickets/{}'),
      create: post('createTicket', '/tickets'),
      update: patch('updateTicket', '/tickets/{}'),
      updateWithMerge: (id, merge, opts = {}) =>
        retryOnConflict(
          () => client.tickets.get(id, opts),
          (current) => {
            const patch = merge(current);
            return patch && client.tickets.update(id, patch, { ...opts, ifMatch: current.version });
          },
          opts,
        ),
      transition: post('transitionTicket', '/tickets/{}/transitions'),
      counts: get('countTickets', '/tickets/counts', true),
      bulk: post('bulkUpdateTickets', '/tickets/bulk'),
      comments: {
        ...list('listTicketComments', '/tickets/{}/comments'),
        add: post('addTicketComment', '/tickets/{}/comments'),
      },
      activity: list('listTicketActivity', '/tickets/{}/activity'),
    },
    complaints: {
      file: post('fileComplaint', '/complaints'),
      suggestRouting: get('suggestComplaintRouting', '/complaints/routing-suggestion', true),
      route: post('routeComplaint', '/complaints/{}/routing'),
      verdict: post('recordComplaintVerdict', '/complaints/{}/verdict'),
      callback: post('recordComplaintCallback', '/complaints/{}/callback'),
    },
    calls: {
      ...list('listCalls', '/calls'),
      get: get('getCall', '/calls/{}'),
      ingest: post('ingestCalls', '/calls/batch'),
    },
    kpis: {
      get: joinMetrics(get('getKpis', '/kpis', true)),
      live: get('getLiveKpis', '/kpis/live', true),
      appraisal: get('getAppraisal', '/kpis/appraisal', true),
      export: joinMetrics(method('GET', 'exportKpis', '/kpis/export', true, { as: 'text' })),
      targets: {
        list: get('listKpiTargets', '/kpi-targets'),
        set: put('setKpiTarget', '/kpi-targets/{}'),
      },
    },
    qa: {
      templates: {
        ...list('listScorecardTemplates', '/qa/templates'),
        get: get('getScorecardTemplate', '/qa/templates/{}', true),
        create: post('createScorecardTemplate', '/qa/templates'),
        publish: post('publishScorecardTemplateVersion', '/qa/templates/{}/versions'),
      },
      evaluations: {
        ...list('listEvaluations', '/qa/evaluations'),
        get: get('getEvaluation', '/qa/evaluations/{}'),
        create: post('createEvaluation', '/qa/evaluations'),
        update: patch('updateEvaluation', '/qa/evaluations/{}'),
        submit: post('submitEvaluation', '/qa/evaluations/{}/submit', false),
        acknowledge: (id, body, opts) => acknowledge(id, body ?? {}, opts),
        versions: get('listEvaluationVersions', '/qa/evaluations/{}/versions'),
      },
      disputes: {
        create: post('disputeEvaluation', '/qa/evaluations/{}/disputes'),
        resolve: post('resolveDispute', '/qa/evaluations/{}/disputes/{}/resolution'),
      },
      calibrations: {
        create: post('createCalibrationSession', '/qa/calibrations'),
        get: get('getCalibrationSession', '/qa/calibrations/{}'),
      },
    },
    equipment: {
      seats: list('listSeats', '/seats'),
      assets: {
        ...list('listAssets', '/equipment/assets'),
        get: get('getAsset', '/equipment/assets/{}'),
        create: post('createAsset', '/equipment/assets'),
        update: patch('updateAsset', '/equipment/assets/{}'),
      },
      checks: {
        ...list('listEquipmentChecks', '/equipment/checks'),
        get: get('getEquipmentCheck', '/equipment/checks/{}'),
        start: post('startEquipmentCheck', '/equipment/checks'),
        update: patch('updateEquipmentCheck', '/equipment/checks/{}'),
        submit: post('submitEquipmentCheck', '/equipment/checks/{}/submit', false),
      },
      due: list('listDueEquipmentChecks', '/equipment/checks/due'),
      summary: get('getEquipmentSummary', '/equipment/summary'),
    },
    events: createEvents(send, options.validate ?? true, options.events?.linger),
  };
  return client;
}
