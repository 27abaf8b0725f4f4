/** Live events: the SSE stream (GET /v1/events) and the retention of events for resuming. */
import { HIJACKED, defineArea } from '../../core/area.js';
import { EventStreams } from './streams.js';

declare module '../../core/area.js' {
  interface AreaServices {
    streams: EventStreams;
  }
}

export default defineArea({
  name: 'events',
  order: 4,
  setup({ services, defineOperation, provide, onClose }) {
    const { config, events, clock } = services;
    const streams = new EventStreams(events, {
      heartbeatMs: config.sseHeartbeatMs,
      maxPerToken: config.sseMaxConnectionsPerToken,
    });
    provide('streams', streams);

    defineOperation(
      'streamEvents',
      (ctx) => {
        const caller = ctx.caller;
        streams.admit(caller);
        const header = ctx.headers['last-event-id'] as string | undefined;
        const { topics, lastEventId, teamId } = ctx.query;
        ctx.reply.hijack();
        streams.open({
          caller,
          topics: topics as string[],
          lastEventId: header ?? lastEventId,
          options: teamId ? { teamId } : {},
          response: ctx.reply.raw,
          headers: Object.fromEntries(
            Object.entries(ctx.reply.getHeaders()).map(([k, v]) => [k, String(v)]),
          ),
        });
        return HIJACKED;
      },
      { stream: true },
    );

    // Keep events at least the retention period (15 minutes or more) for resuming streams.
    const retention = Math.max(config.eventRetentionMs, 15 * 60_000);
    const purge = () => events.store.purge(new Date(clock().getTime() - retention).toISOString());
    const timer = setInterval(purge, 60_000);
    timer.unref();
    onClose(() => {
      clearInterval(timer);
      streams.closeAll();
    });
  },
});
