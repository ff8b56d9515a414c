// custom-elements.json is generated from the JSDoc of the element classes and committed.
// `npm test` fails when it is stale (scripts/check-manifest.mjs).
export default {
  globs: ['src/elements/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/core/local/**', 'src/core/tencent/**', 'src/i18n/**'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [
    {
      // Members marked @internal (context plumbing inherited from TimElement) are not public API.
      name: 'tim-hide-internal',
      packageLinkPhase({ customElementsManifest }) {
        // The analyzer's module order follows file reads, which vary between runs: sort, so the output
        // (and the staleness check) is deterministic.
        customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const mod of customElementsManifest.modules ?? []) {
          for (const decl of mod.declarations ?? []) {
            // Events the analyzer infers from dispatchEvent(new SomeEvent(x)) get a guessed name (or none) and
            // no description; the JSDoc @event lines are the contract, so only documented events stay.
            if (decl.events) decl.events = decl.events.filter((e) => e.name && e.description);
            if (decl.members) decl.members = decl.members.filter((m) => !m.description?.includes('@internal') && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          }
        }
      },
    },
  ],
};
