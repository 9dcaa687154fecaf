/**
 * ElevenLabs' API hosts, as its SDK (`@elevenlabs/elevenlabs-js`, `environments`) lists them. The
 * default is `production`; a workspace created under data residency is reached through its own
 * region's host, passed as `baseUrl`.
 */
export const elevenLabsBaseUrls = {
  /** The default host. */
  production: 'https://api.elevenlabs.io',
  /** The United States host. */
  us: 'https://api.us.elevenlabs.io',
  /** The European Union data-residency host. */
  euResidency: 'https://api.eu.residency.elevenlabs.io',
  /** The India data-residency host. */
  inResidency: 'https://api.in.residency.elevenlabs.io',
  /** The Singapore data-residency host. */
  sgResidency: 'https://api.sg.residency.elevenlabs.io',
} as const;
