/** Where Vapi's full document comes from; the cut's header repeats it. */
export const source: { repository: string; path: string; commit: string; committed: string };
/** The operations the cut keeps, as [lower-case method, path template]. */
export const keptOperations: Array<[string, string]>;
/** Where the cut is written: fixtures/vapi/openapi-cut.json. */
export const outputPath: string;
/** The document cut to the kept operations and every component they reach, with an `x-cut` header. */
export function cut(document: Record<string, any>, cutDate: string): Record<string, any>;
