import { defineConfig } from 'vite';

// The demo app (`npm start`, `npm run build:demo`). The library itself is built by scripts/build.mjs.
export default defineConfig({
  root: '.',
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  build: {
    outDir: 'dist-demo',
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
  },
  esbuild: { target: 'es2022' },
});
