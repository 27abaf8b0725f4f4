import { html } from 'lit';
import '../define/cc-complaint-form.js';
import type { CcClient } from '../shared/client.js';
import type { ComplaintPrefill } from './complaint-form.js';
import { clientFor, neverAnswers, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-complaint-form>` reads from the real reference server. Start one for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another. Each role signs in with the server's demo tokens.
 */
export default {
  title: 'Elements/cc-complaint-form',
  component: 'cc-complaint-form',
  tags: ['autodocs'],
};

const fromCrm: ComplaintPrefill = {
  customer: { name: '李娜', phone: '13812345678', customerId: 'C-20931' },
  channel: 'phone',
};

const form = (
  client: CcClient,
  opts: { locale?: string; theme?: string; prefill?: ComplaintPrefill; readonly?: string } = {},
) =>
  html`<cc-complaint-form
    .client=${client}
    .prefill=${opts.prefill ?? {}}
    draft-key="storybook"
    locale=${opts.locale ?? 'en'}
    theme=${opts.theme ?? 'light'}
    readonly-fields=${opts.readonly ?? ''}
  ></cc-complaint-form>`;

export const Agent = { render: () => form(clientFor('agent')) };

export const PrefilledByTheCrm = {
  name: 'Prefilled by the CRM, customer read-only',
  render: () =>
    form(clientFor('agent'), {
      prefill: fromCrm,
      readonly: 'customerName customerPhone customerId',
    }),
};

export const ComplaintSupervisor = {
  name: 'Complaint supervisor (may choose the department)',
  render: () =>
    form(clientFor('complaint_supervisor'), {
      prefill: { ...fromCrm, categoryId: 'cat_billing_dispute' },
    }),
};

export const Loading = {
  render: () => form(clientFor('agent', neverAnswers)),
};

export const Empty = {
  name: 'Empty (a role that may not file complaints)',
  render: () => {
    return form(clientFor('qa_specialist'));
  },
};

export const ServerError = {
  name: 'Error',
  render: () => form(clientFor('agent', unavailable('/v1/complaint-categories'))),
};

export const SimplifiedChinese = {
  name: '简体中文',
  render: () => form(clientFor('agent'), { locale: 'zh-Hans', prefill: fromCrm }),
};

export const TraditionalChinese = {
  name: '繁體中文',
  render: () => form(clientFor('agent'), { locale: 'zh-Hant', prefill: fromCrm }),
};

export const Dark = {
  render: () =>
    form(clientFor('agent'), {
      theme: 'dark',
      prefill: { ...fromCrm, categoryId: 'cat_network_speed' },
    }),
};
