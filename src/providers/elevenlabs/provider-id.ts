/** The provider id, in one place for messages and mapped values. */
export const providerId = 'elevenlabs' as const;
export type ElevenLabsId = typeof providerId;
