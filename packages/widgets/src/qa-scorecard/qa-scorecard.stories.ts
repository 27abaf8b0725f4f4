import { html } from 'lit';
import type { Schema } from '@cc-kit/spec';
import '../define/cc-qa-scorecard.js';
import { clientFor, neverAnswers, type StoryRole, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-qa-scorecard>` reads from the real reference server. Start one for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another. Each role signs in with the server's demo tokens; each
 * story picks a seeded evaluation in the state it shows.
 */
export default {
  title: 'Elements/cc-qa-scorecard',
  component: 'cc-qa-scorecard',
  tags: ['autodocs'],
};

type State = Schema<'EvaluationState'>;

/** The newest seeded evaluation this role sees in `state` (a draft: one of its own). */
const pick = (role: StoryRole, state: State) => async () => {
  const client = clientFor(role);
  const me = await client.me.get();
  const page = await client.qa.evaluations.list({
    limit: 1,
    state: [state],
    ...(state === 'draft' ? { evaluatorId: me.user.id } : {}),
  });
  return { id: page.items[0]?.id ?? '' };
};

const card =
  (role: StoryRole, attrs: { locale?: string; theme?: string } = {}) =>
  (_args: unknown, { loaded }: { loaded: { id: string } }) =>
    html`<cc-qa-scorecard
      .client=${clientFor(role)}
      evaluation-id=${loaded.id}
      locale=${attrs.locale ?? ''}
      theme=${attrs.theme ?? ''}
    ></cc-qa-scorecard>`;

export const Evaluator = {
  name: 'Evaluator (draft)',
  loaders: [pick('qa_specialist', 'draft')],
  render: card('qa_specialist'),
};
export const Agent = {
  name: 'Agent (acknowledge or dispute)',
  loaders: [pick('agent', 'submitted')],
  render: card('agent'),
};
export const Reviewer = {
  name: 'Reviewer (open dispute)',
  loaders: [pick('qa_specialist', 'disputed')],
  render: card('qa_specialist'),
};
export const History = {
  name: 'Resolved, with history',
  loaders: [pick('supervisor', 'resolved')],
  render: card('supervisor'),
};
export const List = {
  name: 'List (no evaluation id)',
  render: () => html`<cc-qa-scorecard .client=${clientFor('agent')}></cc-qa-scorecard>`,
};
export const Loading = {
  render: () =>
    html`<cc-qa-scorecard
      .client=${clientFor('agent', neverAnswers, 'loading')}
    ></cc-qa-scorecard>`,
};

export const Empty = {
  name: 'Empty (an operations manager filtered to nothing)',
  render: () =>
    html`<cc-qa-scorecard
      .client=${clientFor(
        'operations_manager',
        (input, init) => {
          const url = String(input instanceof Request ? input.url : input);
          return url.includes('/v1/qa/evaluations?')
            ? Promise.resolve(
                new Response(JSON.stringify({ items: [], nextCursor: null }), {
                  headers: { 'content-type': 'application/json' },
                }),
              )
            : fetch(input, init);
        },
        'empty',
      )}
    ></cc-qa-scorecard>`,
};

export const ServerError = {
  name: 'Error',
  render: () =>
    html`<cc-qa-scorecard
      .client=${clientFor('agent', unavailable('/v1/qa/'), 'error')}
    ></cc-qa-scorecard>`,
};

export const SimplifiedChinese = {
  name: '简体中文',
  loaders: [pick('qa_specialist', 'draft')],
  render: card('qa_specialist', { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  loaders: [pick('agent', 'acknowledged')],
  render: card('agent', { locale: 'zh-Hant' }),
};
export const Dark = {
  loaders: [pick('supervisor', 'submitted')],
  render: card('supervisor', { theme: 'dark' }),
};
