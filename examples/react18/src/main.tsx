// React 18 sets attributes, not properties, and ignores custom events: use the wrappers.
import { createClient } from '@cc-kit/sdk';
import '@cc-kit/widgets/define/cc-provider.js';
import { CcProvider } from '@cc-kit/widgets/react';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });
const getToken = async () => (await anonymous.demo.token({ role: 'qa_specialist' })).token;

function App() {
  const provider = useRef<InstanceType<typeof import('@cc-kit/widgets').CcProvider>>(null);
  const [who, setWho] = useState('…');
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
    <CcProvider
      ref={provider}
      baseUrl={api}
      getToken={getToken}
      locale="en"
      onAuthError={() => setWho('Signed out')}
    >
      <p id="who">{who}</p>
    </CcProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
