/**
 * Tickets of every kind: lists, counts, changes, transitions, comments, activity. Other areas
 * extend tickets through `services.need('tickets').extend(...)` (see extensions.ts) and create or
 * change tickets of their kinds through the TicketService.
 */
import { defineArea } from '../../core/area.js';
import type { Viewer } from '../../core/events.js';
import { seedTickets } from '../../seed/tickets.js';
import { ticketRoutes } from './routes.js';
import { TicketService } from './service.js';
import { SqliteTicketStore } from './sqlite-store.js';
import type { Ticket } from './store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    tickets: TicketService;
  }
}

export default defineArea({
  name: 'tickets',
  order: 3,
  setup({ services, defineOperation, provide }) {
    const sla = services.need('sla');
    const tickets = new TicketService(new SqliteTicketStore(services.db), services, sla);
    provide('tickets', tickets);
    sla.onCalendarChange(() => tickets.recomputeAllSla(services.clock()));
    // A ticket on the stream lists the transitions that viewer may apply, as GET would.
    services.events.defineTopic('tickets', {
      project(data: unknown, viewer: Viewer) {
        const ticket = data as Ticket;
        if (!ticket || typeof ticket !== 'object' || !('allowedTransitions' in ticket)) return data;
        return {
          ...ticket,
          allowedTransitions: tickets.allowedFor(ticket.kind, ticket.state, viewer.caller.role),
        };
      },
    });
    ticketRoutes(defineOperation, tickets);
  },
  seed: seedTickets,
});
