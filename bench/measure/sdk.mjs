// The SDK in Node against the reference server: the share of a request's time spent validating the
// answer (pages of 50 and 1,000 tickets, validated vs not, interleaved) and requests per second
// through the SDK, openapi-fetch and plain fetch, each with the same 8 requests in flight.
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import createOpenApiClient from 'openapi-fetch';
import { startApi } from '../lib/api.mjs';
import { REPO } from '../lib/paths.mjs';
import { median, pairedRatio } from '../lib/stats.mjs';

export const title = 'SDK: validation cost and requests per second vs plain fetch';

async function throughput(fn, ms) {
  let done = 0;
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      await fn();
      done++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  return (done / (performance.now() - t0)) * 1000;
}

export async function run({ quick, runs, log }) {
  const { createClient } = await tsImport(join(REPO, 'packages/sdk/src/index.ts'), import.meta.url);
  const api = await startApi({ dbFile: ':memory:' });
  try {
    const token = await api.token('operations_manager');
    const client = createClient({ baseUrl: api.url, token, retry: false });
    const query = { state: ['open', 'pending', 'resolved', 'closed'], limit: 50 };
    // 1,000 tickets: five pages of 200 (the API's largest page), following the cursor.
    const thousand = async (validate) => {
      let cursor;
      for (let i = 0; i < 5; i++) {
        const page = await client.tickets.list(
          { ...query, limit: 200, ...(cursor ? { cursor } : {}) },
          { validate },
        );
        cursor = page.nextCursor;
      }
    };
    const fifty = (validate) => client.tickets.list(query, { validate });
    const reps = quick ? 10 : 40;
    const time = async (fn) => {
      const t0 = performance.now();
      await fn();
      return performance.now() - t0;
    };
    await fifty(true); // loads the schemas
    await thousand(true);
    const s = { v50: [], n50: [], v1000: [], n1000: [] };
    for (let i = 0; i < reps; i++) {
      s.v50.push(await time(() => fifty(true)));
      s.n50.push(await time(() => fifty(false)));
      if (i % 4 === 0) {
        s.v1000.push(await time(() => thousand(true)));
        s.n1000.push(await time(() => thousand(false)));
      }
    }
    const share = (v, n) => {
      const m = median(v);
      return m ? (m - median(n)) / m : NaN;
    };
    const share50 = share(s.v50, s.n50);
    const share1000 = share(s.v1000, s.n1000);
    log(
      `  validation share: page of 50 ${(share50 * 100).toFixed(0)} %, 1,000 tickets ${(share1000 * 100).toFixed(0)} %`,
    );

    const url = `${api.url}/v1/tickets?state=open&state=pending&limit=50`;
    const oaf = createOpenApiClient({
      baseUrl: api.url,
      headers: { authorization: `Bearer ${token}` },
    });
    const contenders = {
      'SDK (validating)': () => client.tickets.list({ state: ['open', 'pending'], limit: 50 }),
      'SDK (validate: false)': () =>
        client.tickets.list({ state: ['open', 'pending'], limit: 50 }, { validate: false }),
      'openapi-fetch': () =>
        oaf.GET('/v1/tickets', { params: { query: { state: ['open', 'pending'], limit: 50 } } }),
      'plain fetch': () =>
        fetch(url, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
    };
    const rps = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
    const rounds = quick ? 1 : Math.max(3, Math.min(runs, 5));
    for (let i = 0; i < rounds; i++) {
      for (const [name, fn] of Object.entries(contenders))
        rps[name].push(await throughput(fn, quick ? 1000 : 3000));
      log(
        `  round ${i + 1}/${rounds}: ${Object.entries(rps)
          .map(([k, v]) => `${k} ${v.at(-1).toFixed(0)}`)
          .join(', ')} req/s`,
      );
    }
    const vsFetch = pairedRatio(rps['SDK (validating)'], rps['plain fetch']);
    return {
      metrics: [
        { name: 'page of 50, validated', unit: 'ms', samples: s.v50 },
        { name: 'page of 50, not validated', unit: 'ms', samples: s.n50 },
        { name: '1,000 tickets (5 pages of 200), validated', unit: 'ms', samples: s.v1000 },
        { name: '1,000 tickets (5 pages of 200), not validated', unit: 'ms', samples: s.n1000 },
        ...Object.entries(rps).map(([k, v]) => ({
          name: `${k}, 8 in flight`,
          unit: 'req/s',
          samples: v,
        })),
      ],
      tables: [
        {
          title: 'Validation as a share of request time (median validated vs not, same run)',
          head: ['request', 'share'],
          rows: [
            ['page of 50 tickets', `${(share50 * 100).toFixed(1)} %`],
            ['1,000 tickets', `${(share1000 * 100).toFixed(1)} %`],
          ],
        },
        {
          title: 'Requests per second, ratio to plain fetch (paired rounds)',
          head: ['client', 'ratio'],
          rows: Object.keys(rps).map((k) => [
            k,
            pairedRatio(rps[k], rps['plain fetch']).median.toFixed(2),
          ]),
        },
      ],
      data: { share50, share1000, sdkVsFetch: vsFetch.median },
      notes: [
        'In Node 20 against the reference server on the same machine (default demo data in memory): the server is most of each request, so the shares are of what a client waits for end to end.',
      ],
    };
  } finally {
    await api.close();
  }
}
