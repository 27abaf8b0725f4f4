/**
 * Small render helpers several elements share: a text in the element's language, a select's
 * options from [value, text] pairs, and a labelled select.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CcElement } from './element.js';
import type { Locale } from './i18n/types.js';

/** A text given as one string or per language (`{ en, 'zh-Hans'?, 'zh-Hant'? }`). */
export type LocalText = string | Partial<Record<Locale, string>>;

/** `text` in the element's language, else English, else `fallback`. */
export function localized(
  host: CcElement,
  text: LocalText | null | undefined,
  fallback = '',
): string {
  return typeof text === 'string' ? text : (text?.[host.resolvedLocale] ?? text?.en ?? fallback);
}

/** A select's option: its value, and the text shown. */
export type SelectOption = readonly [value: string, text: unknown];

/** `<option>`s for `list`, the one whose value is `selected` selected. */
export function optionsOf(list: Iterable<SelectOption>, selected?: string): TemplateResult[] {
  return Array.from(
    list,
    ([value, text]) =>
      html`<option value=${value} ?selected=${value === selected}>${text}</option>`,
  );
}

export interface SelectFieldOptions {
  name?: string;
  id?: string;
  /** The label's class (e.g. `field`). */
  class?: string;
  disabled?: boolean;
  /** A first option with the empty value and this text (selected when `value` is empty). */
  empty?: unknown;
}

/**
 * `<label>text <select>…</select></label>`: the select is named by the label that holds it.
 * `change` gets the chosen value.
 */
export function selectField(
  label: unknown,
  value: string | undefined,
  options: Iterable<SelectOption>,
  change: (value: string, event: Event) => void,
  o: SelectFieldOptions = {},
): TemplateResult {
  return html`<label class=${o.class ?? nothing}
    >${label}
    <select
      name=${o.name ?? nothing}
      id=${o.id ?? nothing}
      ?disabled=${!!o.disabled}
      @change=${(e: Event) => change((e.target as HTMLSelectElement).value, e)}
    >
      ${
        o.empty === undefined
          ? nothing
          : html`<option value="" ?selected=${!value}>${o.empty}</option>`
      }${optionsOf(options, value)}
    </select></label
  >`;
}
