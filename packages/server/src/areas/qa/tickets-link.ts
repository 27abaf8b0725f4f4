/** QA's use of the tickets area: review-request tickets of disputes, and linkable tickets. */
import { isHttpProblem } from '../../core/problems.js';
import type { TicketService } from '../tickets/service.js';
import type { ReviewTickets } from './service.js';

export function reviewTickets(tickets: TicketService): ReviewTickets {
  return {
    openReviewRequest(caller, input, now) {
      // The request goes to the QA queue: nobody's, although the agent opens it.
      const ticket = tickets.create(
        caller,
        {
          kind: 'qa_review_request',
          subject: input.subject.slice(0, 200),
          description: input.description.slice(0, 10_000),
          channel: 'web',
          priority: 'normal',
          assigneeId: null,
          ...(input.teamId ? { teamId: input.teamId } : {}),
          evaluationId: input.evaluationId,
        },
        now,
        { internal: true },
      );
      return ticket.id;
    },

    resolveReviewRequest(caller, ticketId, resolution, now) {
      const ticket = tickets.store.get(ticketId);
      if (!ticket) return;
      const path =
        ticket.state === 'new'
          ? (['start', 'resolve'] as const)
          : ticket.state === 'open'
            ? (['resolve'] as const)
            : [];
      for (const transition of path) {
        tickets.transition(
          caller,
          ticketId,
          null,
          transition === 'resolve'
            ? { transition, resolution: resolution.slice(0, 4000) }
            : { transition },
          now,
          { system: true },
        );
      }
    },

    linkRefusal(caller, ticketId, now) {
      let ticket;
      try {
        ticket = tickets.view(caller, ticketId, now);
      } catch (error) {
        if (isHttpProblem(error) && error.status === 404) return 'is not a ticket you can see';
        throw error;
      }
      if (ticket.kind === 'praise') return null;
      if (ticket.kind === 'complaint' && ticket.complaint?.verdict?.justified === true) return null;
      return 'is not a justified complaint or a praise ticket';
    },
  };
}
