/** A Server-Sent Events parser (the WHATWG `text/event-stream` rules), fed text chunks as they arrive. */

export interface SseMessage {
  /** The last event ID seen on the stream so far (the `id:` field), if any. */
  id: string | undefined;
  /** The `event:` field, `message` by default. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
}

export interface SseHandlers {
  message(message: SseMessage): void;
  /** A `retry:` field: the reconnection delay the server asks for, in ms. */
  retry?(ms: number): void;
  /** A comment line (`: heartbeat`), without its colon. */
  comment?(text: string): void;
}

/** Returns a function to feed decoded text to; it calls the handlers as whole lines arrive. */
export function createSseParser(handlers: SseHandlers): (chunk: string) => void {
  let buffer = '';
  let started = false;
  let data: string[] = [];
  let event = '';
  let id: string | undefined;

  const line = (text: string) => {
    if (text === '') {
      if (data.length) handlers.message({ id, event: event || 'message', data: data.join('\n') });
      data = [];
      event = '';
      return;
    }
    if (text[0] === ':') return handlers.comment?.(text.slice(1).trimStart());
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') {
      if (!value.includes('\0')) id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) handlers.retry?.(Number(value));
  };

  return (chunk) => {
    buffer += chunk;
    if (!started && buffer) {
      started = true;
      if (buffer[0] === '\uFEFF') buffer = buffer.slice(1);
    }
    const ends = /\r\n|\n|\r/g;
    let from = 0;
    for (let match = ends.exec(buffer); match; match = ends.exec(buffer)) {
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
      if (match[0] === '\r' && match.index === buffer.length - 1) break;
      line(buffer.slice(from, match.index));
      from = match.index + match[0].length;
    }
    buffer = buffer.slice(from);
  };
}
