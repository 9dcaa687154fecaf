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

/** The neutral types of a `list` or `listBy` operation. */
export interface ListingSignature<Item, Params> {
  /** One item of a page, what iterating the page yields. */
  item: Item;
  /** The neutral list parameters: filters, `limit`, `cursor`. */
  params: Params;
}

/** The neutral types of a `byId` operation: one object by its id, or an action on it. */
export interface ResultSignature<Result> {
  /** What the call resolves to; `void` for an action. */
  result: Result;
}

/** The neutral types of a `create` or `update` operation. */
export interface InputSignature<Input, Result> {
  /** What the caller passes: the new object, or the changes (`update`). */
  input: Input;
  /** The object as the platform stored it. */
  result: Result;
}

/** The neutral types of a `byIdWith` operation. */
export interface ExtraSignature<Extra, Result> {
  /** The operation's own options, passed after the id. */
  extra: Extra;
  /** The object fetched. */
  result: Result;
}

/**
 * The neutral types of each operation of the table, for a provider `P`: what a list yields (`item`)
 * and takes (`params`), what an operation returns (`result`), takes (`input`) or takes beside the
 * id (`extra`). The provider contract and the client's types are both built from it, kind by kind.
 */
export interface OperationSignatures<P extends string> {
  /** A page of numbers. */
  'phoneNumbers.list': ListingSignature<PhoneNumber<P>, PhoneNumberListParams>;
  /** One number. */
  'phoneNumbers.get': ResultSignature<PhoneNumber<P>>;
  /** Adds a number. */
  'phoneNumbers.create': InputSignature<CreatePhoneNumberInput, PhoneNumber<P>>;
  /** Changes a number. */
  'phoneNumbers.update': InputSignature<UpdatePhoneNumberInput, PhoneNumber<P>>;
  /** Removes a number. */
  'phoneNumbers.delete': ResultSignature<void>;
  /** The numbers of an agent. */
  'phoneNumbers.listByAgent': ListingSignature<PhoneNumber<P>, PhoneNumberListParams>;
  /** One campaign. */
  'campaigns.get': ResultSignature<Campaign<P>>;
  /** A page of campaigns. */
  'campaigns.list': ListingSignature<Campaign<P>, CampaignListParams>;
  /** Creates a campaign. */
  'campaigns.create': InputSignature<CreateCampaignInput, Campaign<P>>;
  /** Pauses a campaign. */
  'campaigns.pause': ResultSignature<void>;
  /** Resumes a campaign. */
  'campaigns.resume': ResultSignature<void>;
  /** Cancels a campaign. */
  'campaigns.cancel': ResultSignature<void>;
  /** Calls again the recipients a finished or failed campaign did not reach. */
  'campaigns.retry': ResultSignature<void>;
  /** Places a call. */
  'calls.create': InputSignature<CreateCallInput, Call<P>>;
  /** A page of calls. */
  'calls.list': ListingSignature<Call<P>, CallListParams>;
  /** One call. */
  'calls.get': ResultSignature<Call<P>>;
  /** A page of agents. */
  'agents.list': ListingSignature<Agent<P>, AgentListParams>;
  /** One agent. */
  'agents.get': ExtraSignature<GetAgentOptions, Agent<P>>;
}

/** The neutral types of one operation. */
export type SignatureOf<P extends string, Name extends OperationName> = OperationSignatures<P>[Name];

// Compile-time checks that the table and the signatures name the same operations, and that each
// signature has what its kind needs.
type Missing = Exclude<OperationName, keyof OperationSignatures<string>> | Exclude<keyof OperationSignatures<string>, OperationName>;
type Needs<K> = K extends 'list' | 'listBy'
  ? ListingSignature<unknown, unknown>
  : K extends 'create' | 'update'
    ? InputSignature<unknown, unknown>
    : K extends 'byIdWith'
      ? ExtraSignature<unknown, unknown>
      : { result: unknown };
type Mismatched = { [Name in OperationName]: OperationSignatures<string>[Name] extends Needs<KindOf<Name>> ? never : Name }[OperationName];
/** Never: every operation of the table has a signature of its kind, and no signature lacks a row. */
export type TableSignatureMismatch = Missing | Mismatched;
const tableMatchesSignatures: [TableSignatureMismatch] extends [never] ? true : false = true;
void tableMatchesSignatures;
