import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // The tim- tags are custom elements (registered by `import 'tim-elements'`), not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('tim-') } } })],
  build: { target: 'es2022' },
});
