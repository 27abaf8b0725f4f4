import { created, ok, type DefineOperation } from '../../core/area.js';
import type { TicketService } from './service.js';
import type { TicketGroupBy } from './store.js';

export function ticketRoutes(defineOperation: DefineOperation, tickets: TicketService) {
  defineOperation('listTickets', (ctx) => ok(tickets.list(ctx.caller, ctx.query, ctx.now)));

  defineOperation('countTickets', (ctx) =>
    ok(
      tickets.count(
        ctx.caller,
        { ...ctx.query, groupBy: ctx.query.groupBy as TicketGroupBy },
        ctx.now,
      ),
    ),
  );

  defineOperation('createTicket', (ctx) => {
    const ticket = tickets.create(ctx.caller, ctx.body, ctx.now);
    return created(ticket, { location: `/v1/tickets/${ticket.id}`, etag: ticket.version });
  });

  defineOperation('bulkUpdateTickets', (ctx) =>
    ok(tickets.bulk(ctx.caller, ctx.body, ctx.now, ctx.requestId)),
  );

  defineOperation('getTicket', (ctx) => {
    const ticket = tickets.view(ctx.caller, ctx.params.ticketId, ctx.now);
    return ok(ticket, { etag: ticket.version });
  });

  defineOperation('updateTicket', (ctx) => {
    const ticket = tickets.update(ctx.caller, ctx.params.ticketId, ctx.ifMatch, ctx.body, ctx.now);
    return ok(ticket, { etag: ticket.version });
  });

  defineOperation('transitionTicket', (ctx) => {
    const ticket = tickets.transition(
      ctx.caller,
      ctx.params.ticketId,
      ctx.ifMatch,
      ctx.body,
      ctx.now,
    );
    return ok(ticket, { etag: ticket.version });
  });

  defineOperation('listTicketComments', (ctx) =>
    ok(tickets.comments(ctx.caller, ctx.params.ticketId, ctx.query)),
  );

  defineOperation('addTicketComment', (ctx) =>
    created(tickets.addComment(ctx.caller, ctx.params.ticketId, ctx.body, ctx.now)),
  );

  defineOperation('listTicketActivity', (ctx) =>
    ok(tickets.activityLog(ctx.caller, ctx.params.ticketId, ctx.query)),
  );
}
