/**
 * Calls and KPIs: call records from the telephony system, KPI reports and their CSV export, live
 * figures (also on the `kpis.live` event topic), the appraisal, and the KPI targets.
 */
import { defineArea } from '../../core/area.js';
import { seedCalls } from '../../seed/calls.js';
import { LIVE_TOPIC, LivePublisher } from './live.js';
import { callRoutes } from './routes.js';
import { CallService } from './service.js';
import { SqliteCallStore } from './sqlite-store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    calls: CallService;
  }
}

export default defineArea({
  name: 'calls',
  order: 20,
  setup({ services, defineOperation, provide, onClose }) {
    const calls = new CallService(new SqliteCallStore(services.db), services);
    const live = new LivePublisher(calls, services);
    services.events.defineTopic(LIVE_TOPIC, { filter: LivePublisher.filter });
    services.need('directory').onPresenceChange((_agentId, teamId) => live.changed([teamId]));
    provide('calls', calls);
    callRoutes(defineOperation, calls, live);
    onClose(() => live.close());
  },
  seed: seedCalls,
});
