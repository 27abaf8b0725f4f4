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
import { css } from 'lit';

const light = css`
  --_cc-color-surface: var(--cc-color-surface, #ffffff);
  --_cc-color-surface-raised: var(--cc-color-surface-raised, #f6f7f9);
  --_cc-color-text: var(--cc-color-text, #1b1f24);
  --_cc-color-text-muted: var(--cc-color-text-muted, #57606a);
  --_cc-color-border: var(--cc-color-border, #c9d1d9);
  --_cc-color-accent: var(--cc-color-accent, #0b5cad);
  --_cc-color-accent-text: var(--cc-color-accent-text, #ffffff);
  --_cc-color-success: var(--cc-color-success, #1a7f37);
  --_cc-color-warning: var(--cc-color-warning, #9a6700);
  --_cc-color-danger: var(--cc-color-danger, #c4241d);
  --_cc-color-info: var(--cc-color-info, #0969da);
  --_cc-color-focus-ring: var(--cc-color-focus-ring, #0b5cad);
  --_cc-elevation-1: var(--cc-elevation-1, 0 1px 2px rgb(27 31 36 / 0.12));
  --_cc-elevation-2: var(--cc-elevation-2, 0 4px 12px rgb(27 31 36 / 0.16));
  color-scheme: light;
`;

const dark = css`
  --_cc-color-surface: var(--cc-color-surface, #15191e);
  --_cc-color-surface-raised: var(--cc-color-surface-raised, #1f252c);
  --_cc-color-text: var(--cc-color-text, #e6edf3);
  --_cc-color-text-muted: var(--cc-color-text-muted, #9aa6b2);
  --_cc-color-border: var(--cc-color-border, #3d4651);
  --_cc-color-accent: var(--cc-color-accent, #58a6ff);
  --_cc-color-accent-text: var(--cc-color-accent-text, #0d1117);
  --_cc-color-success: var(--cc-color-success, #3fb950);
  --_cc-color-warning: var(--cc-color-warning, #d29922);
  --_cc-color-danger: var(--cc-color-danger, #ff7b72);
  --_cc-color-info: var(--cc-color-info, #79c0ff);
  --_cc-color-focus-ring: var(--cc-color-focus-ring, #79c0ff);
  --_cc-elevation-1: var(--cc-elevation-1, 0 1px 2px rgb(0 0 0 / 0.5));
  --_cc-elevation-2: var(--cc-elevation-2, 0 4px 12px rgb(0 0 0 / 0.6));
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
    --_cc-font-size-sm: var(--cc-font-size-sm, 0.8125rem);
    --_cc-font-size-md: var(--cc-font-size-md, 0.9375rem);
    --_cc-font-size-lg: var(--cc-font-size-lg, 1.125rem);
    --_cc-font-size-xl: var(--cc-font-size-xl, 1.75rem);
    --_cc-font-weight-strong: var(--cc-font-weight-strong, 600);
    --_cc-line-height: var(--cc-line-height, 1.5);
    --_cc-line-height-tight: var(--cc-line-height-tight, 1.25);
    --_cc-radius-sm: var(--cc-radius-sm, 4px);
    --_cc-radius: var(--cc-radius, 6px);
    --_cc-radius-lg: var(--cc-radius-lg, 10px);
    --_cc-space-1: var(--cc-space-1, 0.25rem);
    --_cc-space-2: var(--cc-space-2, 0.5rem);
    --_cc-space-3: var(--cc-space-3, 0.75rem);
    --_cc-space-4: var(--cc-space-4, 1rem);
    --_cc-space-5: var(--cc-space-5, 1.5rem);
    --_cc-space-6: var(--cc-space-6, 2rem);
    --_cc-control-height: var(--cc-control-height, 2.25rem);

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
    --_cc-space-1: var(--cc-space-1, 0.125rem);
    --_cc-space-2: var(--cc-space-2, 0.25rem);
    --_cc-space-3: var(--cc-space-3, 0.5rem);
    --_cc-space-4: var(--cc-space-4, 0.75rem);
    --_cc-space-5: var(--cc-space-5, 1rem);
    --_cc-space-6: var(--cc-space-6, 1.5rem);
    --_cc-control-height: var(--cc-control-height, 1.875rem);
    --_cc-line-height: var(--cc-line-height, 1.4);
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
  'color-surface',
  'color-surface-raised',
  'color-text',
  'color-text-muted',
  'color-border',
  'color-accent',
  'color-accent-text',
  'color-success',
  'color-warning',
  'color-danger',
  'color-info',
  'color-focus-ring',
  'elevation-1',
  'elevation-2',
  'font-family',
  'font-family-mono',
  'font-size-sm',
  'font-size-md',
  'font-size-lg',
  'font-size-xl',
  'font-weight-strong',
  'line-height',
  'line-height-tight',
  'radius-sm',
  'radius',
  'radius-lg',
  'space-1',
  'space-2',
  'space-3',
  'space-4',
  'space-5',
  'space-6',
  'control-height',
].map((name) => `--cc-${name}`);
