/**
 * The directory: who works here (users, teams), where complaints go (departments, categories,
 * routing rules), the agents' presence, and the demo sign-in.
 */
import { ROLES, canSeePersonalData, type Role } from '@cc-kit/domain';
import type { Services } from '../../core/area.js';
import { signToken, type Caller } from '../../core/auth.js';
import { assertUpdated } from '../../core/etag.js';
import type { UserRef } from '../../core/events.js';
import { paginate, type Page } from '../../core/pagination.js';
import { HttpProblem, problem } from '../../core/problems.js';
import type {
  AgentPresence,
  ComplaintCategory,
  Department,
  DirectoryStore,
  LocalizedText,
  PresenceState,
  RoutingRule,
  Team,
  User,
  UserRow,
} from './store.js';

/** Adds what other areas know about users (for instance the seat from the equipment area). */
export type UserDecorator = (users: User[]) => void;

export class DirectoryService {
  private readonly decorators: UserDecorator[] = [];

  constructor(
    readonly store: DirectoryStore,
    private readonly services: Services,
    /** The operationIds each role may call (for GET /v1/me). */
    private readonly permissions: (role: Role) => string[],
    private readonly timeZone: () => string,
  ) {}

  private readonly presenceListeners: ((agentId: string, teamId: string | null) => void)[] = [];

  /** Called, in the writing transaction, after each presence change (live KPIs follow it). */
  onPresenceChange(listener: (agentId: string, teamId: string | null) => void): void {
    this.presenceListeners.push(listener);
  }

  /** Lets another area fill in user fields it owns (seatId). */
  decorateUsers(decorator: UserDecorator): void {
    this.decorators.push(decorator);
  }

  toUsers(rows: UserRow[]): User[] {
    const presence = this.store.presenceOf(rows.map((r) => r.id));
    const users = rows.map((row): User => ({
      id: row.id,
      name: row.name,
      ...(row.display_name ? { displayName: row.display_name } : {}),
      ...(row.employee_number ? { employeeNumber: row.employee_number } : {}),
      role: row.role,
      teamId: row.team_id,
      seatId: null,
      ...(row.locale ? { locale: row.locale as NonNullable<User['locale']> } : {}),
      presence: presence.get(row.id) ?? null,
      ...(row.hired_on ? { hiredOn: row.hired_on } : {}),
      active: row.active === 1,
    }));
    for (const decorate of this.decorators) decorate(users);
    return users;
  }

  user(id: string): User | undefined {
    const row = this.store.user(id);
    return row ? this.toUsers([row])[0] : undefined;
  }

  /** `{ id, name }` of a user, as other objects refer to them. */
  userRef(id: string): UserRef {
    const row = this.store.user(id);
    return { id, name: row?.name ?? id };
  }

  me(caller: Caller) {
    const user = this.user(caller.userId);
    if (!user) throw problem.notFound('user');
    return {
      user,
      role: caller.role,
      teamId: caller.teamId,
      permissions: this.permissions(caller.role),
      personalDataVisible: canSeePersonalData(caller.role),
      timeZone: this.timeZone(),
    };
  }

  // ---- demo sign-in -------------------------------------------------------------------------

  private assertDemo(): void {
    if (!this.services.config.demo) {
      throw new HttpProblem('not-found', 'Demo sign-in is available only in demo mode.');
    }
  }

  demoUsers(): User[] {
    this.assertDemo();
    const rows = this.store
      .users({ demoOnly: true }, { after: null, limit: 200 })
      .map((r) => r.item);
    // One block per role, in the documented role order.
    rows.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.id.localeCompare(b.id));
    return this.toUsers(rows.filter((r) => r.active === 1));
  }

  demoToken(input: { userId?: string; role?: Role }, now: Date) {
    this.assertDemo();
    const row = input.userId
      ? this.store.user(input.userId)
      : this.store.firstUserWithRole(input.role!, true);
    if (!row || row.active !== 1) {
      throw new HttpProblem(
        'not-found',
        input.userId ? 'No active user with this ID.' : `No demo user has the role ${input.role}.`,
      );
    }
    const { token, expiresAt } = signToken(
      this.services.config.jwtSecret,
      { sub: row.id, role: row.role, teamId: row.team_id, name: row.name },
      { now, ttlSeconds: this.services.config.tokenTtlSeconds },
    );
    return {
      token,
      tokenType: 'Bearer' as const,
      expiresAt: expiresAt.toISOString(),
      user: this.toUsers([row])[0]!,
    };
  }

  // ---- users ----------------------------------------------------------------------------------

  listUsers(query: {
    teamId?: string;
    role?: Role;
    q?: string;
    limit?: number;
    cursor?: string;
  }): Page<User> {
    const filter = {
      ...(query.teamId ? { teamId: query.teamId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.q ? { prefix: query.q } : {}),
    };
    const page = paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'users', ...filter },
      select: (after, limit) => this.store.users(filter, { after, limit }),
    });
    return { items: this.toUsers(page.items), nextCursor: page.nextCursor };
  }

  getUser(id: string): User {
    const user = this.user(id);
    if (!user) throw problem.notFound('user');
    return user;
  }

  /** Appends a presence change. An agent records their own; a supervisor their team's. */
  recordPresence(
    caller: Caller,
    agentId: string,
    input: { state: PresenceState; at?: string },
    now: Date,
  ): AgentPresence {
    const agent = this.store.user(agentId);
    if (!agent) throw problem.notFound('user');
    if (caller.role === 'agent' && agentId !== caller.userId) {
      throw problem.forbidden('An agent may record only their own presence.');
    }
    if (
      caller.role === 'supervisor' &&
      agentId !== caller.userId &&
      agent.team_id !== caller.teamId
    ) {
      throw problem.forbidden('A supervisor may record presence only for their own team.');
    }
    const at = input.at ? new Date(input.at) : now;
    if (at.getTime() > now.getTime() + 5_000) {
      throw problem.unprocessable('A presence change cannot be in the future.', [
        { path: '/body/at', message: 'must not be in the future', code: 'future' },
      ]);
    }
    const last = this.store.presenceOf([agentId]).get(agentId);
    if (last && at.getTime() < Date.parse(last.since)) {
      throw problem.unprocessable('A presence change cannot come before the last one.', [
        { path: '/body/at', message: `must not be before ${last.since}`, code: 'order' },
      ]);
    }
    const atIso = at.toISOString();
    this.store.appendPresence(agentId, input.state, atIso, caller.userId, now.toISOString());
    for (const listener of this.presenceListeners) listener(agentId, agent.team_id);
    return { agentId, state: input.state, since: atIso };
  }

  // ---- teams ----------------------------------------------------------------------------------

  listTeams(query: { limit?: number; cursor?: string }): Page<Team> {
    return paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'teams' },
      select: (after, limit) => this.store.teams({ after, limit }),
    });
  }

  getTeam(id: string): Team {
    const team = this.store.team(id);
    if (!team) throw problem.notFound('team');
    return team;
  }

  updateTeam(
    id: string,
    ifMatch: number | null,
    patch: {
      name?: LocalizedText;
      supervisorId?: string | null;
      equipmentCheckCadenceDays?: number;
    },
    now: Date,
  ): Team {
    this.getTeam(id);
    if (patch.supervisorId) {
      const supervisor = this.store.user(patch.supervisorId);
      if (!supervisor || supervisor.active !== 1 || supervisor.role !== 'supervisor') {
        throw problem.unprocessable(
          'The supervisor must be an active user with the supervisor role.',
          [
            {
              path: '/body/supervisorId',
              message: 'is not an active supervisor',
              code: 'reference',
            },
          ],
        );
      }
    }
    const changes = this.store.updateTeam(id, ifMatch ?? -1, patch, now.toISOString());
    assertUpdated(changes, ifMatch, () => this.store.team(id)?.version, 'team');
    return this.getTeam(id);
  }

  // ---- departments, categories, routing rules -------------------------------------------------

  listDepartments(query: { limit?: number; cursor?: string }): Page<Department> {
    return paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'departments' },
      select: (after, limit) => this.store.departments({ after, limit }),
    });
  }

  listCategories(query: {
    limit?: number;
    cursor?: string;
    includeInactive?: boolean;
  }): Page<ComplaintCategory> {
    const includeInactive = query.includeInactive === true;
    return paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'categories', includeInactive },
      select: (after, limit) => this.store.categories(includeInactive, { after, limit }),
    });
  }

  listRoutingRules(query: { limit?: number; cursor?: string }): Page<RoutingRule> {
    return paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'routing-rules' },
      select: (after, limit) => this.store.routingRules({ after, limit }),
    });
  }
}
