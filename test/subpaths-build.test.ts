import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Options } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tsupConfig from '../tsup.config.js';

// The real build configuration, built without types into a folder inside node_modules (so that
// ky and zod resolve from the built files as they do from dist/), then loaded by plain Node.

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}node_modules/.cache/voiceplane-subpaths-test-${process.pid}`;
const packageJson = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, unknown>;
};
const configs = tsupConfig as Options[];
const providerEntries = ['vox', 'vogent', 'generic', 'numbers-assignment'];

/** A path only one adapter requests: the mark of that adapter's code in a bundle. */
const adapterMarks: Record<string, string> = {
  vox: '/v3/organization-telephone-numbers',
  vogent: '/batch_dial_jobs',
  generic: '/api/phone-numbers',
  // Its numbers path as a whole string: `/agents/` alone now stands in vox's agents path too.
  'numbers-assignment': '"/numbers"',
};

beforeAll(async () => {
  for (const config of configs) {
    await build({ ...config, outDir, dts: false, clean: false, silent: true, config: false });
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The text of a built file and of every chunk it loads statically, following imports and requires. */
function staticGraph(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const text = readFileSync(`${outDir}/${file}`, 'utf8');
  const chunks = [...text.matchAll(/(?:from\s*|require\()\s*["']\.\/([^"']+)["']/g)].map((match) => match[1]!);
  return text + chunks.map((chunk) => staticGraph(chunk, seen)).join('');
}

function runNode(script: string): unknown {
  writeFileSync(`${outDir}/check.mjs`, script);
  const run = spawnSync(process.execPath, ['check.mjs'], { cwd: outDir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('the built entry points', () => {
  it('are built in both formats and declared in package.json exports, for import and require, with types', () => {
    // Every config but voiceplane/redis's own, which builds that entry alone.
    for (const config of configs.filter((config) => !('redis' in (config.entry as Record<string, string>)))) {
      expect((config.entry as Record<string, string>).index).toBe('src/index.ts');
      for (const name of providerEntries) expect((config.entry as Record<string, string>)[name]).toBe(`src/providers/${name}/entry.ts`);
    }
    for (const name of providerEntries) {
      expect(packageJson.exports[`./${name}`]).toEqual({
        import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
        require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
      });
    }
  });

  it('load one adapter each: no other platform code in a provider entry, all four in the main one', () => {
    for (const format of ['js', 'cjs']) {
      for (const name of providerEntries) {
        const graph = staticGraph(`${name}.${format}`);
        for (const [provider, mark] of Object.entries(adapterMarks)) {
          expect(graph.includes(mark), `${name}.${format} holds ${provider}`).toBe(provider === name);
        }
      }
      const everything = staticGraph(`index.${format}`);
      for (const mark of Object.values(adapterMarks)) expect(everything).toContain(mark);
    }
  });

  it('load as one piece: the only chunks loaded at first use are libphonenumber-js and the sandbox doubles', () => {
    // Text of the writes, the reading of failed answers, log lines, a call's own errors, redirects and pacing.
    const marks = [
      'the from-number of the campaign',
      'The platform is rate-limiting this key',
      'xjwtassertion',
      'empty pages in a row, each pointing to a next one',
      'so that the API key is never sent there',
      'slowestShare',
      'recipients must be a list of one or more',
    ];
    for (const format of ['js', 'cjs']) {
      const main = staticGraph(`index.${format}`);
      for (const mark of marks) expect(main, `index.${format} loads "${mark}"`).toContain(mark);
      const built = readdirSync(outDir).filter((file) => file.endsWith(`.${format}`));
      const lazyTargets = new Set<string>();
      for (const file of built) {
        if (file.startsWith('cli.')) continue;
        for (const match of readFileSync(`${outDir}/${file}`, 'utf8').matchAll(/import\(\s*["']\.\/([^"']+)["']\s*\)/g)) lazyTargets.add(match[1]!);
      }
      expect([...lazyTargets].filter((target) => !/^(phone-library|sandbox|testing)[-.]/.test(target)), format).toEqual([]);
    }
  });

  it('share one set of error classes, so instanceof holds across entry points in ESM and CommonJS', () => {
    const result = runNode(`
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const names = ${JSON.stringify(providerEntries)};
      const check = (main, entries, factoryOf) => names.every((name) => entries[name].VoiceplaneError === main.VoiceplaneError
        && entries[name].RateLimitError === main.RateLimitError) && (() => {
          try { factoryOf(entries.vox)({ provider: 'vogent' }); } catch (error) {
            return error instanceof main.InvalidRequestError && error instanceof main.VoiceplaneError;
          }
          return false;
        })();
      const esmEntries = {};
      for (const name of names) esmEntries[name] = await import('./' + name + '.js');
      const cjsEntries = {};
      for (const name of names) cjsEntries[name] = require('./' + name + '.cjs');
      const factory = (entry) => entry.createVoxClient;
      console.log(JSON.stringify({
        esm: check(await import('./index.js'), esmEntries, factory),
        cjs: check(require('./index.cjs'), cjsEntries, factory),
        factories: [esmEntries.vox.createVoxClient, esmEntries.vogent.createVogentClient, esmEntries.generic.createGenericClient,
          esmEntries['numbers-assignment'].createNumbersAssignmentClient, cjsEntries.vox.createVoxClient].map((f) => typeof f),
      }));
    `);
    expect(result).toEqual({ esm: true, cjs: true, factories: ['function', 'function', 'function', 'function', 'function'] });
  });
});
