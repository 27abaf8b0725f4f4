import { html } from 'lit';
import '../define/cc-qa-calibration.js';
import { clientFor } from '../test-utils/stories.js';

/** `<cc-qa-calibration>` with the seeded calibration session of the reference server. */
export default {
  title: 'Elements/cc-qa-calibration',
  component: 'cc-qa-calibration',
  tags: ['autodocs'],
};

const client = clientFor('qa_specialist');

const session = async () => {
  const page = await client.qa.evaluations.list({ limit: 100 });
  return { id: page.items.find((e) => e.calibrationSessionId)?.calibrationSessionId ?? '' };
};

type Loaded = { loaded: { id: string } };

export const Session = {
  loaders: [session],
  render: (_: unknown, { loaded }: Loaded) =>
    html`<cc-qa-calibration .client=${client} session-id=${loaded.id}></cc-qa-calibration>`,
};

export const SimplifiedChineseDark = {
  name: '简体中文, dark',
  loaders: [session],
  render: (_: unknown, { loaded }: Loaded) =>
    html`<cc-qa-calibration
      .client=${client}
      session-id=${loaded.id}
      locale="zh-Hans"
      theme="dark"
    ></cc-qa-calibration>`,
};
