import { html } from 'lit';
import { createClient } from '@cc-kit/sdk';
import '../define/cc-ticket-filters.js';
import type { CcClient } from '../shared/client.js';
import type { TicketQueueView } from '../ticket-queue/ticket-queue.js';

/** `<cc-ticket-filters>` with the role's people, teams and departments from the real server. */
export default {
  title: 'Elements/cc-ticket-filters',
  component: 'cc-ticket-filters',
  tags: ['autodocs'],
};

type Role = 'agent' | 'supervisor' | 'operations_manager';

const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env;
const apiUrl = env?.STORYBOOK_CC_API_URL ?? 'http://localhost:8080';

const clients = new Map<string, CcClient>();
function clientFor(role: Role, fetchImpl?: typeof fetch, key: string = role): CcClient {
  let client = clients.get(key);
  if (!client) {
    const anonymous = createClient({ baseUrl: apiUrl });
    client = createClient({
      baseUrl: apiUrl,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      retry: { attempts: 1 },
      getToken: async () => (await anonymous.demo.token({ role })).token,
    });
    clients.set(key, client);
  }
  return client;
}

const views: TicketQueueView[] = [
  { id: 'urgent', name: 'Urgent', filters: { priority: ['urgent'] } },
];

const filters = (role: Role, attrs: { locale?: string; theme?: string } = {}) => ({
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
      .client=${clientFor('agent', () => new Promise<Response>(() => undefined), 'loading')}
    ></cc-ticket-filters>`,
};
