/**
 * What the ticket elements look names up in: the signed-in user, agents, teams, departments, the
 * center's business calendar and each SLA policy's at-risk share. Read once per client and shared
 * by `<cc-ticket-queue>` and `<cc-ticket-detail>` (a failed read is tried again next time).
 */
import type { BusinessCalendar } from '@cc-kit/sdk/domain';
import type { Schema } from '@cc-kit/spec';
import type { CcClient } from '../shared/client.js';
import { localized, type LocalText } from '../shared/controls.js';
import type { CcElement } from '../shared/element.js';

export interface Directory {
  me: Schema<'Me'>;
  agents: Map<string, string>;
  teams: Map<string, LocalText>;
  departments: Map<string, LocalText>;
  calendar?: BusinessCalendar;
  atRisk: Map<string, number>;
}

const cache = new WeakMap<CcClient, Promise<Directory>>();

async function load(client: CcClient): Promise<Directory> {
  const [me, agents, teams, departments, calendar, policies] = await Promise.all([
    client.me.get(),
    client.agents
      .iterate({ limit: 200 })
      .toArray({ limit: 2000 })
      .catch(() => []),
    client.teams.list({}).catch(() => ({ items: [] })),
    client.departments.list({}).catch(() => ({ items: [] })),
    client.sla.calendar.get().catch(() => undefined),
    client.sla.policies.list({}).catch(() => ({ items: [] })),
  ]);
  return {
    me,
    agents: new Map(
      agents.map((a) => [a.id, a.displayName ? `${a.name} (${a.displayName})` : a.name]),
    ),
    teams: new Map(teams.items.map((t) => [t.id, t.name as LocalText])),
    departments: new Map(departments.items.map((d) => [d.id, d.name as LocalText])),
    calendar: calendar as BusinessCalendar | undefined,
    atRisk: new Map(policies.items.map((p) => [p.id, p.atRiskRatio])),
  };
}

export function directoryFor(client: CcClient): Promise<Directory> {
  let found = cache.get(client);
  if (!found) {
    cache.set(client, (found = load(client)));
    found.catch(() => cache.delete(client));
  }
  return found;
}

/** A person's name; `unassigned` for none. */
export function agentName(book: Directory | undefined, id: string | null, unassigned: string) {
  if (!id) return unassigned;
  if (id === book?.me.user.id) return book.me.user.name;
  return book?.agents.get(id) ?? id;
}

/** A team's or department's name; the shared "no data" for none. */
export function unitName(
  host: CcElement,
  book: Directory | undefined,
  kind: 'teams' | 'departments',
  id: string | null,
): string {
  return id ? localized(host, book?.[kind].get(id), id) : host.t('noData');
}
