// React 19 renders custom elements natively: properties for objects and functions, `oncc-*`
// props for the kit's events. JSX types come from @cc-kit/widgets/types/react-jsx.
import { createClient, type GetToken } from '@cc-kit/sdk';
import '@cc-kit/widgets/define/cc-provider.js';
import type {} from '@cc-kit/widgets/types/react-jsx';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CcProvider } from '@cc-kit/widgets';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });
const getToken: GetToken = async () => (await anonymous.demo.token({ role: 'supervisor' })).token;

function App() {
  const provider = useRef<CcProvider>(null);
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
      locale="zh-Hant"
      oncc-auth-error={() => setAuthError(true)}
    >
      <p id="who">{authError ? 'Signed out' : who}</p>
    </cc-provider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
