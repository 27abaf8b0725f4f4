import { html } from 'lit';
import '../define/cc-kpi-tiles.js';
import '../define/cc-kpi-appraisal.js';
import '../define/cc-kpi-staffing.js';
import type { CcClient } from '../shared/client.js';
import type { KpiPeriod } from './kpi-tiles.js';
import { clientFor, neverAnswers, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-kpi-tiles>` reads from the real reference server. Start one for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another. Each role signs in with the server's demo tokens.
 */
export default {
  title: 'Elements/cc-kpi-tiles',
  component: 'cc-kpi-tiles',
  tags: ['autodocs'],
};

const tiles = (
  client: CcClient,
  attrs: { period?: KpiPeriod; theme?: string; locale?: string; from?: string; to?: string } = {},
) =>
  html`<cc-kpi-tiles
    .client=${client}
    .period=${attrs.period}
    .from=${attrs.from}
    .to=${attrs.to}
    theme=${attrs.theme ?? ''}
    locale=${attrs.locale ?? ''}
  ></cc-kpi-tiles>`;

export const SupervisorLive = {
  name: 'Team supervisor, live with staffing',
  render: () => tiles(clientFor('supervisor'), { period: 'live' }),
};
export const SupervisorToday = {
  name: 'Team supervisor, today',
  render: () => tiles(clientFor('supervisor'), { period: 'today' }),
};
export const OperationsManagerMonth = {
  name: 'Operations manager, this month (center)',
  render: () => tiles(clientFor('operations_manager'), { period: 'month' }),
};
export const Agent = {
  name: 'Agent, this week (own figures)',
  render: () => tiles(clientFor('agent'), { period: 'week' }),
};
export const ComplaintSupervisor = {
  name: 'Complaint supervisor',
  render: () => tiles(clientFor('complaint_supervisor')),
};
export const QaSpecialist = {
  name: 'QA specialist',
  render: () => tiles(clientFor('qa_specialist')),
};
export const Appraisal = {
  name: 'Performance appraisal (team)',
  render: () =>
    html`<cc-kpi-tiles .client=${clientFor('supervisor')} period="month" appraisal></cc-kpi-tiles>`,
};

export const Loading = {
  render: () => tiles(clientFor('supervisor', neverAnswers, 'loading'), { period: 'today' }),
};

export const NoData = {
  name: 'Empty (no data in the range)',
  render: () =>
    tiles(clientFor('operations_manager'), {
      period: 'custom',
      from: '2020-01-06',
      to: '2020-01-07',
    }),
};

export const ServerError = {
  name: 'Error',
  render: () =>
    tiles(clientFor('supervisor', unavailable('/v1/kpis'), 'error'), { period: 'today' }),
};

export const SimplifiedChinese = {
  name: '简体中文',
  render: () => tiles(clientFor('supervisor'), { period: 'today', locale: 'zh-Hans' }),
};

export const TraditionalChinese = {
  name: '繁體中文',
  render: () => tiles(clientFor('supervisor'), { period: 'today', locale: 'zh-Hant' }),
};

export const Dark = {
  render: () => tiles(clientFor('operations_manager'), { period: 'live', theme: 'dark' }),
};
