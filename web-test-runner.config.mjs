// Browser tests in real headless Chromium: `npx wtr` (scripts/test.mjs runs it when test files exist).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { tsImport } from 'tsx/esm/api';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

export const browserTestFiles = [
  'packages/*/test/browser/**/*.test.ts',
  'packages/widgets/src/**/*.test.ts',
];

// @web/dev-server-esbuild reads this file as is and ignores "extends": it must itself hold
// experimentalDecorators / useDefineForClassFields, which tsconfig.base.json does.
const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

/**
 * The reference API server for tests that need real data: started (in-memory database, demo seed)
 * on a free port when web-test-runner starts, stopped with it. A test page asks where it is:
 * `const { apiUrl, implemented } = await (await fetch('/__cc/config')).json()` (`implemented`: the
 * operationIds the server has so far); tokens come from the API's demo operations.
 */
function referenceServer() {
  let built;
  let apiUrl;
  return {
    name: 'cc-reference-server',
    async serverStart({ config }) {
      const { buildApp } = await tsImport('./packages/server/src/index.ts', import.meta.url);
      built = await buildApp({
        dbFile: ':memory:',
        demo: true,
        logLevel: 'silent',
        rateLimit: 1_000_000,
        corsOrigins: ['localhost', '127.0.0.1'].map((host) => `http://${host}:${config.port}`),
      });
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      apiUrl = `http://127.0.0.1:${built.app.server.address().port}`;
    },
    async serverStop() {
      await built?.close();
    },
    serve(context) {
      if (context.path !== '/__cc/config') return undefined;
      const implemented = built.registry.implemented();
      return { body: JSON.stringify({ apiUrl, implemented }), type: 'json' };
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: browserTestFiles,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  staticLogging: Boolean(process.env.CI) || !process.stdout.isTTY,
  // Limits that catch a hung test, not speed checks (those are `npm run bench`'s): a file of
  // many tests against the real server may take minutes on a busy 2-core machine.
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  // Lit's dev build (the 'development' condition) warns once per page; the warning is expected.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig }), referenceServer()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: [...CHROMIUM_ARGS],
      },
    }),
  ],
};
