#!/usr/bin/env node
// `npm start`, until the reference server and the demo portal exist: serves the API reference
// (docs/api-reference.html) at / and the contract (packages/spec/openapi.yaml) at /openapi.yaml.
//   PORT  port to listen on (default 8080; 0 picks a free one)
//   HOST  interface to bind (default 127.0.0.1; 0.0.0.0 to reach it from outside a container)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reference = `${root}docs/api-reference.html`;
const contract = `${root}packages/spec/openapi.yaml`;

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST || '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`start: PORT must be a port number (0 for any free one), not ${process.env.PORT}`);
  process.exit(2);
}

if (!existsSync(reference)) {
  console.log('start: docs/api-reference.html is missing; building it with `npm run docs`');
  const built = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'docs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0 || !existsSync(reference)) {
    console.error('start: `npm run docs` did not produce docs/api-reference.html');
    process.exit(1);
  }
}

const routes = new Map([
  ['/', { file: reference, type: 'text/html; charset=utf-8' }],
  ['/index.html', { file: reference, type: 'text/html; charset=utf-8' }],
  ['/api-reference.html', { file: reference, type: 'text/html; charset=utf-8' }],
  ['/openapi.yaml', { file: contract, type: 'application/yaml; charset=utf-8' }],
]);

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const route = routes.get(pathname);
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    res.end('Method Not Allowed\n');
    return;
  }
  if (!route) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not Found. Try / (API reference) or /openapi.yaml (the contract).\n');
    return;
  }
  try {
    const body = await readFile(route.file);
    res.writeHead(200, { ...headers, 'Content-Type': route.type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (error) {
    console.error(`start: cannot read ${route.file}: ${error.message}`);
    res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Internal Server Error\n');
  }
});

server.on('error', (error) => {
  console.error(`start: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}/`;
  console.log(`API reference: ${url}`);
  console.log(`OpenAPI contract: ${url}openapi.yaml`);
  console.log('Press Ctrl+C to stop.');
});

function stop(signal) {
  console.log(`\nstart: ${signal}, stopping`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
