/**
 * Complaints: intake, routing to a handling department, verdict and customer callback, and the
 * complaint rules of the ticket life cycle (through the ticket extension points).
 */
import { defineArea } from '../../core/area.js';
import { seedComplaints } from '../../seed/complaints.js';
import { complaintRoutes } from './routes.js';
import { ComplaintService } from './service.js';
import { SqliteComplaintStore } from './sqlite-store.js';

declare module '../../core/area.js' {
  interface AreaServices {
    complaints: ComplaintService;
  }
}

export default defineArea({
  name: 'complaints',
  order: 10,
  setup({ services, defineOperation, provide }) {
    const tickets = services.need('tickets');
    const complaints = new ComplaintService(
      new SqliteComplaintStore(services.db),
      tickets,
      services.need('directory'),
      services.need('sla'),
    );
    tickets.extend(complaints.extension());
    provide('complaints', complaints);
    complaintRoutes(defineOperation, complaints);
  },
  seed: seedComplaints,
});
