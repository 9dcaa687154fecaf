import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// "A platform is one folder plus one registry line", proven: scripts/scaffold-provider.mjs copies
// the generic provider under a new id into a copy of the repository, and that copy type-checks,
// builds and passes the quick suite with no other edit (shared tests take their counts, env names
// and fixtures from the registry).

const root = resolve(import.meta.dirname, '..');
const copy = mkdtempSync(join(tmpdir(), 'voiceplane-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
}

describe('scaffolding a platform', () => {
  it('copies a provider under a new id, and the copy builds and passes the quick suite untouched', () => {
    const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && existsSync(join(root, file)));
    for (const file of tracked) cpSync(join(root, file), join(copy, file), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');

    const written = run(process.execPath, ['scripts/scaffold-provider.mjs', 'acme-scaffold']).trim().split('\n');
    expect(written).toEqual(expect.arrayContaining(['src/providers/acme-scaffold/index.ts', 'src/providers/registry.ts', 'package.json']));
    expect(readFileSync(join(copy, 'src/providers/registry.ts'), 'utf8')).toContain("'acme-scaffold': acmeScaffoldProvider,");
    expect(JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).exports).toHaveProperty('./acme-scaffold');

    run(process.execPath, [join(copy, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', '.']);
    run(process.execPath, [join(copy, 'node_modules/tsup/dist/cli-default.js')]);
    const suite = run(process.execPath, [join(copy, 'node_modules/vitest/vitest.mjs'), 'run']);
    // vitest colours its summary even into a pipe: read it without the colour codes. A failed file
    // reads "Test Files 1 failed | ...", which this does not match (and vitest exits non-zero).
    const summary = suite.replace(/\u001b\[[0-9;]*m/g, '');
    expect(summary).toMatch(/Test Files\s+\d+ passed/);
  }, 1_200_000);
});
