import { define, registryOf, tagOf } from './define.js';

/**
 * The tag a sub-element gets beside its host: the host's own name swapped for the sub-element's
 * (`<acme-ticket-queue>` -> `<acme-ticket-detail>`), or appended when the host was registered
 * under a tag that does not end with its own name (`<my-queue>` -> `<my-queue-ticket-detail>`).
 */
export function subElementTag(host: Element, own: string, name: string): string {
  const tag = host.localName;
  return tag.endsWith(`-${own}`) ? tag.slice(0, -own.length) + name : `${tag}-${name}`;
}

/**
 * Loads a kit element's code on first use and creates it next to `host`: under the tag the host's
 * registry (scoped or the page's) already gives its class, else registered beside the host's own
 * tag in that registry (same prefix). `own` is the host's element name (`'ticket-queue'`), `name`
 * the sub-element's (`'ticket-detail'`). Resolves to undefined when the tag is taken by another
 * class (another copy of the kit; `define()` warned).
 *
 * ```ts
 * const el = await createSubElement<CcTicketDetail>(this, 'ticket-queue', 'ticket-detail', () =>
 *   import('../ticket-detail/ticket-detail.js').then((m) => m.CcTicketDetail),
 * );
 * ```
 */
export async function createSubElement<T extends HTMLElement>(
  host: Element,
  own: string,
  name: string,
  load: () => Promise<CustomElementConstructor>,
): Promise<T | undefined> {
  const ctor = await load();
  const registry = registryOf(host);
  const tag =
    tagOf(ctor, host) ??
    (define(subElementTag(host, own, name), ctor, registry) && tagOf(ctor, host));
  if (!tag) return undefined;
  return document.createElement(
    tag,
    registry === customElements
      ? undefined
      : ({ customElementRegistry: registry } as ElementCreationOptions),
  ) as T;
}
