import { sdkVersion } from '../version.js';

interface RuntimeGlobals {
  process?: { versions?: { node?: string; bun?: string } };
  Deno?: { version?: { deno?: string } };
}

/**
 * The User-Agent the SDK sends: `voiceplane/<version>` and the runtime (`node/20.20.0`,
 * `bun/1.2.0`, `deno/2.1.0`). `null` in a browser, which sends its own and would make a custom one
 * a header the API's CORS rules must allow.
 */
export function defaultUserAgent(): string | null {
  const runtime = globalThis as RuntimeGlobals;
  const versions = runtime.process?.versions;
  if (versions?.bun) return `voiceplane/${sdkVersion} bun/${versions.bun}`;
  if (runtime.Deno?.version?.deno) return `voiceplane/${sdkVersion} deno/${runtime.Deno.version.deno}`;
  if (versions?.node) return `voiceplane/${sdkVersion} node/${versions.node}`;
  return null;
}
