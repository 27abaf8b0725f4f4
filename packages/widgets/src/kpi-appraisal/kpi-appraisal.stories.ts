import { html } from 'lit';
import { createClient } from '@cc-kit/sdk';
import '../define/cc-kpi-appraisal.js';
import { apiUrl, clientFor } from '../test-utils/stories.js';

/**
 * `<cc-kpi-appraisal>` reads from the real reference server (see the cc-kpi-tiles stories for
 * how to start one). A supervisor appraises their team and its agents.
 */
export default {
  title: 'Elements/cc-kpi-appraisal',
  component: 'cc-kpi-appraisal',
  tags: ['autodocs'],
};

const client = () => clientFor('supervisor');

const appraisal = (period: string, attrs: { locale?: string; theme?: string } = {}) =>
  html`<cc-kpi-appraisal
    .client=${client()}
    scope="team"
    scope-id="team_residential"
    period=${period}
    locale=${attrs.locale ?? ''}
    theme=${attrs.theme ?? ''}
  ></cc-kpi-appraisal>`;

export const Month = { render: () => appraisal('month') };
export const Quarter = { render: () => appraisal('quarter') };
export const Year = { render: () => appraisal('year') };
export const Loading = {
  render: () =>
    html`<cc-kpi-appraisal
      .client=${createClient({ baseUrl: apiUrl, fetch: () => new Promise<Response>(() => {}) })}
      scope="team"
      scope-id="team_residential"
    ></cc-kpi-appraisal>`,
};
export const SimplifiedChinese = {
  name: '简体中文',
  render: () => appraisal('month', { locale: 'zh-Hans' }),
};
export const TraditionalChinese = {
  name: '繁體中文',
  render: () => appraisal('quarter', { locale: 'zh-Hant' }),
};
export const Dark = { render: () => appraisal('month', { theme: 'dark' }) };
