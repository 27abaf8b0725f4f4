// Global toolbar for locale, theme and density: every story is wrapped in a <cc-provider> that
// takes them, so each element shows each combination without story-specific code.
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/widgets/custom-elements.json';
import '../packages/widgets/src/define/all.js';

setCustomElementsManifest(manifest);

interface Globals {
  locale?: string;
  theme?: string;
  density?: string;
}

const preview = {
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-Hans', title: '简体中文' },
          { value: 'zh-Hant', title: '繁體中文' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: ['light', 'dark', 'auto'],
        dynamicTitle: true,
      },
    },
    density: {
      description: 'Density',
      toolbar: {
        title: 'Density',
        icon: 'component',
        items: ['comfortable', 'compact'],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', density: 'comfortable' },
  decorators: [
    (story: () => unknown, context: { globals: Globals }) =>
      html`<cc-provider
        locale=${context.globals.locale ?? 'en'}
        theme=${context.globals.theme ?? 'light'}
        density=${context.globals.density ?? 'comfortable'}
        >${story()}</cc-provider
      >`,
  ],
  parameters: {
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
