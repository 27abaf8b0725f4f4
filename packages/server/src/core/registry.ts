/**
 * Spec-driven routing. Every operation of the contract gets a route; areas attach handlers by
 * operationId. The registry wraps each handler with, in order:
 *   rate limit -> authentication (401) -> role from x-roles (403) -> 501 when no handler yet ->
 *   request validation against the spec (400 / 415) -> If-Match presence (428) ->
 *   Idempotency-Key (replay / 409 / 422) -> the handler, in one transaction -> masking -> reply.
 * (X-Request-Id and CORS are set earlier, for every request, by hooks in app.ts.)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OperationId } from '@cc-kit/spec';
import { listOperations, type OperationInfo } from '@cc-kit/spec/load';
import type { Db } from '../db/database.js';
import {
  HIJACKED,
  type Handler,
  type HandlerResult,
  type OperationContext,
  type OperationOptions,
  type Services,
} from './area.js';
import { bearerToken, invalidToken, missingToken, verifyToken, type Caller } from './auth.js';
import { parseIfMatch } from './etag.js';
import { IdempotencyStore, requestHash } from './idempotency.js';
import { maskForRole } from './masking.js';
import { HttpProblem } from './problems.js';
import type { RateLimiter } from './rate-limit.js';
import { parseRequest, planRequest, type RequestPlan } from './validation.js';
import { createHash } from 'node:crypto';

interface Registered {
  handler: Handler<OperationId>;
  options: OperationOptions;
}

export interface MountedOperation {
  info: OperationInfo;
  plan: RequestPlan;
  requiresIfMatch: boolean;
  idempotent: boolean;
}

interface ActiveUser {
  id: string;
  name: string;
  role: Caller['role'];
  team_id: string | null;
  active: number;
}

/** Converts `/v1/tickets/{ticketId}` to Fastify's `/v1/tickets/:ticketId`. */
export function toFastifyPath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, ':$1');
}

export function tokenKeyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url').slice(0, 22);
}

export class OperationRegistry {
  readonly operations: OperationInfo[];
  private readonly byId: Map<string, OperationInfo>;
  private readonly handlers = new Map<string, Registered>();
  readonly idempotency: IdempotencyStore;

  constructor(
    private readonly services: Services,
    private readonly limiter: RateLimiter,
  ) {
    this.operations = listOperations(services.spec.doc);
    this.byId = new Map(this.operations.map((op) => [op.operationId, op]));
    this.idempotency = new IdempotencyStore(services.db, services.clock);
  }

  define<Op extends OperationId>(
    operationId: Op,
    handler: Handler<Op>,
    options: OperationOptions = {},
  ): void {
    if (!this.byId.has(operationId)) {
      throw new Error(`defineOperation: ${operationId} is not an operation of the spec`);
    }
    if (this.handlers.has(operationId)) {
      throw new Error(`defineOperation: ${operationId} is defined twice`);
    }
    this.handlers.set(operationId, { handler: handler as Handler<OperationId>, options });
  }

  /** Operations of the spec that no area implements yet. */
  pending(): string[] {
    return this.operations.map((op) => op.operationId).filter((id) => !this.handlers.has(id));
  }

  implemented(): string[] {
    return this.operations.map((op) => op.operationId).filter((id) => this.handlers.has(id));
  }

  /** Adds one route per spec operation. */
  mount(app: FastifyInstance): void {
    for (const info of this.operations) {
      const mounted: MountedOperation = {
        info,
        plan: planRequest(this.services.spec, info),
        requiresIfMatch: info.parameters.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'if-match',
        ),
        idempotent: info.parameters.some(
          (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
        ),
      };
      app.route({
        method: info.method.toUpperCase() as 'GET',
        url: toFastifyPath(info.path),
        handler: (request, reply) => this.handle(mounted, request, reply),
      });
    }
  }

  private authenticate(request: FastifyRequest): Caller {
    const header = request.headers.authorization;
    const token = bearerToken(typeof header === 'string' ? header : undefined);
    if (token === null) throw missingToken();
    const { db, config, clock } = this.services;
    const claims = verifyToken(config.jwtSecret, token, clock());
    const user = db
      .prepare('SELECT id, name, role, team_id, active FROM users WHERE id = ?')
      .get(claims.sub) as ActiveUser | undefined;
    if (!user || !user.active)
      throw invalidToken('The user of this token does not exist or is inactive.');
    if (user.role !== claims.role)
      throw invalidToken('The role in this token is no longer the role of its user.');
    return {
      userId: user.id,
      role: user.role,
      teamId: user.team_id,
      name: user.name,
      tokenKey: tokenKeyOf(token),
    };
  }

  private rateLimit(request: FastifyRequest, reply: FastifyReply): void {
    const header = request.headers.authorization;
    const key =
      typeof header === 'string' && header.length > 0
        ? `t:${tokenKeyOf(header)}`
        : `ip:${request.ip}`;
    const result = this.limiter.take(key, this.services.clock().getTime());
    reply.header('RateLimit-Limit', String(result.limit));
    reply.header('RateLimit-Remaining', String(result.remaining));
    reply.header('RateLimit-Reset', String(result.resetSeconds));
    if (!result.allowed) {
      throw new HttpProblem(
        'rate-limited',
        `Too many requests; retry in ${result.retryAfterSeconds} s.`,
        {
          extras: { retryAfterSeconds: result.retryAfterSeconds },
          headers: { 'Retry-After': String(result.retryAfterSeconds) },
        },
      );
    }
  }

  private async handle(
    op: MountedOperation,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<void> {
    const { info } = op;
    let caller: Caller | null = null;
    let reservation: { userId: string; key: string } | null = null;
    try {
      this.rateLimit(request, reply);
      if (!info.isPublic) {
        caller = this.authenticate(request);
        if (!info.roles.includes(caller.role)) {
          throw new HttpProblem(
            'forbidden',
            `The role ${caller.role} may not call ${info.operationId}.`,
          );
        }
      }
      const registered = this.handlers.get(info.operationId);
      if (!registered) {
        throw new HttpProblem(
          'not-implemented',
          `${info.operationId} is part of the contract but not implemented by this server yet.`,
        );
      }
      const input = parseRequest(
        this.services.spec,
        op.plan,
        {
          url: request.url,
          params: request.params as Record<string, string>,
          headers: request.headers,
          body: Buffer.isBuffer(request.body) ? request.body : undefined,
        },
        { itemsCheckedByHandler: registered.options.itemsCheckedByHandler },
      );
      const ifMatchHeader = input.headers['if-match'] as string | undefined;
      if (op.requiresIfMatch && ifMatchHeader === undefined) {
        throw new HttpProblem(
          'precondition-required',
          'Send If-Match with the ETag you last read, so a concurrent change is not overwritten.',
        );
      }

      const now = this.services.clock();
      const ctx: OperationContext<OperationId> = {
        operationId: info.operationId as OperationId,
        requestId: request.id,
        get caller(): Caller {
          if (!caller) throw missingToken();
          return caller;
        },
        params: input.path as never,
        query: input.query as never,
        headers: input.headers,
        body: input.body as never,
        ifMatch: parseIfMatch(ifMatchHeader),
        now,
        services: this.services,
        db: this.services.db,
        request,
        reply,
      };

      if (registered.options.stream) {
        const result = await registered.handler(ctx);
        if (result !== HIJACKED) this.send(reply, result, caller);
        return;
      }

      const idempotencyKey = input.headers['idempotency-key'] as string | undefined;
      if (op.idempotent && caller && idempotencyKey !== undefined) {
        const path = request.url.split('?')[0]!;
        const outcome = this.idempotency.reserve(
          caller.userId,
          idempotencyKey,
          info.operationId,
          requestHash(info.method, path, input.body),
        );
        if ('replay' in outcome) {
          reply.header('Idempotent-Replayed', 'true');
          this.sendRaw(reply, outcome.replay.status, outcome.replay.headers, outcome.replay.body);
          return;
        }
        reservation = { userId: caller.userId, key: idempotencyKey };
      }

      const active = reservation;
      let stored = false;
      const result = this.services.tx(() => {
        const value = registered.handler(ctx);
        if (value instanceof Promise || value === HIJACKED) {
          throw new Error(`${info.operationId}: a non-streaming handler must be synchronous`);
        }
        const shaped = this.shape(value, caller);
        if (active && shaped.status >= 200 && shaped.status < 300) {
          this.idempotency.complete(active.userId, active.key, {
            status: shaped.status,
            headers: shaped.headers ?? {},
            body: shaped.body,
          });
          stored = true;
        }
        return shaped;
      });
      if (reservation && !stored) this.idempotency.release(reservation.userId, reservation.key);
      reservation = null;
      this.sendRaw(reply, result.status, result.headers ?? {}, result.body);
    } catch (error) {
      if (reservation) {
        try {
          this.idempotency.release(reservation.userId, reservation.key);
        } catch (releaseError) {
          request.log.error({ err: releaseError }, 'could not release an idempotency key');
        }
      }
      sendProblem(request, reply, error);
    }
  }

  /** Masks personal data for the caller's role: the one place it happens for REST answers. */
  private shape(result: HandlerResult, caller: Caller | null): HandlerResult {
    if (result.body === undefined) return result;
    return { ...result, body: maskForRole(result.body, caller?.role ?? null) };
  }

  private send(reply: FastifyReply, result: HandlerResult, caller: Caller | null): void {
    const shaped = this.shape(result, caller);
    this.sendRaw(reply, shaped.status, shaped.headers ?? {}, shaped.body);
  }

  private sendRaw(
    reply: FastifyReply,
    status: number,
    headers: Record<string, string>,
    body: unknown,
  ): void {
    reply.status(status);
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    if (body === undefined) {
      void reply.send();
      return;
    }
    const type = reply.getHeader('content-type');
    if (typeof body === 'string' && typeof type === 'string' && !type.includes('json')) {
      void reply.send(body); // a handler that set another media type (CSV) sends text as is
      return;
    }
    if (!type) reply.header('Content-Type', 'application/json; charset=utf-8');
    void reply.send(JSON.stringify(body));
  }
}

/** Sends any error as problem+json; unknown errors become 500 with the request ID, logged with their stack. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  let httpProblem: HttpProblem;
  if (error instanceof HttpProblem) httpProblem = error;
  else {
    httpProblem = new HttpProblem(
      'internal',
      `An unexpected error occurred. Quote request ID ${request.id} when reporting it.`,
    );
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
  }
  if (reply.sent || reply.raw.headersSent) return;
  reply.status(httpProblem.status);
  for (const [name, value] of Object.entries(httpProblem.headers)) reply.header(name, value);
  reply.header('Content-Type', 'application/problem+json; charset=utf-8');
  void reply.send(JSON.stringify(httpProblem.toBody(request.id)));
}

export type { Db };
