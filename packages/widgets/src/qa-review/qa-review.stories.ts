import { html } from 'lit';
import '../define/cc-qa-review.js';
import { clientFor } from '../test-utils/stories.js';

/**
 * `<cc-qa-review>` is what `<cc-qa-scorecard>` shows for disputes and history; a host may use it
 * alone. Reads from the reference server (see the scorecard's stories for how to start one).
 */
export default {
  title: 'Elements/cc-qa-review',
  component: 'cc-qa-review',
  tags: ['autodocs'],
};

const client = clientFor('qa_specialist');

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
