import { createRandom, e164, isoSeconds, momentBetween, seedNow, seedStart, shuffledShares, unique } from '../../provider.js';

/** A phone number summary of the generic X-API-Key platform (`created_at` ISO 8601). */
export interface GenericPhoneNumberWire {
  phone_number_id: string;
  phone_number: string;
  provider: 'twilio' | 'sip';
  status: 'free' | 'assigned';
  supports_inbound: boolean;
  supports_outbound: boolean;
  assigned_agent_id: string | null;
  created_at: string;
}

export interface GenericSeed {
  phoneNumbers: GenericPhoneNumberWire[];
}

/** 150 numbers: twilio and sip, free and assigned, E.164 in the US, Canada and the UK; newest first. */
export function genericSeed(): GenericSeed {
  const random = createRandom(0x67656e);
  const agents = Array.from({ length: 7 }, () => `agent_${random.hex(12)}`);
  const statuses = shuffledShares(random, [
    ['assigned', 90],
    ['free', 60],
  ] as const);
  const taken = new Set<string>();
  const phoneNumbers = statuses.map((status): GenericPhoneNumberWire => {
    const provider = random.chance(0.7) ? 'twilio' : 'sip';
    return {
      phone_number_id: `phon_${random.hex(12)}`,
      phone_number: unique(taken, () => e164(random, random.pick(['US', 'US', 'US', 'CA', 'GB'] as const))),
      provider,
      status,
      supports_inbound: provider === 'twilio' || random.chance(0.8),
      supports_outbound: provider === 'twilio' || random.chance(0.6),
      assigned_agent_id: status === 'assigned' ? random.pick(agents) : null,
      created_at: isoSeconds(momentBetween(random, seedStart, seedNow)),
    };
  });
  phoneNumbers.sort((left, right) => right.created_at.localeCompare(left.created_at));
  return { phoneNumbers };
}
