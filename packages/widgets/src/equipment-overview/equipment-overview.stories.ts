import { html } from 'lit';
import '../define/cc-equipment-overview.js';
import type { CcClient } from '../shared/client.js';
import { clientFor, neverAnswers, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-equipment-overview>` (the second tab of `<cc-equipment-checklist>`) reads from the real
 * reference server: `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server`,
 * or `STORYBOOK_CC_API_URL`.
 */
export default {
  title: 'Elements/cc-equipment-overview',
  component: 'cc-equipment-overview',
  tags: ['autodocs'],
};

const overview = (client: CcClient, attrs: { theme?: string; locale?: string } = {}) =>
  html`<cc-equipment-overview
    .client=${client}
    theme=${attrs.theme ?? ''}
    locale=${attrs.locale ?? ''}
  ></cc-equipment-overview>`;

export const OperationsManager = {
  name: 'Operations manager (every team)',
  render: () => overview(clientFor('operations_manager')),
};
export const Supervisor = { render: () => overview(clientFor('supervisor')) };
export const Loading = {
  render: () => overview(clientFor('supervisor', neverAnswers)),
};
export const ServerError = {
  name: 'Error',
  render: () => overview(clientFor('operations_manager', unavailable())),
};
export const SimplifiedChinese = {
  name: '简体中文',
  render: () => overview(clientFor('operations_manager'), { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  render: () => overview(clientFor('operations_manager'), { locale: 'zh-Hant' }),
};
export const Dark = {
  render: () => overview(clientFor('operations_manager'), { theme: 'dark' }),
};
