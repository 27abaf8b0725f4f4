// The Chromium every browser-driven check uses (web-test-runner, the reliability and journey suites,
// the bench): Debian's /usr/bin/chromium or $CHROME_PATH, never a downloaded browser, with one set
// of flags.
import { existsSync } from 'node:fs';

/** The Chromium executable, or an error that says how to get one. */
export function chromiumPath() {
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

/** Headless flags: no sandbox (CI runs as root), and nothing that talks to the network by itself. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
