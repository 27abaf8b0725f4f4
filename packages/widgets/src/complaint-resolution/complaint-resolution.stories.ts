import { html } from 'lit';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-complaint-resolution.js';
import { clientFor, neverAnswers, type StoryRole, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-complaint-resolution>` reads from the real reference server (see the queue's stories for
 * how to start one); each story opens the newest complaint the role may see. Inside the portal it
 * appears in `<cc-ticket-detail>` for every complaint.
 */
export default {
  title: 'Elements/cc-complaint-resolution',
  component: 'cc-complaint-resolution',
  tags: ['autodocs'],
};

const newest = (role: StoryRole, state?: Schema<'TicketState'>) => async () => ({
  id: (
    await clientFor(role).tickets.list({
      kind: ['complaint'],
      ...(state ? { state: [state] } : {}),
      sort: '-number',
      limit: 1,
    })
  ).items[0]?.id,
});

const outcome = (
  role: StoryRole,
  attrs: { locale?: string; theme?: string; state?: Schema<'TicketState'> } = {},
) => ({
  loaders: [newest(role, attrs.state)],
  render: (_args: unknown, { loaded }: { loaded: { id?: string } }) =>
    html`<cc-complaint-resolution
      .client=${clientFor(role)}
      ticket-id=${loaded.id ?? ''}
      locale=${attrs.locale ?? 'en'}
      theme=${attrs.theme ?? 'light'}
    ></cc-complaint-resolution>`,
});

export const ComplaintSupervisor = {
  name: 'Complaint supervisor',
  ...outcome('complaint_supervisor'),
};
export const Agent = outcome('agent');
export const QaSpecialist = { name: 'QA specialist (read-only)', ...outcome('qa_specialist') };
export const OperationsManager = { name: 'Operations manager', ...outcome('operations_manager') };
export const Closed = outcome('complaint_supervisor', { state: 'closed' });
export const SimplifiedChinese = {
  name: '简体中文',
  ...outcome('complaint_supervisor', { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  ...outcome('complaint_supervisor', { locale: 'zh-Hant' }),
};
export const Dark = outcome('operations_manager', { theme: 'dark' });

export const Empty = {
  render: () =>
    html`<cc-complaint-resolution .client=${clientFor('agent')}></cc-complaint-resolution>`,
};

export const Loading = {
  render: () =>
    html`<cc-complaint-resolution
      .client=${clientFor('agent', neverAnswers, 'loading')}
      ticket-id="any"
    ></cc-complaint-resolution>`,
};

export const ServerError = {
  name: 'Error',
  render: () =>
    html`<cc-complaint-resolution
      .client=${clientFor('agent', unavailable(), 'error')}
      ticket-id="any"
    ></cc-complaint-resolution>`,
};
