/**
 * Every story runs inside a <tim-provider> on a LocalCore with the demo seed, logged in as a seeded user
 * (alice unless the story says otherwise), with toolbar globals for theme, locale and direction.
 * Controls and each element's docs page (attributes, properties, events, slots, parts, CSS properties) come
 * from custom-elements.json; every story file gets a docs page (`tags: ['autodocs']`).
 */
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import '../src/index.js';
import { coreForStory, type StoryCoreOptions } from './story-core.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    layout: 'fullscreen',
  },
  globalTypes: {
    theme: {
      description: 'Color scheme',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
    locale: {
      description: 'UI language',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh', title: '中文' },
          { value: 'ko', title: '한국어' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: ['ltr', 'rtl'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', dir: 'ltr' },
  loaders: [async (context) => ({ core: await coreForStory((context.parameters.tim ?? {}) as StoryCoreOptions) })],
  decorators: [
    (story, context) => {
      const theme = (context.globals.theme as string) ?? 'light';
      document.body.style.background = theme === 'dark' ? '#15181c' : '#ffffff';
      document.documentElement.dir = (context.globals.dir as string) ?? 'ltr';
      return html`<tim-provider .core=${context.loaded.core} locale=${context.globals.locale ?? 'en'} theme=${theme}>
        <div style="height: ${context.parameters.tim?.height ?? '32rem'}; display: flex; flex-direction: column; background: var(--tim-color-bg); color: var(--tim-color-text)">
          ${story()}
        </div>
      </tim-provider>`;
    },
  ],
};
export default preview;
