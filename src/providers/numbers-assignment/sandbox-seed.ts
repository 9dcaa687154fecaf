import { createRandom, daysAfter, e164, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';

/**
 * A phone number assignment of the numbers-assignment platform. `friendlyName` is left out on some
 * records (the platform promises only `id` and `phoneNumber`).
 */
export interface NumbersAssignmentWire {
  id: string;
  phoneNumber: string;
  friendlyName?: string | null;
  agentId: string | null;
  status: 'active' | 'inactive';
  createdAt: string;
  updatedAt: string;
}

export interface NumbersAssignmentSeed {
  numbers: NumbersAssignmentWire[];
  /** The agents the seeded numbers are assigned to. */
  agentIds: string[];
}

const countries = ['US', 'US', 'GB', 'DE', 'FR', 'AU', 'JP', 'KR', 'ES'] as const;
const labels = ['Support line', 'Sales EMEA', 'Front desk', 'Booking hotline', 'After-hours', 'Partner line', 'Campaign test'];

/** 140 assignments (active and inactive) with E.164 numbers of nine countries, oldest first. */
export function numbersAssignmentSeed(): NumbersAssignmentSeed {
  const random = createRandom(0x6e756d);
  const agentIds = Array.from({ length: 10 }, () => `agent_${random.hex(10)}`);
  const statuses = shuffledShares(random, [
    ['active', 100],
    ['inactive', 40],
  ] as const);
  const taken = new Set<string>();
  const numbers = statuses.map((status): NumbersAssignmentWire => {
    const createdAt = momentBetween(random, seedStart, seedNow);
    const id = `num_${random.hex(16)}`;
    const phoneNumber = unique(taken, () => e164(random, random.pick(countries)));
    const label = random.next();
    return {
      id,
      phoneNumber,
      // Some records carry no friendlyName at all: the platform promises only id and phoneNumber.
      ...(label < 0.6 ? { friendlyName: random.pick(labels) } : label < 0.85 ? { friendlyName: null } : {}),
      agentId: status === 'active' || random.chance(0.5) ? random.pick(agentIds) : null,
      status,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(Math.min(daysAfter(random, createdAt, 0, 90), seedNow)).toISOString(),
    };
  });
  numbers.sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  return { numbers, agentIds };
}
