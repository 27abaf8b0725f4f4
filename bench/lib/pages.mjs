// A small HTTP server for benchmark pages: named pages (HTML + a bundled script) and files from
// memory, everything else under /v1/ proxied to the reference server (same origin, no CORS).
import { createServer, request } from 'node:http';

export async function servePages(apiUrl) {
  const files = new Map();
  const api = new URL(apiUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/v1/')) {
      const proxied = request(
        {
          host: api.hostname,
          port: api.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: api.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on('error', () => res.writeHead(502).end());
      req.pipe(proxied);
      return;
    }
    const file = files.get(path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    res.end(file.body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    /** Adds /name.html loading /name.js (a module). */
    page(name, script, { title = name } = {}) {
      files.set(`/${name}.js`, { type: 'text/javascript', body: script });
      files.set(`/${name}.html`, {
        type: 'text/html',
        body:
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
          `<style>body{margin:0;font:14px system-ui,'Noto Sans CJK SC',sans-serif}#grid{height:448px;width:1180px}</style>` +
          `<script type="module" src="/${name}.js"></script></head><body><div id="grid"></div></body></html>`,
      });
      return `${url}/${name}.html`;
    },
    file(path, body, type = 'application/json') {
      files.set(path, { type, body });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
