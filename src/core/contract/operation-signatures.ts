import type { Agent, AgentListParams, Call, CallListParams, CreateCallInput, GetAgentOptions } from '../call-types.js';
import type {
  Campaign,
  CampaignListParams,
  CreateCampaignInput,
  CreatePhoneNumberInput,
  PhoneNumber,
  PhoneNumberListParams,
  UpdatePhoneNumberInput,
} from '../types.js';
import type { KindOf, OperationName } from './resource-table.js';

/**
 * The neutral types of each operation of the table, for a provider `P`: what a list yields (`item`)
 * and takes (`params`), what an operation returns (`result`), takes (`input`) or takes beside the
 * id (`extra`). The provider contract and the client's types are both built from it, kind by kind.
 */
export interface OperationSignatures<P extends string> {
  /** A page of numbers. */
  'phoneNumbers.list': { item: PhoneNumber<P>; params: PhoneNumberListParams };
  /** One number. */
  'phoneNumbers.get': { result: PhoneNumber<P> };
  /** Adds a number. */
  'phoneNumbers.create': { input: CreatePhoneNumberInput; result: PhoneNumber<P> };
  /** Changes a number. */
  'phoneNumbers.update': { input: UpdatePhoneNumberInput; result: PhoneNumber<P> };
  /** Removes a number. */
  'phoneNumbers.delete': { result: void };
  /** The numbers of an agent. */
  'phoneNumbers.listByAgent': { item: PhoneNumber<P>; params: PhoneNumberListParams };
  /** One campaign. */
  'campaigns.get': { result: Campaign<P> };
  /** A page of campaigns. */
  'campaigns.list': { item: Campaign<P>; params: CampaignListParams };
  /** Creates a campaign. */
  'campaigns.create': { input: CreateCampaignInput; result: Campaign<P> };
  /** Pauses a campaign. */
  'campaigns.pause': { result: void };
  /** Resumes a campaign. */
  'campaigns.resume': { result: void };
  /** Cancels a campaign. */
  'campaigns.cancel': { result: void };
  /** Calls again the recipients a finished or failed campaign did not reach. */
  'campaigns.retry': { result: void };
  /** Places a call. */
  'calls.create': { input: CreateCallInput; result: Call<P> };
  /** A page of calls. */
  'calls.list': { item: Call<P>; params: CallListParams };
  /** One call. */
  'calls.get': { result: Call<P> };
  /** A page of agents. */
  'agents.list': { item: Agent<P>; params: AgentListParams };
  /** One agent. */
  'agents.get': { extra: GetAgentOptions; result: Agent<P> };
}

/** The neutral types of one operation. */
export type SignatureOf<P extends string, Name extends OperationName> = OperationSignatures<P>[Name];

// Compile-time checks that the table and the signatures name the same operations, and that each
// signature has what its kind needs.
type Missing = Exclude<OperationName, keyof OperationSignatures<string>> | Exclude<keyof OperationSignatures<string>, OperationName>;
type Needs<K> = K extends 'list' | 'listBy'
  ? { item: unknown; params: unknown }
  : K extends 'create' | 'update'
    ? { input: unknown; result: unknown }
    : K extends 'byIdWith'
      ? { extra: unknown; result: unknown }
      : { result: unknown };
type Mismatched = { [Name in OperationName]: OperationSignatures<string>[Name] extends Needs<KindOf<Name>> ? never : Name }[OperationName];
/** Never: every operation of the table has a signature of its kind, and no signature lacks a row. */
export type TableSignatureMismatch = Missing | Mismatched;
const tableMatchesSignatures: [TableSignatureMismatch] extends [never] ? true : false = true;
void tableMatchesSignatures;
