// Bundle-size budgets, checked by `npm run size` after the build (CI runs it): min+brotli, as a
// bundler ships the built package (ky and zod/mini included). One line per provider entry follows from
// the provider folders (scripts/provider-entries.mjs), so a new platform is measured without an edit here.
//
// "entry": what loads with the import. Code reached only through a dynamic import() (libphonenumber-js,
// at the first national number; a platform's writes, at its first write; the reading of a failed answer
// and the words of a call's own errors, at the first of each; log lines, for a client that logs; a
// provider's sandbox double) becomes a chunk of its own in a bundler's output, so these lines leave it
// out, and the "with lazy chunks" lines count it in. A static import of that code would land in the
// entry figure, where the budget catches it.
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
// provider at most 35 kB, the lazy libphonenumber-js chunk at most 26 kB. Each "entry" line is set at
// the figure measured plus a small margin, never past the budget, so that growth is caught.
// When these were last set the provider entries measured 22.4 (retell) to 23.9 kB (vapi; bland 23.6,
// numbers-assignment 23.7, vox 23.8 kB) and the main entry 30.6 kB. A provider not listed here is held
// to the budget.
const providerEntryBudget = '24 kB';
const providerEntryLimits = {
  bland: providerEntryBudget,
  generic: '23.3 kB',
  'numbers-assignment': providerEntryBudget,
  retell: '22.7 kB',
  vapi: providerEntryBudget,
  vogent: '23.6 kB',
  vox: providerEntryBudget,
};
const mainEntryLimit = '30.9 kB';
// Everything an entry can load, its lazy chunks included (measured 58.9 to 63.6 kB, and 82.9 kB for
// the main entry): the writes, the reading of failed answers and the other chunks below come in here.
const providerWithLazyChunksLimit = '63.9 kB';
const mainWithLazyChunksLimit = '83.2 kB';

const entries = [
  ...providerEntryIds().map((id) => ({
    name: `voiceplane/${id}: ${factoryName(id)}`,
    path: `dist/${id}.js`,
    import: `{ ${factoryName(id)} }`,
    limit: providerEntryLimits[id] ?? providerEntryBudget,
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
  // Each platform's writes (campaign create, pause, number update...), loaded at its first write; the
  // line adds up all seven, and the campaign input check they share is in a chunk of its own.
  { name: 'lazy chunks: the writes of every platform, together', path: 'dist/writes-*.js', limit: '8.1 kB' },
  // How an error status, or a 2xx answer that is a failure, becomes the error a caller sees: loaded at the first one.
  { name: 'lazy chunk: reading a failed answer', path: 'dist/failed-response-*.js', limit: '1.9 kB' },
  // The words of a call's own errors (refused input, a list answer that cannot be followed): loaded at the first one.
  { name: "lazy chunk: a call's own errors", path: 'dist/call-errors-*.js', limit: '1.6 kB' },
  // Whether and where a redirect is followed: loaded at the first redirect.
  { name: 'lazy chunk: the check of a redirect', path: 'dist/redirect-target-*.js', limit: '750 B' },
  // The pacing (rate and concurrency limits, the pause after a 429): loaded by a client with limits,
  // or at the first 429.
  { name: 'lazy chunk: the pacing', path: 'dist/pacer-*.js', limit: '1.1 kB' },
  // How URLs and headers show in a log line: loaded by a client that logs.
  { name: 'lazy chunk: log lines', path: 'dist/log-lines-*.js', limit: '950 B' },
];
// zod's compiled object parser is a lazy chunk too (loaded with the first list page), but its code is
// mostly zod's, which a bundler shares with the entry: the "with lazy chunks" lines count it once.

export default [
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (entry)`, modifyEsbuildConfig: entryOnly })),
  ...lazyChunks.map((chunk) => ({ ...chunk, modifyEsbuildConfig: chunkOnly })),
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (with lazy chunks)`, limit: withLazyChunks[entry.name] ?? providerWithLazyChunksLimit })),
];
