// React 19 renders custom elements natively: properties for objects and functions, `oncc-*`
// props for the kit's events. JSX types come from @cc-kit/widgets/types/react-jsx.
//
// Two desks, chosen with `?role=`: the agent files complaints and works their queue; the complaint
// supervisor works the complaints queue (its detail routes and escalates). The page wires the
// widgets together: a filed complaint refreshes the queue beside the form.
import { createClient, type GetToken } from '@cc-kit/sdk';
import '@cc-kit/widgets/define/cc-complaint-form.js';
import '@cc-kit/widgets/define/cc-provider.js';
import '@cc-kit/widgets/define/cc-ticket-queue.js';
import type {} from '@cc-kit/widgets/types/react-jsx';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CcProvider, CcTicketQueue } from '@cc-kit/widgets';

const ROLES = ['agent', 'complaint_supervisor'] as const;
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
type Role = (typeof ROLES)[number];

const params = new URLSearchParams(location.search);
const api = params.get('api') ?? location.origin;
const role: Role = ROLES.find((r) => r === params.get('role')) ?? 'agent';
const locale = LOCALES.find((l) => l === params.get('locale')) ?? 'zh-Hant';
document.documentElement.lang = locale;

/** The page's own words; the widgets bring theirs. */
const TEXT = {
  en: { agent: 'My desk', complaint_supervisor: 'Complaints', desks: 'Desks', out: 'Signed out' },
  'zh-Hans': {
    agent: '我的工作台',
    complaint_supervisor: '投诉管理',
    desks: '工作台',
    out: '已退出登录',
  },
  'zh-Hant': {
    agent: '我的工作台',
    complaint_supervisor: '客訴管理',
    desks: '工作台',
    out: '已登出',
  },
}[locale];

// Demo tokens from the reference server, per role; a real host asks its own sign-in.
const anonymous = createClient({ baseUrl: api });
const getToken: GetToken = async () => {
  const grant = await anonymous.demo.token({ role });
  return { token: grant.token, expiresAt: grant.expiresAt };
};

/** The same page for another desk. */
function deskUrl(other: Role): string {
  const next = new URLSearchParams(params);
  next.set('role', other);
  return `?${next}`;
}

function App() {
  const provider = useRef<CcProvider>(null);
  const queue = useRef<CcTicketQueue>(null);
  const [who, setWho] = useState('…');
  const [authError, setAuthError] = useState(false);
  useEffect(() => {
    const el = provider.current!;
    void el.updateComplete
      .then(() => el.resolvedClient!.me.get())
      .then((me) => {
        setWho(me.user.name);
        document.body.dataset.ready = 'true';
      });
  }, []);
  return (
    <cc-provider
      ref={provider}
      base-url={api}
      getToken={getToken}
      locale={locale}
      oncc-auth-error={() => setAuthError(true)}
    >
      <header>
        <h1>{TEXT[role]}</h1>
        <p id="who">{authError ? TEXT.out : who}</p>
        <nav aria-label={TEXT.desks}>
          <ul>
            {ROLES.map((r) => (
              <li key={r}>
                <a href={deskUrl(r)} aria-current={r === role ? 'page' : undefined}>
                  {TEXT[r]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {role === 'agent' && (
        <cc-complaint-form
          draftKey="react19-desk"
          oncc-complaint-submitted={() => void queue.current?.refresh()}
        />
      )}
      <cc-ticket-queue ref={queue} />
    </cc-provider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
