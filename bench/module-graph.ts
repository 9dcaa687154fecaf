// What an import loads, counted from the files rather than timed: the modules its static imports
// reach (dynamic `import()` is lazy, left out) and their source bytes. A figure that does not move
// with the machine's load, beside the timed cold start.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The files a set of entries loads at import, by URL, with their sizes in bytes. */
export function staticGraph(specifiers: readonly string[]): Map<string, number> {
  const seen = new Map<string, number>();
  const pending = specifiers.map((specifier) => import.meta.resolve(specifier));
  while (pending.length > 0) {
    const url = pending.pop()!;
    if (seen.has(url) || !url.startsWith('file:')) continue;
    const source = readFileSync(fileURLToPath(url), 'utf8');
    seen.set(url, Buffer.byteLength(source));
    // `import ... from 'x'`, `import 'x'`, `export ... from 'x'`; never `import('x')`.
    for (const match of source.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[^'";()]*?\sfrom\s*)?["']([^"']+)["']/g)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:')) continue;
      pending.push(specifier.startsWith('.') ? new URL(specifier, url).href : importResolve(specifier, url));
    }
  }
  return seen;
}

/** Resolves a bare specifier as Node would from `parent` (every package here sits in the root's node_modules). */
function importResolve(specifier: string, parent: string): string {
  try {
    return import.meta.resolve(specifier, parent);
  } catch {
    return import.meta.resolve(specifier);
  }
}

export interface ModuleCost {
  name: string;
  /** Modules and source bytes the entry loads at import beyond what ky and zod/mini load. */
  modules: number;
  bytes: number;
}

/** Each entry's modules and bytes beyond those of ky and zod/mini together. */
export function moduleCosts(entries: readonly string[]): ModuleCost[] {
  const dependencies = staticGraph(['ky', 'zod/mini']);
  return entries.map((entry) => {
    let modules = 0;
    let bytes = 0;
    for (const [url, size] of staticGraph([entry])) {
      if (dependencies.has(url)) continue;
      modules++;
      bytes += size;
    }
    return { name: entry, modules, bytes };
  });
}
