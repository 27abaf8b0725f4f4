import { created, ok, type DefineOperation } from '../../core/area.js';
import type { ComplaintService } from './service.js';

export function complaintRoutes(defineOperation: DefineOperation, complaints: ComplaintService) {
  defineOperation('fileComplaint', (ctx) => {
    const ticket = complaints.file(ctx.caller, ctx.body, ctx.now);
    return created(ticket, { location: `/v1/tickets/${ticket.id}`, etag: ticket.version });
  });

  defineOperation('suggestComplaintRouting', (ctx) => ok(complaints.suggest(ctx.query, ctx.now)));

  defineOperation('routeComplaint', (ctx) => {
    const ticket = complaints.reroute(
      ctx.caller,
      ctx.params.ticketId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(ticket, { etag: ticket.version });
  });

  defineOperation('recordComplaintVerdict', (ctx) => {
    const ticket = complaints.verdict(
      ctx.caller,
      ctx.params.ticketId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(ticket, { etag: ticket.version });
  });

  defineOperation('recordComplaintCallback', (ctx) => {
    const ticket = complaints.callback(
      ctx.caller,
      ctx.params.ticketId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(ticket, { etag: ticket.version });
  });
}
