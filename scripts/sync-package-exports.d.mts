/** The "exports" map the library entries call for. */
export function expectedExports(): Record<string, unknown>;
