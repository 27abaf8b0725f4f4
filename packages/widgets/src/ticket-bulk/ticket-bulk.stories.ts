import { html } from 'lit';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-ticket-bulk.js';
import { clientFor, neverAnswers, type StoryRole } from '../test-utils/stories.js';

/** `<cc-ticket-bulk>` on the newest tickets the role may see, from the real reference server. */
export default {
  title: 'Elements/cc-ticket-bulk',
  component: 'cc-ticket-bulk',
  tags: ['autodocs'],
};

const bulk = (role: StoryRole, attrs: { locale?: string; theme?: string } = {}) => ({
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
    html`<cc-ticket-bulk .client=${clientFor('agent', neverAnswers, 'loading')}></cc-ticket-bulk>`,
};
