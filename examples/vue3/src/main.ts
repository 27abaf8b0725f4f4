// Vue 3: tell the compiler which tags are custom elements; bind functions with `.prop`; listen
// to the kit's events with `@cc-…`. (A template string compiled at run time keeps this example
// free of a build plugin; an SFC works the same way with `isCustomElement` in vite.config.)
import { createClient } from '@cc-kit/sdk';
import '@cc-kit/widgets/define/cc-provider.js';
import type {} from '@cc-kit/widgets/types/vue';
import { createApp, ref } from 'vue/dist/vue.esm-bundler.js';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });

const app = createApp({
  setup() {
    const who = ref('…');
    const getToken = async () => (await anonymous.demo.token({ role: 'operations_manager' })).token;
    const ready = async (event: Event) => {
      const el = event.target as HTMLElement & {
        updateComplete: Promise<unknown>;
        resolvedClient: ReturnType<typeof createClient>;
      };
      await el.updateComplete;
      who.value = (await el.resolvedClient.me.get()).user.name;
      document.body.dataset.ready = 'true';
    };
    return { who, getToken, api, ready, signedOut: () => (who.value = 'Signed out') };
  },
  mounted() {
    const provider = document.querySelector('cc-provider')!;
    void this.ready({ target: provider } as unknown as Event);
  },
  template: `<cc-provider :base-url="api" :getToken.prop="getToken" locale="zh-Hans" @cc-auth-error="signedOut">
      <p id="who">{{ who }}</p>
    </cc-provider>`,
});
app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('cc-');
app.mount('#app');
