import { html } from 'lit';
import { createClient } from '@cc-kit/sdk';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-bulk.js';
import type { CcClient } from '../shared/client.js';

/** `<cc-ticket-bulk>` on the newest tickets the role may see, from the real reference server. */
export default {
  title: 'Elements/cc-ticket-bulk',
  component: 'cc-ticket-bulk',
  tags: ['autodocs'],
};

type Role = 'agent' | 'supervisor';

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

const bulk = (role: Role, attrs: { locale?: string; theme?: string } = {}) => ({
  loaders: [
    async () => ({
      tickets: (await clientFor(role).tickets.list({ sort: '-number', limit: 3 })).items,
    }),
  ],
  render: (_args: unknown, { loaded }: { loaded: { tickets: Schema<'Ticket'>[] } }) =>
    html`<cc-ticket-bulk
      .client=${clientFor(role)}
      .tickets=${loaded.tickets}
      locale=${attrs.locale ?? 'en'}
      theme=${attrs.theme ?? 'light'}
    ></cc-ticket-bulk>`,
});

export const Agent = bulk('agent');
export const Supervisor = bulk('supervisor');
export const SimplifiedChinese = { name: '简体中文', ...bulk('supervisor', { locale: 'zh-Hans' }) };
export const TraditionalChinese = {
  name: '繁體中文',
  ...bulk('supervisor', { locale: 'zh-Hant' }),
};
export const Dark = bulk('supervisor', { theme: 'dark' });
export const Empty = {
  render: () => html`<cc-ticket-bulk .client=${clientFor('agent')}></cc-ticket-bulk>`,
};
export const Loading = {
  render: () =>
    html`<cc-ticket-bulk
      .client=${clientFor('agent', () => new Promise<Response>(() => undefined), 'loading')}
    ></cc-ticket-bulk>`,
};
