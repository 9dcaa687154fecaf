// Checks the built package as a user gets it: `import` and `require` both work, up to a real request
// against a loopback server (the CommonJS build carries its own copy of the ESM-only ky).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const page = {
  items: [{ id: 'n1', number: '0212345678', provider: 'vox', status: 'active', created_at: 1735689600000 }],
  total_count: 1,
  next_cursor: null,
};
const seen = [];
const server = createServer((request, response) => {
  seen.push({ url: request.url, authorization: request.headers.authorization });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(page));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;

try {
  const esm = await import('../dist/index.js');
  const cjs = require('../dist/index.cjs');
  for (const [name, sdk] of [['import', esm], ['require', cjs]]) {
    const client = sdk.createClient({ provider: 'vox', apiKey: 'smoke-key', baseUrl });
    const numbers = [];
    // One status: one vox listing (with none, the SDK asks each of vox's statuses in turn).
    for await (const number of client.phoneNumbers.list({ status: 'active' })) numbers.push(number);
    assert.equal(numbers.length, 1, `${name}: one number listed`);
    assert.equal(numbers[0].status.unified, 'active', `${name}: status mapped`);
    assert.ok(numbers[0].createdAt instanceof Date, `${name}: createdAt is a Date`);
    const error = await client.phoneNumbers.get('..').catch((caught) => caught);
    assert.ok(error instanceof sdk.InvalidRequestError, `${name}: bad input is an InvalidRequestError`);
    console.log(`smoke: ${name} of the built package listed ${numbers.length} number and refused a bad id`);
  }
  assert.equal(seen.length, 2);
  assert.ok(seen.every((request) => request.authorization === 'Bearer smoke-key'));
} finally {
  server.close();
}
