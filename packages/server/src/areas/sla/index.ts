/** SLA policies and the business calendar. */
import { defineArea } from '../../core/area.js';
import { slaRoutes } from './routes.js';
import { SlaService } from './service.js';
import { SqliteSlaStore } from './sqlite-store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    sla: SlaService;
  }
}

export default defineArea({
  name: 'sla',
  order: 2,
  setup({ services, defineOperation, provide }) {
    const sla = new SlaService(new SqliteSlaStore(services.db), services);
    provide('sla', sla);
    slaRoutes(defineOperation, sla);
  },
});
