import { describe, expect, it } from 'vitest';
import { childProcessTimeout, spawnInRoot } from './run-cli.js';

describe('npm start', { timeout: childProcessTimeout }, () => {
  it('runs the demo over the sandbox: numbers of all four platforms in one table, a campaign, a typed error', async () => {
    const result = await spawnInRoot(process.execPath, ['--import', 'tsx', 'scripts/demo.ts']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const numbersTable = result.stdout.slice(result.stdout.indexOf('== Phone numbers'), result.stdout.indexOf('== One campaign'));
    const rows = numbersTable.split('\n').filter((line) => /^(vox|vogent|generic|numbers-assignment) {2,}\S/.test(line));
    const providers = new Set(rows.map((line) => line.split(' ')[0]));
    expect([...providers].sort()).toEqual(['generic', 'numbers-assignment', 'vogent', 'vox']);
    expect(rows).toHaveLength(16);
    expect(result.stdout).toMatch(/^PROVIDER +ID +NUMBER +STATUS +AGENT +LABEL +TYPE +CREATED$/m);
    expect(result.stdout).toMatch(/^PROVIDER +ID +NAME +STATUS +AGENT +FROM +CALLS +CREATED$/m);
    expect(result.stdout).toMatch(/^vogent calls it "[A-Z]+"; every platform's word maps to "[a-z]+"\.$/m);
    expect(result.stdout).toMatch(/^Caught NotFoundError from vox \(HTTP 404\):$/m);
    expect(result.stdout).toContain('Sandbox closed.');
  });
});
