import { html } from 'lit';
import '../define/cc-ticket-filters.js';
import type { TicketQueueView } from '../ticket-queue/ticket-queue.js';
import { clientFor, neverAnswers, type StoryRole } from '../test-utils/stories.js';

/** `<cc-ticket-filters>` with the role's people, teams and departments from the real server. */
export default {
  title: 'Elements/cc-ticket-filters',
  component: 'cc-ticket-filters',
  tags: ['autodocs'],
};

const views: TicketQueueView[] = [
  { id: 'urgent', name: 'Urgent', filters: { priority: ['urgent'] } },
];

const filters = (role: StoryRole, attrs: { locale?: string; theme?: string } = {}) => ({
  render: () =>
    html`<cc-ticket-filters
      .client=${clientFor(role)}
      .views=${views}
      .filters=${{ state: ['new', 'open'] }}
      locale=${attrs.locale ?? 'en'}
      theme=${attrs.theme ?? 'light'}
    ></cc-ticket-filters>`,
});

export const Agent = filters('agent');
export const Supervisor = filters('supervisor');
export const OperationsManager = { name: 'Operations manager', ...filters('operations_manager') };
export const SimplifiedChinese = {
  name: '简体中文',
  ...filters('supervisor', { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  ...filters('supervisor', { locale: 'zh-Hant' }),
};
export const Dark = filters('supervisor', { theme: 'dark' });
export const Loading = {
  render: () =>
    html`<cc-ticket-filters
      .client=${clientFor('agent', neverAnswers, 'loading')}
    ></cc-ticket-filters>`,
};
