/* global document, location, URLSearchParams */
// The page's own script: gives the provider a token function and shows who is signed in.
import { createClient } from './dist/cc-widgets.js';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const anonymous = createClient({ baseUrl: api });
const provider = document.getElementById('cc');
provider.baseUrl = api;
provider.getToken = async () => (await anonymous.demo.token({ role: 'agent' })).token;
provider.addEventListener(
  'cc-auth-error',
  () => (document.getElementById('who').textContent = 'Signed out'),
);

await provider.updateComplete;
const me = await provider.resolvedClient.me.get();
document.getElementById('who').textContent = me.user.name;
document.body.dataset.ready = 'true';
