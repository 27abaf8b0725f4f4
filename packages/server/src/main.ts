/**
 * The server's command line: `node --import tsx src/main.ts` (`npm start -w @cc-kit/server`).
 * Configuration comes from the environment; see docs/server.md.
 */
import { buildApp } from './app.js';
import { configFromEnv } from './config.js';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv();
  } catch (error) {
    console.error(`cc-kit server: ${(error as Error).message}`);
    process.exit(2);
  }
  const built = await buildApp(config.options);
  const { app } = built;

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: no new connections, finishing requests in flight');
    const timer = setTimeout(() => {
      app.log.warn('requests still running after 10 s; exiting anyway');
      process.exit(1);
    }, 10_000);
    timer.unref();
    built.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    console.error(
      `cc-kit server: cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
    );
    await built.close();
    process.exit(1);
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(
    `cc-kit server listening on http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`,
  );
  if (config.options.demo)
    console.log('Demo mode: sign in with POST /v1/auth/demo-tokens { "role": "agent" }');
}

void main();
