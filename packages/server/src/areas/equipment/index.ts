/**
 * Equipment: seats, assets, equipment checks, due dates by team cadence, and the maintenance work
 * orders a check's findings open. Extends tickets with the `equipment` link and fixes the asset
 * when its work order is resolved; tells the directory each agent's seat.
 */
import { defineArea } from '../../core/area.js';
import { seedEquipment } from '../../seed/equipment.js';
import { equipmentRoutes } from './routes.js';
import { EquipmentService } from './service.js';
import { SqliteEquipmentStore } from './sqlite-store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    equipment: EquipmentService;
  }
}

export default defineArea({
  name: 'equipment',
  order: 40,
  setup({ services, defineOperation, provide }) {
    const directory = services.need('directory');
    const tickets = services.need('tickets');
    const equipment = new EquipmentService(
      new SqliteEquipmentStore(services.db),
      services,
      directory,
      tickets,
    );
    provide('equipment', equipment);
    directory.decorateUsers((users) => equipment.decorateUsers(users));
    tickets.extend({
      name: 'equipment',
      decorate: (list) => equipment.decorateTickets(list),
      afterTransition: (event) => equipment.afterTransition(event),
    });
    equipmentRoutes(defineOperation, equipment);
  },
  seed: seedEquipment,
});
