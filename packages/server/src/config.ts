/**
 * Configuration from the environment (documented in docs/server.md).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildAppOptions } from './app.js';

/** The repository root (this file is packages/server/src/config.ts). */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface EnvConfig {
  port: number;
  host: string;
  options: BuildAppOptions;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return n;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const demo = flag(env.CC_DEMO);
  const jwtSecret = env.CC_JWT_SECRET?.trim() || undefined;
  if (!jwtSecret && !demo) {
    throw new Error(
      'CC_JWT_SECRET is required (or set CC_DEMO=1 for a demo server with a random secret)',
    );
  }
  if (jwtSecret && jwtSecret.length < 32) {
    throw new Error('CC_JWT_SECRET must be at least 32 characters long');
  }
  const dataDir = resolve(env.CC_DATA_DIR?.trim() || './data');
  const memory = env.CC_DB?.trim() === ':memory:';
  return {
    port: integer('PORT', env.PORT, 8080, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    options: {
      demo,
      ...(jwtSecret ? { jwtSecret } : {}),
      dataDir,
      dbFile: memory ? ':memory:' : resolve(dataDir, 'cc.sqlite'),
      corsOrigins: (env.CC_CORS_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
      rateLimit: integer('CC_RATE_LIMIT', env.CC_RATE_LIMIT, 600, 1, 1_000_000),
      seed: integer('CC_SEED', env.CC_SEED, 1, 0, 2 ** 31 - 1),
      logLevel: env.CC_LOG_LEVEL?.trim() || 'info',
      static: {
        referenceHtml: resolve(REPO_ROOT, 'docs/api-reference.html'),
        portalDir: resolve(REPO_ROOT, 'packages/demo'),
      },
    },
  };
}
