/**
 * The `--cc-*` design tokens.
 *
 * Hosts set the public tokens (`--cc-color-accent: #c8102e`) on any ancestor: custom properties
 * inherit into shadow roots. Each element resolves them once on its host into private
 * `--_cc-*` properties with the kit's light or dark defaults, and element styles only ever read
 * the private ones (or their own `--cc-<element>-*` variables that fall back to them). That way a
 * host value always wins, in either theme, and an element outside any provider still has defaults.
 *
 * Theme: `:host([theme=dark])`, and `theme=auto` follows `prefers-color-scheme`.
 * Density: `:host([density=compact])` tightens the space scale.
 * Forced colors: focus rings use system colors and stay visible.
 */
import { css, unsafeCSS } from 'lit';

/** The tokens that change with the theme: [name, light default, dark default]. */
const THEMED = [
  ['color-surface', '#ffffff', '#15191e'],
  ['color-surface-raised', '#f6f7f9', '#1f252c'],
  ['color-text', '#1b1f24', '#e6edf3'],
  ['color-text-muted', '#57606a', '#9aa6b2'],
  ['color-border', '#c9d1d9', '#3d4651'],
  ['color-accent', '#0b5cad', '#58a6ff'],
  ['color-accent-text', '#ffffff', '#0d1117'],
  ['color-success', '#1a7f37', '#3fb950'],
  ['color-warning', '#9a6700', '#d29922'],
  ['color-danger', '#c4241d', '#ff7b72'],
  ['color-info', '#0969da', '#79c0ff'],
  ['color-focus-ring', '#0b5cad', '#79c0ff'],
  ['elevation-1', '0 1px 2px rgb(27 31 36 / 0.12)', '0 1px 2px rgb(0 0 0 / 0.5)'],
  ['elevation-2', '0 4px 12px rgb(27 31 36 / 0.16)', '0 4px 12px rgb(0 0 0 / 0.6)'],
] as const;

/**
 * The other tokens after the font families: [name, default, compact density's default (for the
 * spacing that tightens)].
 */
const PLAIN: ReadonlyArray<readonly [string, string, string?]> = [
  ['font-size-sm', '0.8125rem'],
  ['font-size-md', '0.9375rem'],
  ['font-size-lg', '1.125rem'],
  ['font-size-xl', '1.75rem'],
  ['font-weight-strong', '600'],
  ['line-height', '1.5', '1.4'],
  ['line-height-tight', '1.25'],
  ['radius-sm', '4px'],
  ['radius', '6px'],
  ['radius-lg', '10px'],
  ['space-1', '0.25rem', '0.125rem'],
  ['space-2', '0.5rem', '0.25rem'],
  ['space-3', '0.75rem', '0.5rem'],
  ['space-4', '1rem', '0.75rem'],
  ['space-5', '1.5rem', '1rem'],
  ['space-6', '2rem', '1.5rem'],
  ['control-height', '2.25rem', '1.875rem'],
];

/** `--_cc-<name>: var(--cc-<name>, <default>);` for each [name, default]. Static text only. */
const declare = (pairs: ReadonlyArray<readonly [string, string | undefined]>) =>
  unsafeCSS(
    pairs
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `--_cc-${name}:var(--cc-${name},${value});`)
      .join(''),
  );

const light = css`
  ${declare(THEMED.map(([name, value]) => [name, value]))}
  color-scheme: light;
`;

const dark = css`
  ${declare(THEMED.map(([name, , value]) => [name, value]))}
  color-scheme: dark;
`;

/** Latin first, then CJK fonts in the order of the element's script. */
const latinFonts = css`system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial`;
const hansFonts = css`'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC'`;
const hantFonts = css`'PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Source Han Sans TC'`;

export const tokens = css`
  :host {
    ${light}
    --_cc-font-family: var(--cc-font-family, ${latinFonts}, ${hansFonts}, ${hantFonts}, sans-serif);
    --_cc-font-family-mono: var(
      --cc-font-family-mono,
      ui-monospace,
      'SFMono-Regular',
      Menlo,
      Consolas,
      monospace
    );
    ${declare(PLAIN.map(([name, value]) => [name, value]))}

    display: block;
    box-sizing: border-box;
    font-family: var(--_cc-font-family);
    font-size: var(--_cc-font-size-md);
    line-height: var(--_cc-line-height);
    color: var(--_cc-color-text);
  }
  :host(:lang(zh-Hant)),
  :host(:lang(zh-TW)),
  :host(:lang(zh-HK)),
  :host(:lang(zh-MO)) {
    --_cc-font-family: var(--cc-font-family, ${latinFonts}, ${hantFonts}, ${hansFonts}, sans-serif);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
    }
  }
  :host([density='compact']) {
    ${declare(PLAIN.map(([name, , compact]) => [name, compact]))}
  }
  @media (forced-colors: active) {
    :host {
      --_cc-color-focus-ring: Highlight;
      --_cc-color-border: CanvasText;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** The public token names, for docs and tests. */
export const TOKEN_NAMES = [
  ...THEMED.map(([name]) => name),
  'font-family',
  'font-family-mono',
  ...PLAIN.map(([name]) => name),
].map((name) => `--cc-${name}`);
