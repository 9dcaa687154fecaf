/** The "exports" map the library entries call for. */
export function expectedExports(): Record<string, unknown>;
/** The "typesVersions" map the library entries call for. */
export function expectedTypesVersions(): Record<string, Record<string, string[]>>;
/** The main entry's type exports of every provider, one line per `export type` of its entry point. */
export function expectedProviderTypeExports(): string;
/** src/index.ts (or `text`) with its block of provider type exports as the entries call for. */
export function expectedIndexText(text?: string): string;
/** Writes package.json's exports and typesVersions, and the main entry's provider type exports. */
export function syncExports(): Record<string, unknown>;
