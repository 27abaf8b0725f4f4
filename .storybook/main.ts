// Storybook 10 (web components + Vite) for packages/widgets. Storybook itself is installed with
// the widget platform; until then this file is not type-checked (the solution tsconfig.json
// does not include it).
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../packages/widgets/src/**/*.stories.ts'],
  core: {
    // Offline, telemetry and the "what's new" check only make every run slower.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
};

export default config;
