import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// docs/webhooks.md shows each handler example as the file the suite runs: the block after a
// mention of `docs/examples/<file>` must be that file, byte for byte, so the two cannot drift.

const docsUrl = new URL('../../docs/webhooks.md', import.meta.url);
const examplesUrl = new URL('../../docs/examples/', import.meta.url);
const docs = readFileSync(docsUrl, 'utf8');
const exampleFiles = readdirSync(examplesUrl).filter((name) => /^webhooks-.*\.ts$/.test(name));

/** The `ts` block that follows the paragraph naming `docs/examples/<name>`, or `null`. */
function shownBlock(name: string): string | null {
  const mention = docs.indexOf(`\`docs/examples/${name}\``);
  if (mention === -1) return null;
  const found = /\n```ts\n([\s\S]*?)```/.exec(docs.slice(mention));
  return found ? found[1]! : null;
}

describe('docs/webhooks.md shows the example files the tests run', () => {
  it('finds the four example files', () => {
    expect(exampleFiles.sort()).toEqual(['webhooks-express.ts', 'webhooks-fetch.ts', 'webhooks-node.ts', 'webhooks-secrets.ts']);
  });

  it.each(exampleFiles)('the block after `docs/examples/%s` is that file, unchanged', (name) => {
    expect(shownBlock(name)).toBe(readFileSync(new URL(name, examplesUrl), 'utf8'));
  });
});
