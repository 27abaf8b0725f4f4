/** SLA policies and the business calendar the SLA clocks count in. */
import {
  validateCalendar,
  type BusinessCalendar as DomainCalendar,
  type IsoWeekday,
} from '@cc-kit/domain';
import type { Services } from '../../core/area.js';
import { assertUpdated } from '../../core/etag.js';
import { paginate, type Page } from '../../core/pagination.js';
import { problem } from '../../core/problems.js';
import type {
  BusinessCalendar,
  BusinessCalendarInput,
  SlaPolicy,
  SlaPolicyPatch,
  SlaStore,
} from './store.js';

export type CalendarListener = (calendar: DomainCalendar) => void;

export class SlaService {
  private readonly calendarListeners: CalendarListener[] = [];
  private cached: { version: number; calendar: DomainCalendar } | null = null;

  constructor(
    readonly store: SlaStore,
    private readonly services: Services,
  ) {}

  /** Called (inside the transaction) when the calendar changes: tickets recompute their clocks. */
  onCalendarChange(listener: CalendarListener): void {
    this.calendarListeners.push(listener);
  }

  listPolicies(query: { limit?: number; cursor?: string }): Page<SlaPolicy> {
    return paginate({
      codec: this.services.cursors,
      cursor: query.cursor,
      limit: query.limit,
      scope: { list: 'sla-policies' },
      select: (after, limit) => this.store.policies(after, limit),
    });
  }

  policyFor(kind: string, priority: string): SlaPolicy | undefined {
    return this.store.policyFor(kind, priority);
  }

  updatePolicy(id: string, ifMatch: number | null, patch: SlaPolicyPatch): SlaPolicy {
    if (!this.store.policy(id)) throw problem.notFound('SLA policy');
    const changes = this.store.updatePolicy(id, ifMatch ?? -1, patch);
    assertUpdated(changes, ifMatch, () => this.store.policy(id)?.version, 'SLA policy');
    return this.store.policy(id)!;
  }

  calendar(): BusinessCalendar {
    return this.store.calendar();
  }

  /**
   * The calendar in the form the domain's clocks take, cached by version (a replacement clears
   * the cache, so a rolled-back one cannot leave a stale entry behind).
   */
  domainCalendar(): DomainCalendar {
    const version = this.store.calendarVersion();
    if (this.cached?.version === version) return this.cached.calendar;
    const calendar = this.store.calendar();
    const domain: DomainCalendar = {
      timeZone: calendar.timeZone,
      hours: calendar.hours.map((h) => ({ ...h, weekday: h.weekday as IsoWeekday })),
      holidays: calendar.holidays.map((h) => ({ date: h.date })),
    };
    this.cached = { version: calendar.version, calendar: domain };
    return domain;
  }

  replaceCalendar(ifMatch: number | null, input: BusinessCalendarInput): BusinessCalendar {
    const issues = validateCalendar({
      timeZone: input.timeZone,
      hours: input.hours.map((h) => ({ ...h, weekday: h.weekday as IsoWeekday })),
      holidays: input.holidays.map((h) => ({ date: h.date })),
    });
    if (issues.length) {
      throw problem.unprocessable(
        'The calendar is not valid.',
        issues.map((issue) => ({
          path: `/body/${issue.path}`,
          message: CALENDAR_MESSAGES[issue.code] ?? issue.code,
          code: issue.code,
        })),
      );
    }
    this.cached = null;
    const changes = this.store.replaceCalendar(ifMatch ?? -1, input);
    assertUpdated(changes, ifMatch, () => this.store.calendar().version, 'calendar');
    const domain = this.domainCalendar();
    for (const listener of this.calendarListeners) listener(domain);
    return this.store.calendar();
  }
}

const CALENDAR_MESSAGES: Record<string, string> = {
  time_zone_invalid: 'is not a known IANA time zone',
  weekday_invalid: 'must be an ISO weekday from 1 to 7',
  time_invalid: 'is not a valid time',
  end_not_after_start: 'must be after the start',
  date_invalid: 'is not a valid date',
};
