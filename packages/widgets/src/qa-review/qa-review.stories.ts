import { html } from 'lit';
import { createClient } from '@cc-kit/sdk';
import '../define/cc-qa-review.js';

/**
 * `<cc-qa-review>` is what `<cc-qa-scorecard>` shows for disputes and history; a host may use it
 * alone. Reads from the reference server (see the scorecard's stories for how to start one).
 */
export default {
  title: 'Elements/cc-qa-review',
  component: 'cc-qa-review',
  tags: ['autodocs'],
};

const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env;
const apiUrl = env?.STORYBOOK_CC_API_URL ?? 'http://localhost:8080';
const anonymous = createClient({ baseUrl: apiUrl });
const client = createClient({
  baseUrl: apiUrl,
  getToken: async () => {
    const grant = await anonymous.demo.token({ role: 'qa_specialist' });
    return { token: grant.token, expiresAt: grant.expiresAt };
  },
});

const load = (state: 'disputed' | 'resolved') => async () => {
  const evaluation = (await client.qa.evaluations.list({ limit: 1, state: [state] })).items[0];
  const template = evaluation
    ? await client.qa.templates.get(evaluation.templateId, {
        version: evaluation.templateVersion,
      })
    : undefined;
  return { evaluation, template };
};

type Loaded = { loaded: Awaited<ReturnType<ReturnType<typeof load>>> };

export const Resolve = {
  name: 'Reviewer: resolve a dispute',
  loaders: [load('disputed')],
  render: (_: unknown, { loaded }: Loaded) =>
    html`<cc-qa-review
      .client=${client}
      .evaluation=${loaded.evaluation}
      .template=${loaded.template}
      mode="resolve"
    ></cc-qa-review>`,
};

export const History = {
  loaders: [load('resolved')],
  render: (_: unknown, { loaded }: Loaded) =>
    html`<cc-qa-review
      .client=${client}
      .evaluation=${loaded.evaluation}
      .template=${loaded.template}
      locale="zh-Hant"
    ></cc-qa-review>`,
};
