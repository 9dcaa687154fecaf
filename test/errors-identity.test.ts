import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tsupConfig from '../tsup.config.js';

// The ESM and the CommonJS builds loaded in one process, as when an application imports
// `voiceplane` and one of its dependencies requires it: each build holds its own error classes,
// and `instanceof` must still answer as if there were one copy. The real build configuration,
// restricted to the entries used, is built into node_modules (so ky and zod resolve) and run by Node.

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}node_modules/.cache/voiceplane-errors-identity-${process.pid}`;

beforeAll(async () => {
  // The configs that build the main entry (voiceplane/redis has one of its own, built without shared chunks).
  for (const config of (tsupConfig as Options[]).filter((each) => 'index' in (each.entry as Record<string, string>))) {
    const entry = { index: 'src/index.ts', webhooks: 'src/webhooks/index.ts' };
    await build({ ...config, entry, outDir, dts: false, clean: false, silent: true, config: false });
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runNode(script: string): unknown {
  writeFileSync(`${outDir}/identity.mjs`, script);
  const run = spawnSync(process.execPath, ['identity.mjs'], { cwd: outDir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const prelude = `
  import { createRequire } from 'node:module';
  const require = createRequire(import.meta.url);
  const esm = await import('./index.js');
  const cjs = require('./index.cjs');
  const print = (value) => console.log(JSON.stringify(value));
`;

describe('one error identity across the ESM and CommonJS builds', () => {
  it('answers instanceof across copies exactly as within one copy, for every pair of error classes', () => {
    const result = runNode(`${prelude}
      const names = Object.keys(esm).filter((name) => typeof esm[name] === 'function'
        && (esm[name] === esm.VoiceplaneError || esm[name].prototype instanceof esm.VoiceplaneError));
      const options = { provider: 'vox', status: 400, requestId: null, body: null, retryAfterMs: null, operation: 'op', reason: 'signature-mismatch', issues: [] };
      const make = (copy, name) => name === 'HubError' ? new copy.HubError([], 1) : new copy[name]('message', options);
      const mismatches = [];
      let related = 0;
      for (const [from, to] of [[esm, cjs], [cjs, esm]]) {
        for (const made of names) {
          const error = make(from, made);
          for (const name of names) {
            const within = error instanceof from[name];
            const across = error instanceof to[name];
            if (within) related += 1;
            if (within !== across) mismatches.push(made + ' instanceof ' + name + ': ' + within + ' within, ' + across + ' across');
          }
        }
      }
      print({ names, distinct: names.every((name) => esm[name] !== cjs[name]), mismatches, related });
    `) as { names: string[]; distinct: boolean; mismatches: string[]; related: number };
    expect(result.names).toEqual(
      expect.arrayContaining(['VoiceplaneError', 'APIError', 'NotFoundError', 'RateLimitError', 'ConcurrencyLimitError', 'WebhookVerificationError', 'HubError']),
    );
    expect(result.names.length).toBeGreaterThanOrEqual(19);
    expect(result.distinct).toBe(true);
    expect(result.mismatches).toEqual([]);
    // Within one copy each class is an instance of itself and of its ancestors: far more than the diagonal.
    expect(result.related).toBeGreaterThan(2 * result.names.length * 2);
  });

  it('keeps subclass semantics across copies', () => {
    const result = runNode(`${prelude}
      const options = { provider: 'vox', status: 404, requestId: null, body: null, retryAfterMs: null };
      const notFound = new esm.NotFoundError('gone', options);
      const concurrency = new cjs.ConcurrencyLimitError('busy', { ...options, status: 429 });
      class CallerNotFound extends esm.NotFoundError {}
      const callers = new CallerNotFound('mine', options);
      print({
        notFoundIsNotFound: notFound instanceof cjs.NotFoundError,
        notFoundIsAPIError: notFound instanceof cjs.APIError,
        notFoundIsVoiceplane: notFound instanceof cjs.VoiceplaneError,
        notFoundIsRateLimit: notFound instanceof cjs.RateLimitError,
        notFoundIsConflict: notFound instanceof cjs.ConflictError,
        concurrencyIsRateLimit: concurrency instanceof esm.RateLimitError,
        concurrencyIsAPIError: concurrency instanceof esm.APIError,
        rateLimitIsConcurrency: new esm.RateLimitError('slow', { ...options, status: 429 }) instanceof cjs.ConcurrencyLimitError,
        callersIsNotFound: callers instanceof cjs.NotFoundError,
        notFoundIsCallers: new cjs.NotFoundError('x', options) instanceof CallerNotFound,
        plainErrorIsVoiceplane: new Error('x') instanceof cjs.VoiceplaneError,
        others: [null, undefined, 'NotFoundError', 42, {}, Object.create(null), { name: 'NotFoundError', status: 404 }]
          .map((value) => value instanceof esm.NotFoundError || value instanceof cjs.VoiceplaneError),
      });
    `);
    expect(result).toEqual({
      notFoundIsNotFound: true,
      notFoundIsAPIError: true,
      notFoundIsVoiceplane: true,
      notFoundIsRateLimit: false,
      notFoundIsConflict: false,
      concurrencyIsRateLimit: true,
      concurrencyIsAPIError: true,
      rateLimitIsConcurrency: false,
      callersIsNotFound: true,
      notFoundIsCallers: false,
      plainErrorIsVoiceplane: false,
      others: [false, false, false, false, false, false, false],
    });
  });

  it('recognises errors thrown by the other copy: a request failure, an input refusal, a webhook refusal', () => {
    const result = runNode(`${prelude}
      import { createServer } from 'node:http';
      const server = createServer((request, response) => {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'no such campaign' } }));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const baseUrl = 'http://127.0.0.1:' + server.address().port;
      const thrown = await esm.createClient({ provider: 'vox', apiKey: 'k', baseUrl, maxRetries: 0 }).campaigns.get('cmp_1').catch((error) => error);
      server.close();
      let refused;
      try { cjs.createClient({ provider: 'nope' }); } catch (error) { refused = error; }
      const webhook = await require('./webhooks.cjs').verifyRetellWebhook({ body: '{}', headers: {}, apiKey: 'key' }).catch((error) => error);
      const esmWebhooks = await import('./webhooks.js');
      print({
        notFound: thrown instanceof cjs.NotFoundError && thrown instanceof cjs.APIError && !(thrown instanceof cjs.RateLimitError),
        invalid: refused instanceof esm.InvalidRequestError && refused instanceof esm.VoiceplaneError,
        webhook: webhook instanceof esm.WebhookVerificationError && webhook instanceof esmWebhooks.WebhookVerificationError
          && webhook instanceof esm.VoiceplaneError && !(webhook instanceof esm.APIError),
        sameClassInOneFormat: esmWebhooks.WebhookVerificationError === esm.WebhookVerificationError,
      });
    `);
    expect(result).toEqual({ notFound: true, invalid: true, webhook: true, sameClassInOneFormat: true });
  });
});
