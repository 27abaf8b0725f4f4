import { html } from 'lit';
import '../define/cc-ticket-detail.js';
import { clientFor, neverAnswers, type StoryRole, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-ticket-detail>` reads from the real reference server (see the queue's stories for how to
 * start one); each story opens the newest ticket the role may see.
 */
export default {
  title: 'Elements/cc-ticket-detail',
  component: 'cc-ticket-detail',
  tags: ['autodocs'],
};

const newest = (role: StoryRole) => async () => ({
  id: (await clientFor(role).tickets.list({ sort: '-number', limit: 1 })).items[0]?.id,
});

const detail = (role: StoryRole, attrs: { locale?: string; theme?: string } = {}) => ({
  loaders: [newest(role)],
  render: (_args: unknown, { loaded }: { loaded: { id?: string } }) =>
    html`<cc-ticket-detail
      .client=${clientFor(role)}
      ticket-id=${loaded.id ?? ''}
      locale=${attrs.locale ?? 'en'}
      theme=${attrs.theme ?? 'light'}
      closable
    ></cc-ticket-detail>`,
});

export const Agent = detail('agent');
export const Supervisor = detail('supervisor');
export const OperationsManager = { name: 'Operations manager', ...detail('operations_manager') };
export const SimplifiedChinese = {
  name: '简体中文',
  ...detail('supervisor', { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  ...detail('supervisor', { locale: 'zh-Hant' }),
};
export const Dark = detail('operations_manager', { theme: 'dark' });

export const Empty = {
  render: () => html`<cc-ticket-detail .client=${clientFor('agent')}></cc-ticket-detail>`,
};

export const Loading = {
  render: () =>
    html`<cc-ticket-detail
      .client=${clientFor('agent', neverAnswers, 'loading')}
      ticket-id="any"
    ></cc-ticket-detail>`,
};

export const ServerError = {
  name: 'Error',
  render: () =>
    html`<cc-ticket-detail
      .client=${clientFor('agent', unavailable(), 'error')}
      ticket-id="any"
    ></cc-ticket-detail>`,
};
