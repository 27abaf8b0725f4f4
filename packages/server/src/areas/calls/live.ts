/**
 * `kpi.live` events on the `kpis.live` topic: the live figures of the center and of each team whose
 * calls or agents changed, at most once a second per scope. A change inside the second after a
 * publication is published when that second is over.
 */
import type { Services } from '../../core/area.js';
import type { StoredEvent, Viewer } from '../../core/events.js';
import type { CallService, LiveKpis } from './service.js';
import type { KpiScopeRef } from './store.js';

export const LIVE_TOPIC = 'kpis.live';
const MIN_INTERVAL_MS = 1000;

export class LivePublisher {
  private readonly lastAt = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly calls: CallService,
    private readonly services: Services,
  ) {}

  /** Who receives a scope's figures: operations managers, and a team's supervisors. */
  static audience(scope: KpiScopeRef): string[] {
    return scope.kind === 'team'
      ? ['role:operations_manager', `team:${scope.id}:supervisor`]
      : ['role:operations_manager'];
  }

  /** A viewer follows the center, or the team named by `teamId` (a supervisor: their own). */
  static filter(event: StoredEvent, viewer: Viewer): boolean {
    const data = event.data as LiveKpis;
    const followed =
      (viewer.options.teamId as string | undefined) ??
      (viewer.caller.role === 'supervisor' ? viewer.caller.teamId : null);
    return data.scope === 'center' ? followed === null : data.scopeId === followed;
  }

  /** The center and these teams changed (call in the current transaction, if any). */
  changed(teams: Iterable<string | null>): void {
    const scopes: KpiScopeRef[] = [{ kind: 'center' }];
    for (const team of new Set(teams)) if (team) scopes.push({ kind: 'team', id: team });
    for (const scope of scopes) this.touch(scope);
  }

  private touch(scope: KpiScopeRef): void {
    const key = scope.kind === 'team' ? `team:${scope.id}` : 'center';
    if (this.timers.has(key)) return; // already due
    const since = performance.now() - (this.lastAt.get(key) ?? -Infinity);
    if (since >= MIN_INTERVAL_MS) {
      this.publish(key, scope);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        this.services.tx(() => this.publish(key, scope));
      } catch (error) {
        this.services.log.error({ err: error }, 'could not publish live KPIs');
      }
    }, MIN_INTERVAL_MS - since);
    timer.unref();
    this.timers.set(key, timer);
  }

  private publish(key: string, scope: KpiScopeRef): void {
    this.lastAt.set(key, performance.now());
    this.services.events.publish({
      topic: LIVE_TOPIC,
      type: 'kpi.live',
      data: this.calls.live(scope, this.services.clock()),
      audience: LivePublisher.audience(scope),
    });
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
