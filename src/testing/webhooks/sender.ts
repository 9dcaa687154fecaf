import { randomBytes } from 'node:crypto';
import { InvalidRequestError } from '../../core/errors.js';
import { describeValue } from '../../core/kit/describe-value.js';
import { blandEvents } from './bland.js';
import { elevenLabsEvents } from './elevenlabs.js';
import type { PlatformEvents } from './platform-events.js';
import { retellEvents } from './retell.js';
import { vapiEvents } from './vapi.js';

/** The platforms whose placed calls the sandbox reports by webhook: those `parseWebhook` reads. */
export type SandboxWebhookProvider = 'vapi' | 'retell' | 'elevenlabs' | 'bland';

const platforms: Readonly<Record<SandboxWebhookProvider, PlatformEvents>> = {
  vapi: vapiEvents,
  retell: retellEvents,
  elevenlabs: elevenLabsEvents,
  bland: blandEvents,
};
const webhookProviders = Object.keys(platforms) as SandboxWebhookProvider[];

/** How often a placed call is read again: the doubles move a call on within seconds. */
const followEveryMs = 200;

/** One webhook the sandbox posted, and how the endpoint answered. */
export interface SandboxWebhookDelivery {
  /** The platform whose shape and signature it has. */
  provider: SandboxWebhookProvider;
  /** The call it is about. */
  callId: string;
  /** The platform's own event type (`status-update`, `end-of-call-report`, `call_ended`, `post_call_transcription`, `call`). */
  platformType: string;
  /** Where it was posted. */
  url: string;
  /** The endpoint's status, or `null` when no answer came (`error` says why). */
  status: number | null;
  /** Why the post failed, or `null`. */
  error: string | null;
}

/** What the sender reads the doubles with (a GET, or a POST of `body`), without counting the read as a request of the user's. */
export type ReadCall = (provider: string, path: string, body?: unknown) => Promise<Response>;

/** Follows the calls the doubles place and posts their events, signed, to the webhook URL. */
export interface WebhookSender {
  /** The secret each platform's webhooks are signed with. */
  readonly secrets: Readonly<Record<SandboxWebhookProvider, string>>;
  /** Every webhook posted so far, in order. */
  readonly deliveries: readonly SandboxWebhookDelivery[];
  /** Tells the sender about an answer of a double: a placed call, or a started campaign's calls, are followed from then on. */
  observe(provider: string, method: string, path: string, answer: Response): void;
  /** Stops following calls and waits for posts under way to end (they are aborted). */
  close(): Promise<void>;
}

function checkedUrl(value: unknown): string {
  let url: URL | null = null;
  try {
    url = typeof value === 'string' ? new URL(value.replaceAll('{provider}', 'vapi')) : null;
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidRequestError(
      `sandbox: webhookUrl must be an http or https URL (got ${describeValue(value)}), e.g. http://127.0.0.1:3000/webhooks/{provider}.`,
    );
  }
  return value as string;
}

function checkedSecrets(given: unknown): Record<SandboxWebhookProvider, string> {
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw new InvalidRequestError('sandbox: webhookSecrets must be an object such as { vapi: "...", retell: "..." }.');
  }
  const chosen = (given ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(chosen).filter((name) => !webhookProviders.includes(name as SandboxWebhookProvider));
  if (unknown.length > 0) {
    throw new InvalidRequestError(`sandbox: webhookSecrets has no platform ${unknown.join(', ')}; use ${webhookProviders.join(', ')}.`);
  }
  const secrets = {} as Record<SandboxWebhookProvider, string>;
  for (const provider of webhookProviders) {
    const secret = chosen[provider];
    if (secret !== undefined && (typeof secret !== 'string' || !/^[\x21-\x7e]+$/.test(secret))) {
      throw new InvalidRequestError(`sandbox: webhookSecrets.${provider} must be a non-empty text of printable characters without spaces.`);
    }
    secrets[provider] = (secret as string | undefined) ?? `whsec_sandbox_${provider}_${randomBytes(12).toString('hex')}`;
  }
  return secrets;
}

interface FollowedCall {
  provider: SandboxWebhookProvider;
  id: string;
  sent: Set<string>;
}

interface FollowedCampaign {
  provider: SandboxWebhookProvider;
  id: string;
  /** The calls of the campaign found so far: each is followed once. */
  found: Set<string>;
}

/**
 * The sender behind `startSandbox({ webhookUrl })`. `{provider}` in the URL is replaced by the
 * platform's id, so one handler mounted on `/webhooks/:provider` tells the platforms apart by path.
 */
export function createWebhookSender(options: { url: unknown; secrets: unknown; read: ReadCall }): WebhookSender {
  const urlTemplate = checkedUrl(options.url);
  const secrets = checkedSecrets(options.secrets);
  const deliveries: SandboxWebhookDelivery[] = [];
  const followed = new Map<string, FollowedCall>();
  const campaigns = new Map<string, FollowedCampaign>();
  const aborter = new AbortController();
  const pending = new Set<Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const track = (work: Promise<void>) => {
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  async function post(call: FollowedCall, platformType: string, body: unknown): Promise<void> {
    const text = JSON.stringify(body);
    const url = urlTemplate.replaceAll('{provider}', call.provider);
    const headers = { 'content-type': 'application/json', ...platforms[call.provider].sign(text, secrets[call.provider], Date.now()) };
    const delivery: SandboxWebhookDelivery = { provider: call.provider, callId: call.id, platformType, url, status: null, error: null };
    try {
      const answer = await fetch(url, { method: 'POST', headers, body: text, signal: aborter.signal });
      await answer.arrayBuffer();
      delivery.status = answer.status;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    deliveries.push(delivery);
  }

  async function followOne(call: FollowedCall): Promise<void> {
    const platform = platforms[call.provider];
    const answer = await options.read(call.provider, platform.readPath(call.id));
    // Gone (the sandbox was reset) or unreadable: nothing more will happen to it.
    if (!answer.ok) {
      followed.delete(call.id);
      return;
    }
    const wire = (await answer.json()) as Record<string, unknown>;
    for (const event of platform.dueEvents(wire, Date.now())) {
      if (closed || call.sent.has(event.key)) continue;
      call.sent.add(event.key);
      await post(call, event.platformType, event.body);
    }
    if (platform.finished(wire)) followed.delete(call.id);
  }

  /** Reads every page of a campaign's calls: new ones are followed; the campaign is left once it places no more. */
  async function followCampaign(campaign: FollowedCampaign, key: string): Promise<void> {
    const rule = platforms[campaign.provider].campaigns;
    let page: string | null = null;
    let settled = true;
    do {
      const { path, body } = rule.callsRequest(campaign.id, page);
      const answer = await options.read(campaign.provider, path, body);
      // Gone (the sandbox was reset) or unreadable: it places no more calls.
      if (!answer.ok) {
        campaigns.delete(key);
        return;
      }
      const calls = rule.callsPage(await answer.json());
      for (const id of calls.callIds) {
        if (closed || campaign.found.has(id)) continue;
        campaign.found.add(id);
        followed.set(id, { provider: campaign.provider, id, sent: new Set() });
      }
      settled &&= calls.settled;
      page = calls.nextPage;
    } while (page !== null);
    if (settled) campaigns.delete(key);
  }

  async function tick(): Promise<void> {
    timer = undefined;
    // Campaigns first, so that a call they placed is followed in the same round.
    await Promise.all([...campaigns].map(([key, campaign]) => followCampaign(campaign, key).catch(() => campaigns.delete(key))));
    await Promise.all([...followed.values()].map((call) => followOne(call).catch(() => followed.delete(call.id))));
    schedule();
  }

  function schedule(): void {
    if (closed || timer !== undefined || (followed.size === 0 && campaigns.size === 0)) return;
    timer = setTimeout(() => track(tick()), followEveryMs);
  }

  return {
    secrets,
    deliveries,
    observe(provider, method, path, answer) {
      if (closed || !answer.ok || !(webhookProviders as string[]).includes(provider)) return;
      const webhookProvider = provider as SandboxWebhookProvider;
      if (method !== 'POST') return;
      track(
        answer
          .clone()
          .json()
          .then((body: unknown) => {
            if (closed) return;
            const platform = platforms[webhookProvider];
            const id = platform.placedCallId(method, path, body);
            if (id !== null) followed.set(id, { provider: webhookProvider, id, sent: new Set() });
            const campaignId = id === null ? platform.campaigns.startedCampaignId(method, path, body) : null;
            if (campaignId !== null) campaigns.set(`${webhookProvider}:${campaignId}`, { provider: webhookProvider, id: campaignId, found: new Set() });
            schedule();
          })
          .catch(() => {}),
      );
    },
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      followed.clear();
      campaigns.clear();
      aborter.abort();
      await Promise.allSettled([...pending]);
    },
  };
}
