// Global story settings. The locale and theme toolbars (en, zh-Hans, zh-Hant; light, dark) come
// with the widgets.
import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
};

export default preview;
