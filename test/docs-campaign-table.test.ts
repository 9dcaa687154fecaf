import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createClient, type OperationName } from '../src/index.js';

// docs/campaigns.md keeps the operation table of every platform; the vox and Vogent columns must
// say what those clients answer to supports().

const rows: Record<string, OperationName[]> = {
  '`phoneNumbers.update({ agentId })`': ['phoneNumbers.update'],
  '`campaigns.list` / `get`': ['campaigns.list', 'campaigns.get'],
  '`campaigns.create`': ['campaigns.create'],
  '`campaigns.pause` / `resume`': ['campaigns.pause', 'campaigns.resume'],
  '`campaigns.cancel`': ['campaigns.cancel'],
};

describe('docs/campaigns.md operation table', () => {
  it('says for vox and Vogent exactly what supports() answers', async () => {
    const text = await readFile(new URL('../docs/campaigns.md', import.meta.url), 'utf8');
    for (const [index, provider] of (['vox', 'vogent'] as const).entries()) {
      const client = createClient({ provider, apiKey: 'k' });
      for (const [row, operations] of Object.entries(rows)) {
        const line = text.split('\n').find((candidate) => candidate.startsWith(`| ${row} |`));
        expect(line, row).toBeDefined();
        const cell = line!.split('|').slice(2, -1)[index]!.trim();
        const parts = cell.split('/').map((part) => part.trim().startsWith('yes'));
        // One word for a two-operation row ("yes") speaks for both.
        const said = parts.length === 1 ? operations.map(() => parts[0]) : parts;
        expect(said, `${provider} ${row}`).toEqual(operations.map((operation) => client.supports(operation)));
      }
    }
  });
});
