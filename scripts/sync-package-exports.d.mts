/** The "exports" map the library entries call for. */
export function expectedExports(): Record<string, unknown>;
/** The "typesVersions" map the library entries call for. */
export function expectedTypesVersions(): Record<string, Record<string, string[]>>;
