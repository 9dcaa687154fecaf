import { describe, expect, it } from 'vitest';
import { childProcessTimeout, spawnInRoot } from './run-cli.js';

describe('npm start', { timeout: childProcessTimeout }, () => {
  it('runs the demo over the sandbox through one hub: four platforms in one table, a number found by another spelling, a campaign, a typed error', async () => {
    const result = await spawnInRoot(process.execPath, ['--import', 'tsx', 'scripts/demo.ts']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const numbersTable = result.stdout.slice(result.stdout.indexOf('== Phone numbers'), result.stdout.indexOf('== One number'));
    const rows = numbersTable.split('\n').filter((line) => /^(vox|vogent|generic|numbers-assignment) {2,}\S/.test(line));
    // Four of each platform, in the hub's order of platforms.
    expect(rows.map((line) => line.split(' ')[0])).toEqual(
      ['vox', 'vogent', 'generic', 'numbers-assignment'].flatMap((provider) => Array<string>(4).fill(provider)),
    );
    expect(result.stdout).toMatch(/^PROVIDER +ID +NUMBER +E164 +STATUS +AGENT +LABEL +TYPE +CREATED$/m);

    // The first vox number of the table, given as +82 ... and found again on vox by findByNumber.
    const [, voxId, voxNumber, voxE164, , voxAgent] = rows[0]!.split(/ {2,}/);
    expect(voxNumber).toMatch(/^0\d+$/);
    expect(voxE164).toBe(`+82${voxNumber!.slice(1)}`);
    const found = result.stdout.slice(result.stdout.indexOf('== One number'), result.stdout.indexOf('== One campaign'));
    const spelling = /^"(\+82 [\d -]+)" is /m.exec(found)?.[1];
    expect(spelling).toBeDefined();
    expect(spelling!.replace(/\D/g, '')).toBe(voxE164!.slice(1));
    expect(found).toContain(`"${spelling}" is ${voxE164}: on vox as ${voxNumber} (${voxId}), answered by agent ${voxAgent === '-' ? 'none' : voxAgent}.`);

    expect(result.stdout).toMatch(/^PROVIDER +ID +NAME +STATUS +AGENT +FROM +CALLS +CREATED$/m);
    expect(result.stdout).toMatch(/^(vox|vogent|vapi|bland) calls it "([^"]+)"; every platform's word maps to "[a-z]+"\.$/m);
    const [, , raw, unified] = /^(\S+) calls it "([^"]+)"; every platform's word maps to "([a-z]+)"\.$/m.exec(result.stdout)!;
    expect(raw).not.toBe(unified);
    expect(result.stdout).toMatch(/^Caught NotFoundError from vox \(HTTP 404\):$/m);
    expect(result.stdout).toContain('Sandbox closed.');
  });
});
