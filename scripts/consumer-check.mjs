// Checks the package as a consumer project meets it: packs it, installs the tarball into a fresh
// project with TypeScript and undici, compiles a consumer file under exactOptionalPropertyTypes with
// classic `moduleResolution: node` and with node16 (CommonJS and ESM files), then runs it: undici's
// fetch with an Agent dispatcher against a loopback server the consumer starts itself.
// Run after `npm run build`. Reaches the npm registry for the tarball's dependencies only.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pinned = (name) => `${name}@${manifest.devDependencies[name]}`;
const project = mkdtempSync(join(tmpdir(), 'voiceplane-consumer-'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const consumer = `
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { createClient, type APIResponse, type Campaign, type ClientOptions } from 'voiceplane';

async function main(): Promise<void> {
  const seen: { url: string | undefined; agent: string | undefined; team: string | undefined }[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url, agent: request.headers['user-agent'], team: request.headers['x-team'] as string | undefined });
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_consumer' });
    response.end(request.url?.startsWith('/v3/campaigns/') ? JSON.stringify({ id: 'c1', name: 'Spring' })
      : JSON.stringify({ items: [], total_count: 0, next_cursor: null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const agent = new Agent({ connections: 2 });
  try {
    // exactOptionalPropertyTypes: an environment variable is string | undefined.
    const options: ClientOptions = {
      provider: 'vox',
      apiKey: process.env['VOX_API_KEY'] ?? 'consumer-key',
      baseUrl: \`http://127.0.0.1:\${(server.address() as AddressInfo).port}\`,
      timeoutMs: process.env['TIMEOUT_MS'] ? Number(process.env['TIMEOUT_MS']) : undefined,
      fetch: undiciFetch,
      fetchOptions: { dispatcher: agent },
    };
    const client = createClient({ ...options, provider: 'vox' });
    const result: APIResponse<Campaign<'vox'>> = await client.campaigns.get('c1', { headers: { 'x-team': 'ops' } }).withResponse();
    if (result.data.name !== 'Spring' || result.requestId !== 'req_consumer' || result.response.status !== 200) {
      throw new Error('withResponse gave ' + JSON.stringify({ data: result.data.name, requestId: result.requestId }));
    }
    const page = await client.withOptions({ maxRetries: 0 }).phoneNumbers.list({ limit: 10, cursor: undefined, status: 'active' });
    if (page.requestId !== 'req_consumer') throw new Error('page.requestId is ' + String(page.requestId));
    if (seen.length !== 2 || seen[0]?.team !== 'ops' || !seen[0]?.agent?.startsWith('voiceplane/')) {
      throw new Error('the server saw ' + JSON.stringify(seen));
    }
    console.log('consumer: undici fetch with a dispatcher, withResponse, withOptions and Page.requestId work');
  } finally {
    server.close();
    await agent.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
`;

const compilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: 'ES2022',
  lib: ['ES2022'],
  types: ['node'],
  skipLibCheck: false,
};

try {
  // The build is CI's previous step: packing does not build again.
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('consumer-check: no dist/; run `npm run build` first.');
  const [packed] = JSON.parse(run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', project], root));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  run(npm, ['install', '--no-audit', '--no-fund', `./${packed.filename}`, pinned('typescript'), pinned('undici'), pinned('@types/node')], project);
  writeFileSync(join(project, 'consumer.ts'), consumer);
  writeFileSync(join(project, 'consumer-esm.mts'), consumer);
  const configs = {
    // Classic resolution: package.json "types" and typesVersions, the CommonJS declarations.
    'tsconfig.node.json': { ...compilerOptions, module: 'commonjs', moduleResolution: 'node', outDir: 'out-node' },
    // node16: the "exports" map, consumer.ts as CommonJS (.d.cts) and consumer-esm.mts as ESM (.d.ts).
    'tsconfig.node16.json': { ...compilerOptions, module: 'node16', moduleResolution: 'node16', outDir: 'out-node16' },
  };
  for (const [file, options] of Object.entries(configs)) {
    const files = options.module === 'commonjs' ? ['consumer.ts'] : ['consumer.ts', 'consumer-esm.mts'];
    writeFileSync(join(project, file), JSON.stringify({ compilerOptions: options, files }));
    run(join(project, 'node_modules', '.bin', 'tsc'), ['-p', file], project);
    console.log(`consumer-check: ${file} compiles (exactOptionalPropertyTypes, moduleResolution ${options.moduleResolution})`);
  }
  for (const script of ['out-node/consumer.js', 'out-node16/consumer.js', 'out-node16/consumer-esm.mjs']) {
    process.stdout.write(`consumer-check: ${script}: ${run(process.execPath, [script], project)}`);
  }
} finally {
  rmSync(project, { recursive: true, force: true });
}
