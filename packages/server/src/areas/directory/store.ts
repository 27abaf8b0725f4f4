/** Storage of the directory: users, teams, departments, categories, routing rules, presence. */
import type { Schema } from '@cc-kit/spec';
import type { Role } from '@cc-kit/domain';
import type { Keyed, KeyValue } from '../../core/pagination.js';

export type { Keyed };

export type User = Schema<'User'>;
export type Team = Schema<'Team'>;
export type Department = Schema<'Department'>;
export type ComplaintCategory = Schema<'ComplaintCategory'>;
export type RoutingRule = Schema<'RoutingRule'>;
export type AgentPresence = Schema<'AgentPresence'>;
export type PresenceState = Schema<'PresenceState'>;
export type LocalizedText = Schema<'LocalizedText'>;

export interface UserRow {
  id: string;
  name: string;
  display_name: string | null;
  employee_number: string | null;
  role: Role;
  team_id: string | null;
  locale: string | null;
  hired_on: string | null;
  active: number;
  demo: number;
}

/** A slice of a keyset-ordered list: rows strictly after the sort keys `after`, at most `limit`. */
export interface Slice {
  after: KeyValue[] | null;
  limit: number;
}

export interface UserFilter {
  teamId?: string;
  role?: Role;
  /** Start of the name or display name. */
  prefix?: string;
  demoOnly?: boolean;
}

export interface DirectoryStore {
  user(id: string): UserRow | undefined;
  users(filter: UserFilter, slice: Slice): Keyed<UserRow>[];
  firstUserWithRole(role: Role, demoOnly: boolean): UserRow | undefined;
  /** The latest presence of each of these users. */
  presenceOf(userIds: readonly string[]): Map<string, AgentPresence>;
  appendPresence(agentId: string, state: PresenceState, at: string, by: string, now: string): void;

  team(id: string): Team | undefined;
  teams(slice: Slice): Keyed<Team>[];
  updateTeam(
    id: string,
    version: number,
    patch: {
      name?: LocalizedText;
      supervisorId?: string | null;
      equipmentCheckCadenceDays?: number;
    },
    now: string,
  ): number;

  departments(slice: Slice): Keyed<Department>[];
  department(id: string): Department | undefined;
  categories(includeInactive: boolean, slice: Slice): Keyed<ComplaintCategory>[];
  category(id: string): ComplaintCategory | undefined;
  routingRules(slice: Slice): Keyed<RoutingRule>[];
}
