/**
 * Where the end-to-end tests find each host (playwright.config.mjs serves them): the demo, the three built
 * examples (installed from the packed tarball) and the built Storybook.
 */
export const PORTS = {
  demo: Number(process.env.E2E_PORT ?? 4317),
  html: Number(process.env.E2E_HTML_PORT ?? 4406),
  react: Number(process.env.E2E_REACT_PORT ?? 4407),
  vue: Number(process.env.E2E_VUE_PORT ?? 4408),
  storybook: Number(process.env.E2E_STORYBOOK_PORT ?? 4409),
};

export const url = (host: keyof typeof PORTS, path = '/') => `http://127.0.0.1:${PORTS[host]}${path}`;
