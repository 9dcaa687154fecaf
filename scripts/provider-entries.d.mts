/** The ids of the providers that have an entry point (a folder under src/providers/ with an entry.ts), sorted. */
export function providerEntryIds(): string[];
/** `createVoxClient` for `vox`, `createNumbersAssignmentClient` for `numbers-assignment`. */
export function factoryName(id: string): string;
/** The entries that are not a provider's, each with its source file. */
export const otherEntries: Record<string, string>;
/** Every library entry: the others, then one per provider folder. */
export function libraryEntries(): Record<string, string>;
