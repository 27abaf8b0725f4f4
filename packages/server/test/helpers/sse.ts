/** A small Server-Sent Events reader for tests: fetch, parse, wait for events. */
import assert from 'node:assert/strict';
import { specValidator } from '../../src/app.js';

export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test data is read loosely
}

export interface SseStream {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the first event (seen already or coming) that matches. */
  waitFor(match: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves once `count` comment lines have arrived. */
  waitForComments(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
  closed: Promise<void>;
}

export async function openStream(
  baseUrl: string,
  token: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<SseStream> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/v1/events?${query}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((fn) => fn());

  let closed: Promise<void> = Promise.resolve();
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    closed = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: SseEvent = { id: undefined, event: undefined, data: undefined };
            let data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else if (line.startsWith('id: ')) event.id = line.slice(4);
              else if (line.startsWith('event: ')) event.event = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length) {
              event.data = JSON.parse(data.join('\n'));
              const issues = specValidator().validateSchema('Event', event.data);
              assert.deepEqual(issues, [], `event not as the spec says: ${JSON.stringify(issues)}`);
              assert.equal(event.event, event.data.type);
              assert.equal(event.id, event.data.id);
              events.push(event);
            }
            data = [];
            notify();
          }
        }
      } catch {
        // aborted
      }
      notify();
    })();
  }

  const waitFor: SseStream['waitFor'] = (match, timeoutMs = 3000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.find(match);
        if (found) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `no matching event within ${timeoutMs} ms; got ${events.map((e) => e.event).join(', ')}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const waitForComments: SseStream['waitForComments'] = (count, timeoutMs = 3000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (comments.length >= count) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`only ${comments.length} comments within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    waitFor,
    waitForComments,
    close: () => controller.abort(),
    get closed() {
      return closed;
    },
  };
}
