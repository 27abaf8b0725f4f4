// ESLint 9 flat config for the whole repository (`npm run lint` runs it, then prettier --check).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

/** Code that ends up on somebody else's page: the safety rules of DESIGN.md apply. */
const PAGE_CODE = ['packages/widgets/**', 'packages/sdk/**', 'packages/demo/**'];
const NODE_CODE = [
  'packages/server/**',
  'packages/spec/**',
  'scripts/**',
  'bench/**',
  'tests/**',
  '*.{js,mjs,cjs,ts}',
  '.storybook/**',
];
const BROWSER_CODE = ['packages/widgets/**', 'packages/demo/**'];
const BROWSER_TESTS = ['packages/*/test/browser/**', 'packages/widgets/src/**/*.test.ts'];

const unsafeHtml =
  'Builds markup from a string: not allowed on host pages (strict CSP, Trusted Types).';

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.tsbuild/**',
      '**/storybook-static/**',
      '**/coverage/**',
      'packages/spec/src/generated.ts',
      'docs/*.html',
      'docs/reference/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/domain/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    files: ['packages/sdk/**'],
    languageOptions: { globals: globals['shared-node-browser'] },
  },
  {
    files: NODE_CODE,
    languageOptions: { globals: globals.node },
  },
  {
    files: BROWSER_CODE,
    languageOptions: { globals: globals.browser },
  },
  {
    files: BROWSER_TESTS,
    languageOptions: { globals: { ...globals.browser, ...globals.mocha } },
  },
  {
    files: ['packages/*/test/**', 'packages/*/src/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    ignores: BROWSER_TESTS,
  },
  {
    files: ['packages/widgets/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
    rules: {
      // DESIGN.md: no inline style="" attributes (strict CSP); use parts, classes and --cc-* properties.
      'lit/ban-attributes': ['error', 'style'],
      'lit/no-legacy-imports': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/lifecycle-super': 'error',
    },
  },
  {
    files: PAGE_CODE,
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: unsafeHtml },
        { property: 'outerHTML', message: unsafeHtml },
        { property: 'insertAdjacentHTML', message: unsafeHtml },
        { object: 'document', property: 'write', message: unsafeHtml },
        { object: 'document', property: 'writeln', message: unsafeHtml },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/directives/unsafe-html*', '**/directives/unsafe-svg*'],
              message: unsafeHtml,
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.name=/^unsafe(HTML|SVG)$/]', message: unsafeHtml },
      ],
    },
  },
);
