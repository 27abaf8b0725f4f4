// Storybook 10 for the kit's elements (web components + Vite). Telemetry and "what's new" are
// off: CI has no network and telemetry makes offline builds slow. Stories live next to the
// elements (packages/widgets/src/**/*.stories.ts); autodocs read custom-elements.json.
//
// Storybook is a dev dependency of @cc-kit/widgets and npm may install it under
// packages/widgets/node_modules: run it through the root scripts (`npm run storybook`,
// `npm run build-storybook`), and let the preview resolve Storybook's packages from there.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = fileURLToPath(new URL('../packages/widgets/package.json', import.meta.url));
const fromWidgets = createRequire(widgets);
const packageDir = (name: string) => dirname(fromWidgets.resolve(`${name}/package.json`));

const config = {
  stories: ['../packages/widgets/src/**/*.stories.ts'],
  framework: { name: packageDir('@storybook/web-components-vite'), options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  addons: [],
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig: { resolve?: { alias?: unknown } }) {
    const alias = [
      {
        find: /^@storybook\/web-components-vite$/,
        replacement: packageDir('@storybook/web-components-vite'),
      },
      {
        find: /^@storybook\/web-components$/,
        replacement: packageDir('@storybook/web-components'),
      },
    ];
    const existing = viteConfig.resolve?.alias;
    viteConfig.resolve = {
      ...viteConfig.resolve,
      alias: [
        ...alias,
        ...(Array.isArray(existing)
          ? existing
          : existing
            ? Object.entries(existing).map(([find, replacement]) => ({ find, replacement }))
            : []),
      ],
    };
    return viteConfig;
  },
};

export default config;
