/** The provider id, in one place for messages and mapped values. */
export const providerId = 'numbers-assignment' as const;
export type NumbersAssignmentId = typeof providerId;
