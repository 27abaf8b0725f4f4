/**
 * What the server serves besides the API: the contract (/openapi.yaml), its reference (/docs), the
 * documentation of each problem type (/problems/<type>), and the demo portal at / when present.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { specPath } from '@cc-kit/spec/load';
import { PROBLEM_TYPES } from './core/problems.js';
import { HttpProblem } from './core/problems.js';
import { sendProblem } from './core/registry.js';

export interface StaticOptions {
  /** The API reference HTML (docs/api-reference.html). */
  referenceHtml?: string;
  /** A folder served at / when it holds an index.html (the demo portal). */
  portalDir?: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The portal's pages run under the strict policy docs/embedding.md recommends to hosts: scripts and
 * styles from this origin only (no inline, no eval), Trusted Types with only Lit's policy. Every
 * HTML page here may be framed only by this origin (docs/security.md, clickjacking).
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

function sendFile(reply: FastifyReply, file: string, type: string, csp?: string): void {
  if (type.startsWith('text/html')) {
    reply.header('Content-Security-Policy', csp ?? "frame-ancestors 'self'");
    reply.header('X-Frame-Options', 'SAMEORIGIN');
  }
  reply.header('Content-Type', type);
  reply.header('Cache-Control', 'no-cache');
  void reply.send(readFileSync(file));
}

export function addStaticRoutes(app: FastifyInstance, options: StaticOptions): void {
  app.get('/openapi.yaml', (_request, reply) => {
    sendFile(reply, specPath, 'application/yaml; charset=utf-8');
  });

  app.get('/docs', (request, reply) => {
    const file = options.referenceHtml;
    if (!file || !existsSync(file)) {
      sendProblem(
        request,
        reply,
        new HttpProblem('not-found', 'The API reference is not built; run `npm run docs`.'),
      );
      return;
    }
    sendFile(reply, file, 'text/html; charset=utf-8');
  });

  // Each problem type resolves to its documentation: the API guide's error table.
  app.get('/problems/:type', (request, reply) => {
    const { type } = request.params as { type: string };
    if (!Object.prototype.hasOwnProperty.call(PROBLEM_TYPES, type)) {
      sendProblem(request, reply, new HttpProblem('not-found', 'There is no such problem type.'));
      return;
    }
    void reply.redirect(`/docs#section/Introduction/Conventions`, 302);
  });

  const portal = options.portalDir;
  if (portal && existsSync(join(portal, 'index.html'))) {
    const root = normalize(portal + sep);
    app.get('/*', (request, reply) => {
      // Fastify has decoded the path already.
      const path = (request.params as { '*': string })['*'] || 'index.html';
      const file = normalize(join(root, path));
      if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
        sendProblem(request, reply, new HttpProblem('not-found', 'There is no such file.'));
        return;
      }
      sendFile(reply, file, TYPES[extname(file)] ?? 'application/octet-stream', PORTAL_CSP);
    });
  } else {
    app.get('/', (_request, reply) => {
      void reply.redirect(options.referenceHtml ? '/docs' : '/openapi.yaml', 302);
    });
  }
}
