// Browser tests in real headless Chromium: `npx wtr` (scripts/test.mjs runs it when test files exist).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

export const browserTestFiles = [
  'packages/*/test/browser/**/*.test.ts',
  'packages/widgets/src/**/*.test.ts',
];

function chromiumPath() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH=${fromEnv} does not exist. Unset it or point it at Chromium.`);
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error(
    'No Chromium for the browser tests. Run `bash scripts/ensure-chromium.sh` (as root it installs ' +
      'Debian’s chromium), or `apt-get install -y chromium fonts-noto-cjk`, or set CHROME_PATH.',
  );
}

// @web/dev-server-esbuild reads this file as is and ignores "extends": it must itself hold
// experimentalDecorators / useDefineForClassFields, which tsconfig.base.json does.
const tsconfig = fileURLToPath(new URL('./tsconfig.base.json', import.meta.url));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: browserTestFiles,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  staticLogging: Boolean(process.env.CI) || !process.stdout.isTTY,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 120000,
  // Lit's dev build (the 'development' condition) warns once per page; the warning is expected.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
        ],
      },
    }),
  ],
};
