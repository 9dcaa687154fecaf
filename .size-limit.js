// Bundle-size budgets, checked by `npm run size` after the build (CI runs it): min+brotli, as a
// bundler ships the built package (ky and zod/mini included).
//
// "entry": what loads with the import. Code reached only through a dynamic import() (the phone-number
// metadata of libphonenumber-js, fetched at the first number mapped) becomes a chunk of its own in a
// bundler's output, so these lines leave it out, and the "with lazy chunks" lines count it in.
// A static import of that code would land in the entry figure, where the budget catches it.
//
// The targets are 15 kB for one provider's entry and 22 kB for all four. They cannot hold with the
// two dependencies the design names: ky and zod/mini alone are about 10 kB of every entry
// (14 kB + 16 kB minified), leaving 5 kB for the transport, pacing, logging, validation and an
// adapter. Until that is decided, the limits sit at the measured figures plus about 5 %, so that
// they catch growth.

/** Keeps dynamic import() targets out of the bundle measured, as a bundler's separate chunk. */
const lazyChunksApart = {
  name: 'lazy-chunks-apart',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const entryOnly = (config) => ({ ...config, plugins: [...(config.plugins ?? []), lazyChunksApart] });

const entries = [
  { name: 'voiceplane/vox: createVoxClient', path: 'dist/vox.js', import: '{ createVoxClient }', limit: '21 kB' },
  { name: 'voiceplane/vogent: createVogentClient', path: 'dist/vogent.js', import: '{ createVogentClient }', limit: '21.5 kB' },
  { name: 'voiceplane/generic: createGenericClient', path: 'dist/generic.js', import: '{ createGenericClient }', limit: '21 kB' },
  {
    name: 'voiceplane/numbers-assignment: createNumbersAssignmentClient',
    path: 'dist/numbers-assignment.js',
    import: '{ createNumbersAssignmentClient }',
    limit: '22 kB',
  },
  { name: 'voiceplane: createClient, all four providers', path: 'dist/index.js', import: '{ createClient }', limit: '25.5 kB' },
  // Node's crypto is not bundled: the platform provides it.
  {
    name: 'voiceplane/webhooks: every verifier',
    path: 'dist/webhooks.js',
    import: '{ verifyRetellWebhook, verifyVapiWebhook, verifyVapiHmacWebhook }',
    ignore: ['crypto'],
    limit: '3.4 kB',
  },
];

// With the lazy chunks: the phone-number metadata is most of it (the "min" set, every country).
const withLazyChunks = { 'voiceplane: createClient, all four providers': '63 kB', 'voiceplane/webhooks: every verifier': '3.4 kB' };

export default [
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (entry)`, modifyEsbuildConfig: entryOnly })),
  ...entries.map((entry) => ({
    ...entry,
    name: `${entry.name} (with lazy chunks)`,
    limit: withLazyChunks[entry.name] ?? '59 kB',
  })),
];
