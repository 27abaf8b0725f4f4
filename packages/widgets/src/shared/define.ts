/**
 * Safe registration.
 *
 * Class files never register themselves; `src/define/cc-*.ts` do, through `define()`, which never
 * throws on a host page: a tag already taken by the same class is skipped silently, a tag taken by
 * another class (another copy or version of the kit) is skipped with one console warning.
 *
 * `defineElements({ prefix, registry })` registers every element under another prefix and/or into
 * a scoped `CustomElementRegistry` (where the browser has them), so two versions of the kit can
 * share a page. Elements look other elements' tags up with `tagOf()`, never hard-coding them.
 */

import { ContextRoot } from '@lit/context';

type Registry = Pick<CustomElementRegistry, 'define' | 'get' | 'whenDefined'> & {
  getName?(ctor: CustomElementConstructor): string | null;
};

const warned = new Set<string>();

/** Tags each registry gave each kit class (base class -> tag), filled by `define()`. */
const tagsByRegistry = new WeakMap<object, Map<CustomElementConstructor, string>>();

/** A kit class registered under a second tag in one registry is defined as a subclass of it. */
const baseOf = new WeakMap<CustomElementConstructor, CustomElementConstructor>();

function remember(registry: object, base: CustomElementConstructor, tag: string): void {
  let map = tagsByRegistry.get(registry);
  if (!map) tagsByRegistry.set(registry, (map = new Map()));
  if (!map.has(base)) map.set(base, tag);
}

function warnOnce(tag: string, message: string): void {
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(message);
}

const contextRootKey = Symbol.for('cc-kit.context-root');

/**
 * Elements can be defined before the `<cc-provider>` around them (the loader imports chunks in the
 * order they arrive; a host may import define files in any order): their context requests then
 * find no provider. One context root per document keeps those requests and answers them again
 * when a provider connects.
 */
function ensureContextRoot(): void {
  const holder = document as unknown as Record<symbol, unknown>;
  if (holder[contextRootKey]) return;
  holder[contextRootKey] = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * Registers `ctor` as `tag` in `registry` (default: the page's `customElements`). Returns the
 * constructor that holds the tag afterwards, or undefined when registration was refused.
 */
export function define(
  tag: string,
  ctor: CustomElementConstructor,
  registry: Registry = customElements,
): CustomElementConstructor | undefined {
  ensureContextRoot();
  const existing = registry.get(tag);
  if (existing) {
    if (existing === ctor || baseOf.get(existing) === ctor) {
      remember(registry, ctor, tag);
      return existing;
    }
    warnOnce(
      tag,
      `cc-kit: <${tag}> is already defined by another class (another copy or version of the ` +
        `kit?); keeping the first. Use defineElements({ prefix }) to load a second version.`,
    );
    return undefined;
  }
  // A constructor can hold only one tag per registry: a second tag gets a trivial subclass.
  let toDefine = ctor;
  if (registry.getName?.(ctor)) {
    toDefine = class extends (ctor as unknown as {
      new (): HTMLElement;
    }) {} as CustomElementConstructor;
    baseOf.set(toDefine, ctor);
  }
  try {
    registry.define(tag, toDefine);
  } catch (error) {
    warnOnce(tag, `cc-kit: could not define <${tag}>: ${String(error)}`);
    return undefined;
  }
  remember(registry, ctor, tag);
  return toDefine;
}

/** The registry an element was created in (scoped registries), else the page's. */
export function registryOf(node?: Node): Registry {
  const own = (node as { customElementRegistry?: Registry | null } | undefined)
    ?.customElementRegistry;
  return own ?? customElements;
}

/**
 * The tag `ctor` (a kit class) is registered under in the registry `context` belongs to, or in
 * the page's registry; undefined when it is not registered.
 */
export function tagOf(ctor: CustomElementConstructor, context?: Node): string | undefined {
  const registries = [registryOf(context), customElements];
  for (const registry of registries) {
    const tag = tagsByRegistry.get(registry)?.get(ctor) ?? registry.getName?.(ctor) ?? undefined;
    if (tag) return tag;
  }
  return undefined;
}

/** True when this browser can create scoped registries (`new CustomElementRegistry()`). */
export function supportsScopedRegistries(): boolean {
  try {
    new CustomElementRegistry();
    return true;
  } catch {
    return false;
  }
}

export interface DefineElementsOptions {
  /** Tag prefix, default `cc` (`<cc-ticket-queue>`); `acme` gives `<acme-ticket-queue>`. */
  prefix?: string;
  /**
   * Where to register: default the page's `customElements`. A scoped `CustomElementRegistry`
   * where supported; attach it to a shadow root (`attachShadow({ mode, customElementRegistry })`).
   */
  registry?: CustomElementRegistry;
}

/**
 * Registers the given elements (`{ 'ticket-queue': CcTicketQueue, ... }`) under `prefix-name`.
 * Returns the tags it defined or found already defined by the same classes.
 */
export function defineAll(
  elements: Readonly<Record<string, CustomElementConstructor>>,
  { prefix = 'cc', registry }: DefineElementsOptions = {},
): Record<string, string> {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(prefix)) {
    throw new TypeError(
      `defineElements: prefix must be lower-case letters and digits, not "${prefix}"`,
    );
  }
  const target: Registry = registry ?? customElements;
  const tags: Record<string, string> = {};
  for (const [name, ctor] of Object.entries(elements)) {
    const tag = `${prefix}-${name}`;
    if (define(tag, ctor, target)) tags[name] = tag;
  }
  return tags;
}
