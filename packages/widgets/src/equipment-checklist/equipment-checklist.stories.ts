import { html } from 'lit';
import '../define/cc-equipment-checklist.js';
import type { CcClient } from '../shared/client.js';
import { clientFor, neverAnswers, unavailable } from '../test-utils/stories.js';

/**
 * `<cc-equipment-checklist>` reads from the real reference server. Start one for Storybook with
 * `CC_DEMO=1 CC_CORS_ORIGINS=http://localhost:6006 npm start -w @cc-kit/server` (port 8080), or
 * point `STORYBOOK_CC_API_URL` at another. Each user signs in with the server's demo tokens.
 */
export default {
  title: 'Elements/cc-equipment-checklist',
  component: 'cc-equipment-checklist',
  tags: ['autodocs'],
};

const checklist = (
  client: CcClient,
  attrs: { team?: string; seat?: string; view?: string; theme?: string; locale?: string } = {},
) =>
  html`<cc-equipment-checklist
    .client=${client}
    team-id=${attrs.team ?? ''}
    seat-id=${attrs.seat ?? ''}
    view=${attrs.view ?? ''}
    theme=${attrs.theme ?? ''}
    locale=${attrs.locale ?? ''}
  ></cc-equipment-checklist>`;

/** The supervisor of the residential team: its last check, its findings, and "Start check". */
export const Supervisor = { render: () => checklist(clientFor({ role: 'supervisor' })) };

/** The online team's seat D-03 has a check half done in the demo data: it is resumed. */
export const ResumeHalfDone = {
  name: 'Resume a half-done check',
  render: () =>
    checklist(clientFor({ userId: 'usr_sup_4' }), { team: 'team_online', seat: 'seat_d03' }),
};

export const OperationsManager = {
  name: 'Operations manager (every team)',
  render: () => checklist(clientFor({ role: 'operations_manager' })),
};

export const Loading = {
  render: () => checklist(clientFor({ role: 'supervisor' }, neverAnswers, 'loading')),
};

/** Nothing checked yet: a spare seat's view before its first check (the start button). */
export const Empty = {
  render: () =>
    checklist(
      clientFor(
        { role: 'supervisor' },
        async (input, init) => {
          const url = String(input instanceof Request ? input.url : input);
          if (url.includes('/v1/equipment/checks')) {
            return new Response(JSON.stringify({ items: [], nextCursor: null }), {
              headers: { 'content-type': 'application/json' },
            });
          }
          return fetch(input, init);
        },
        'empty',
      ),
    ),
};

export const ServerError = {
  name: 'Error',
  render: () => checklist(clientFor({ role: 'supervisor' }, unavailable('/v1/seats'), 'error')),
};

export const SimplifiedChinese = {
  name: '简体中文',
  render: () => checklist(clientFor({ role: 'supervisor' }), { locale: 'zh-Hans' }),
};

export const TraditionalChinese = {
  name: '繁體中文',
  render: () => checklist(clientFor({ userId: 'usr_sup_2' }), { locale: 'zh-Hant' }),
};

export const Dark = {
  render: () => checklist(clientFor({ role: 'operations_manager' }), { theme: 'dark' }),
};
