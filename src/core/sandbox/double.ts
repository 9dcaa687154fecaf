/** A platform double as the sandbox runs it: it answers requests in the platform's own wire format. */
export interface SandboxPlatform {
  /** An answer in the platform's own error envelope (used for injected faults too). */
  error(status: number, code: string, message: string, headers?: Record<string, string>): Response;
  /** The platform's refusal when the request's credentials are missing or wrong; `null` when they are right. */
  authenticate(request: Request): Response | null;
  /** Answers an authenticated request; `path` is relative to the platform's base URL, e.g. `/phone_numbers`. */
  handle(request: Request, path: string, query: URLSearchParams): Promise<Response>;
  /** Puts the platform's records back to the seed data. */
  reset(): void;
}

/** What a double is built with. */
export interface SandboxPlatformSettings<Seed> {
  /** The key the double accepts. */
  apiKey: string;
  /** The values of the provider's own options the double accepts (e.g. `organizationId`). */
  options: Readonly<Record<string, string | undefined>>;
  /** A fresh copy of the seed data; called again on `reset()`. */
  seed: () => Seed;
}

/**
 * A platform's sandbox double, kept in the platform's folder: seed data in its wire format and a
 * request handler that behaves as the platform's documentation says. `voiceplane/testing` serves it.
 */
export interface SandboxDouble<Seed = unknown> {
  /** The records the double starts with, as the platform's wire: the same on every run (a seeded generator). */
  seed(): Seed;
  /** Builds the double over a copy of the seed. */
  create(settings: SandboxPlatformSettings<Seed>): SandboxPlatform;
}
