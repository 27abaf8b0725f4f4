import { html } from 'lit';
import '../define/cc-ticket-queue.js';
import type { CcClient } from '../shared/client.js';
import type { TicketQueueView } from './ticket-queue.js';
import { clientFor, neverAnswers, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-ticket-queue>` reads from the real reference server. Start one for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another. Each role signs in with the server's demo tokens.
 */
export default {
  title: 'Elements/cc-ticket-queue',
  component: 'cc-ticket-queue',
  tags: ['autodocs'],
};

const queue = (client: CcClient, view?: TicketQueueView, attrs: { theme?: string } = {}) =>
  html`<cc-ticket-queue
    .client=${client}
    .view=${view}
    theme=${attrs.theme ?? ''}
  ></cc-ticket-queue>`;

const views: TicketQueueView[] = [
  { id: 'mine', name: 'Mine, open', filters: { assigneeId: 'me', state: ['new', 'open'] } },
  { id: 'breached', name: 'Breached', filters: { slaState: ['breached'] }, sort: 'slaDueAt' },
  { id: 'urgent', name: 'Urgent', filters: { priority: ['urgent'] } },
];

export const Agent = { render: () => queue(clientFor('agent')) };
export const Supervisor = { render: () => queue(clientFor('supervisor')) };
export const ComplaintSupervisor = {
  name: 'Complaint supervisor',
  render: () => queue(clientFor('complaint_supervisor')),
};
export const QaSpecialist = {
  name: 'QA specialist',
  render: () => queue(clientFor('qa_specialist')),
};
export const OperationsManager = {
  name: 'Operations manager, with saved views',
  render: () =>
    html`<cc-ticket-queue
      .client=${clientFor('operations_manager')}
      .views=${views}
      .view=${views[1]}
    ></cc-ticket-queue>`,
};

export const Loading = {
  render: () => queue(clientFor('agent', neverAnswers, 'loading')),
};

export const Empty = {
  render: () =>
    queue(clientFor('agent'), {
      id: 'none',
      name: 'Nothing',
      filters: { q: 'no ticket has this text' },
    }),
};

export const ServerError = {
  name: 'Error',
  render: () => queue(clientFor('agent', unavailable('/v1/tickets'), 'error')),
};

export const SimplifiedChinese = {
  name: '简体中文',
  render: () =>
    html`<cc-ticket-queue locale="zh-Hans" .client=${clientFor('supervisor')}></cc-ticket-queue>`,
};

export const TraditionalChinese = {
  name: '繁體中文',
  render: () =>
    html`<cc-ticket-queue locale="zh-Hant" .client=${clientFor('supervisor')}></cc-ticket-queue>`,
};

export const Dark = {
  render: () => queue(clientFor('operations_manager'), undefined, { theme: 'dark' }),
};
