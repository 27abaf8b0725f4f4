import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSseParser, type SseMessage } from '../src/core/sse.js';

function parse(chunks: string[]) {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const feed = createSseParser({
    message: (m) => messages.push(m),
    comment: (c) => comments.push(c),
    retry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) feed(chunk);
  return { messages, comments, retries };
}

describe('SSE parser', () => {
  test('reads id, event and data, and joins data lines', () => {
    const { messages } = parse(['id: 7\nevent: ticket.updated\ndata: {"a":1}\ndata: {"b":2}\n\n']);
    assert.deepEqual(messages, [{ id: '7', event: 'ticket.updated', data: '{"a":1}\n{"b":2}' }]);
  });

  test('handles any chunking, CRLF split across chunks, CR and LF line ends', () => {
    const text = 'id: 1\r\ndata: one\r\n\r\nid: 2\rdata: two\r\rdata: three\n\n';
    const whole = parse([text]).messages;
    assert.deepEqual(
      whole.map((m) => [m.id, m.data]),
      [
        ['1', 'one'],
        ['2', 'two'],
        ['2', 'three'],
      ],
    );
    for (let size = 1; size <= 5; size++) {
      const chunks = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g'))!;
      assert.deepEqual(parse(chunks).messages, whole, `chunks of ${size}`);
    }
    assert.deepEqual(parse(['data: a\r', '\n\r', '\n']).messages.length, 1);
  });

  test('comments, retry, a BOM, fields without a value or a space, unknown fields', () => {
    const { messages, comments, retries } = parse([
      '\uFEFF: heartbeat\nretry: 2500\nretry: soon\nfoo: bar\ndata\ndata:x\n\n',
    ]);
    assert.deepEqual(comments, ['heartbeat']);
    assert.deepEqual(retries, [2500]);
    assert.deepEqual(messages, [{ id: undefined, event: 'message', data: '\nx' }]);
  });

  test('a block without data dispatches nothing; the event name resets, the id does not', () => {
    const { messages } = parse(['id: 5\nevent: x\n\nevent: y\ndata: 1\n\ndata: 2\n\n']);
    assert.deepEqual(messages, [
      { id: '5', event: 'y', data: '1' },
      { id: '5', event: 'message', data: '2' },
    ]);
  });

  test('an incomplete last event is not dispatched', () => {
    assert.equal(parse(['data: half']).messages.length, 0);
  });
});
