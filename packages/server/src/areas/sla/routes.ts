import { ok, type DefineOperation } from '../../core/area.js';
import type { SlaService } from './service.js';

export function slaRoutes(defineOperation: DefineOperation, sla: SlaService) {
  defineOperation('listSlaPolicies', (ctx) => ok(sla.listPolicies(ctx.query)));

  defineOperation('updateSlaPolicy', (ctx) => {
    const policy = sla.updatePolicy(ctx.params.policyId, ctx.ifMatch, ctx.body);
    return ok(policy, { etag: policy.version });
  });

  defineOperation('getBusinessCalendar', () => {
    const calendar = sla.calendar();
    return ok(calendar, { etag: calendar.version });
  });

  defineOperation('replaceBusinessCalendar', (ctx) => {
    const calendar = sla.replaceCalendar(ctx.ifMatch, ctx.body);
    return ok(calendar, { etag: calendar.version });
  });
}
