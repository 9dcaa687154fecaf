/** The provider id, in one place for messages and mapped values. */
export const providerId = 'retell' as const;
export type RetellId = typeof providerId;
