/**
 * Volume data: no operations of its own, only demo data in quantity — thousands of tickets for the
 * demo, a million for benchmarks (`CC_SEED_TICKETS`, see seed/volume.ts). Seeded after every other
 * area has committed its data, in batches of its own.
 */
import { defineArea } from '../../core/area.js';
import { seedTicketVolume } from '../../seed/volume.js';

export default defineArea({
  name: 'volume',
  order: 90,
  setup({ services }) {
    services.need('tickets');
    services.need('sla');
  },
  seedBulk: seedTicketVolume,
});
