// Bundle-size budgets, checked by `npm run size` after the build (CI runs it): min+brotli, as a
// bundler ships the built package (ky and zod/mini included). One line per provider entry follows from
// the provider folders (scripts/provider-entries.mjs), so a new platform is measured without an edit here.
//
// The SDK loads as one piece: the only code reached through a dynamic import() is libphonenumber-js
// (loaded at the first national number, never by a listing whose numbers are all in E.164) and each
// provider's sandbox double (test code). The "entry" lines leave those out, as a bundler's separate
// chunks; everything else (writes, error wording, log lines, redirects, pacing) is in the entry.
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

// Budgets, min+brotli, at what the entries measure now plus about 0.5 kB, so that growth is a decision.
// The ky round's budgets (a provider's entry at most 30 kB, the main entry at most 40 kB) held for that
// change (26.2 to 28.1 kB, 37.7 kB); calls and agents on six platforms, the eighth platform and the
// call slots took them to 29.2 to 35.5 kB and 55.6 kB. A size pass (zod's record and length check out
// of the bundle, shared checks in the kit) brought them to 29.2 to 35.0 kB and 54.2 kB; the rest is the
// platforms' own mappings, schemas and refusals, and the core every entry needs (29.2 kB: the generic
// entry, ky and zod/mini about 9.5 kB of it). docs/performance.md has the figures and what 30/40 kB would take.
const providerEntryBudget = '35.5 kB';
const mainEntryLimit = '54.8 kB';

const entries = [
  ...providerEntryIds().map((id) => ({
    name: `voiceplane/${id}: ${factoryName(id)}`,
    path: `dist/${id}.js`,
    import: `{ ${factoryName(id)} }`,
    limit: providerEntryBudget,
  })),
  { name: 'voiceplane: createClient, every provider', path: 'dist/index.js', import: '{ createClient }', limit: mainEntryLimit },
  // Node's crypto is not bundled: the platform provides it. None of parseWebhook's code (schemas,
  // mappings, the resource table) is in it: module-level values of shared modules are marked pure so
  // a bundle that never reads them drops them. What is left besides the verifiers (4.73 kB measured):
  // the error classes (0.8 kB: they are branded at load), describeValue (0.4 kB, in the messages)
  // and the ISO 8601 reader of Vapi's HMAC timestamps.
  {
    name: 'voiceplane/webhooks: every verifier',
    path: 'dist/webhooks.js',
    import: '{ verifyRetellWebhook, verifyVapiWebhook, verifyVapiHmacWebhook }',
    ignore: ['crypto'],
    limit: '5 kB',
  },
  // parseWebhook carries each platform's call mapping and its zod/mini schemas (the calls adapters' own): 20.5 kB measured.
  {
    name: 'voiceplane/webhooks: parseWebhook and the handlers',
    path: 'dist/webhooks.js',
    import: '{ parseWebhook, createWebhookHandler, createNodeWebhookHandler }',
    ignore: ['crypto'],
    limit: '21 kB',
  },
  // One file of its own (tsup.config.ts), its copy of the pacer and the error classes included; no Redis client is bundled.
  { name: 'voiceplane/redis: every export', path: 'dist/redis.js', import: '{ createRedisLimiter, createRedisCallSlots, createLocalCallSlots }', ignore: ['crypto'], limit: '5.5 kB' },
];

// libphonenumber-js (the functions used, from its core, with the "min" metadata), alone.
const lazyChunks = [{ name: 'lazy chunk: libphonenumber-js', path: 'dist/phone-library-*.js', limit: '26 kB' }];

export default [
  ...entries.map((entry) => ({ ...entry, name: `${entry.name} (entry)`, modifyEsbuildConfig: entryOnly })),
  ...lazyChunks.map((chunk) => ({ ...chunk, modifyEsbuildConfig: chunkOnly })),
];
