import { html } from 'lit';
import '../define/cc-provider.js';

/**
 * `<cc-provider>` renders nothing itself: it hands client, locale, time zone, theme and density
 * to the widgets inside. The toolbar (locale / theme / density) drives the outer provider of
 * every story; this story shows what an element inside receives.
 */
export default {
  title: 'Platform/cc-provider',
  component: 'cc-provider',
  tags: ['autodocs'],
};

export const Default = {
  render: () =>
    html`<cc-provider time-zone="Asia/Shanghai">
      <p>Host content inside a provider keeps its own language and layout.</p>
    </cc-provider>`,
};

export const NestedOverride = {
  name: 'Nested provider (compact, dark)',
  render: () =>
    html`<cc-provider theme="dark" density="compact">
      <p>An inner provider overrides only what it sets.</p>
    </cc-provider>`,
};
