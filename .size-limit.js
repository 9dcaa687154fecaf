// Bundle-size budgets, checked by `npm run size` after the build (CI runs it): min+brotli, as a
// bundler ships the built package (ky and zod/mini included). One line per provider entry follows from
// the provider folders (scripts/provider-entries.mjs), so a new platform is measured without an edit here.
//
// "entry": what loads with the import. Code reached only through a dynamic import() (the phone-number
// metadata of libphonenumber-js, fetched at the first number mapped; a provider's sandbox double) becomes
// a chunk of its own in a bundler's output, so these lines leave it out, and the "with lazy chunks" lines
// count it in. A static import of that code would land in the entry figure, where the budget catches it.
import { factoryName, providerEntryIds } from './scripts/provider-entries.mjs';

/** Keeps dynamic import() targets out of the bundle measured, as a bundler's separate chunk. */
const lazyChunksApart = {
  name: 'lazy-chunks-apart',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const entryOnly = (config) => ({ ...config, plugins: [...(config.plugins ?? []), lazyChunksApart] });

// Budgets (issue "Performance"): one provider's entry at most 24 kB, the main entry with every provider
// at most 35 kB; the lazy phone-number chunk at most 26 kB beside them.
const providerEntryLimit = '24 kB';
const mainEntryLimit = '35 kB';

const entries = [
  ...providerEntryIds().map((id) => ({
    name: `voiceplane/${id}: ${factoryName(id)}`,
    path: `dist/${id}.js`,
    import: `{ ${factoryName(id)} }`,
    limit: providerEntryLimit,
  })),
  { name: 'voiceplane: createClient, every provider', path: 'dist/index.js', import: '{ createClient }', limit: mainEntryLimit },
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
const withLazyChunks = { 'voiceplane/webhooks: every verifier': '3.4 kB' };

export default [
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (entry)`, modifyEsbuildConfig: entryOnly })),
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (with lazy chunks)`, limit: withLazyChunks[entry.name] ?? '61 kB' })),
];
