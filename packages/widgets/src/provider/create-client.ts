/** Builds an SDK client for `<cc-provider base-url .getToken>`. */
import { createClient, type GetToken } from '@cc-kit/sdk';
import type { CcClient } from '../shared/client.js';

export type { GetToken };

export function createSdkClient(baseUrl: string, getToken: GetToken): CcClient {
  return createClient({ baseUrl, getToken }) as CcClient;
}
