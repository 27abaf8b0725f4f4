/**
 * Quality assurance: scorecard templates, evaluations, disputes (with their review-request
 * tickets) and calibration sessions. Other areas read `qa_evaluations` (the KPIs' qa_average).
 */
import { defineArea } from '../../core/area.js';
import type { Viewer } from '../../core/events.js';
import { seedQa } from '../../seed/qa.js';
import { qaRoutes } from './routes.js';
import { QaService } from './service.js';
import { SqliteQaStore } from './sqlite-store.js';
import type { Evaluation } from './store.js';
import { reviewTickets } from './tickets-link.js';

declare module '../../core/area.js' {
  interface AreaServices {
    qa: QaService;
  }
}

export default defineArea({
  name: 'qa',
  order: 30,
  setup({ services, defineOperation, provide }) {
    const qa = new QaService(
      new SqliteQaStore(services.db),
      services,
      reviewTickets(services.need('tickets')),
    );
    provide('qa', qa);
    // An evaluation on the stream lists the actions that viewer may take, as GET would.
    services.events.defineTopic('evaluations', {
      project(data: unknown, viewer: Viewer) {
        const evaluation = data as Evaluation;
        if (!evaluation || typeof evaluation !== 'object' || !('allowedActions' in evaluation)) {
          return data;
        }
        return qa.projectForViewer(evaluation, viewer.caller);
      },
    });
    qaRoutes(defineOperation, qa);
  },
  seed: seedQa,
});
