// Starts the reference server in a child process and signs in with demo tokens.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH, REPO } from './paths.mjs';

/** { url, sqlite, token(role), close() }; `env` adds to the environment (CC_SEED_TICKETS...). */
export async function startApi(options = {}, env = {}, { timeoutMs = 600_000 } = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(BENCH, 'lib/serve.ts'), JSON.stringify(options)],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit', 'ipc'], env: { ...process.env, ...env } },
  );
  const { url, sqlite } = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start in time')), timeoutMs);
    child.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/listening (\S+) sqlite (\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], sqlite: m[2] });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  child.stdout.resume();
  const tokens = new Map();
  return {
    url,
    sqlite,
    pid: child.pid,
    async token(role = 'agent') {
      if (!tokens.has(role)) {
        const res = await fetch(`${url}/v1/auth/demo-tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role }),
        });
        if (!res.ok) throw new Error(`demo token: ${res.status} ${await res.text()}`);
        tokens.set(role, (await res.json()).token);
      }
      return tokens.get(role);
    },
    /** Starts recording statements and their plans under `name` (undefined stops). */
    tracePhase(name) {
      child.send({ phase: name });
    },
    plans(name) {
      return new Promise((resolve) => {
        child.once('message', (m) => resolve(m.plans));
        child.send({ get: name });
      });
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
