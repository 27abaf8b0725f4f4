/**
 * Logs: JSON lines through Fastify's logger (pino). One line per response with the route
 * *pattern* (never the query string), the status, the time taken and the request ID. Bodies,
 * tokens and personal data are never logged.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.authorization'],
      censor: '[redacted]',
    },
    serializers: {
      // Only what is safe: no headers, no query strings.
      req: (req: { method: string; routeOptions?: { url?: string } }) => ({
        method: req.method,
        route: req.routeOptions?.url,
      }),
    },
  };
}

export function addAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });
}
