/** The API as a role sees it, for the steps no widget offers and for checking what widgets show. */
import { createClient } from '@cc-kit/sdk';
import type { Role } from './harness.js';

export type Client = ReturnType<typeof createClient>;

export function apiAs(baseUrl: string, role: Role): Client {
  const anonymous = createClient({ baseUrl });
  return createClient({
    baseUrl,
    getToken: async () => {
      const grant = await anonymous.demo.token({ role });
      return { token: grant.token, expiresAt: grant.expiresAt };
    },
  });
}
