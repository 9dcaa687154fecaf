import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

/** What a platform account allows: the limit server answers 429 past it. */
export interface AccountLimits {
  requestsPerSecond: number;
  maxInFlight: number;
  /** How long the server takes to answer a request it accepts. */
  answerMs: number;
  /** The Retry-After it sends with a 429, in seconds. */
  retryAfterSeconds: number;
}

/** The server's view of a run. */
export interface ServerView {
  /** Requests that reached the server, 429s included. */
  requests: number;
  /** Requests answered 429 (past the rate or the number in flight). */
  rateLimited: number;
  /** The most requests that arrived within any one second, 429s included. */
  mostInAnySecond: number;
  /** The most requests in flight at once. */
  mostInFlight: number;
}

const page = JSON.stringify({
  success: true,
  data: [{ phone_number_id: 'phon_1', phone_number: '+15551234567', provider: 'twilio', status: 'assigned', created_at: '2024-01-15T10:30:00Z' }],
  pagination: { next_cursor: null, has_more: false, page_size: 1, total_count: 1 },
});

/**
 * A loopback platform that enforces an account's limits as platforms do: a request beyond
 * `requestsPerSecond` (over any sliding second) or beyond `maxInFlight` is answered 429 with
 * Retry-After. Every list request is answered with one page of the generic provider's numbers.
 */
export class LimitServer {
  readonly #limits: AccountLimits;
  readonly #server: Server;
  /** Arrival times of accepted requests in the last second, to decide. */
  #accepted: number[] = [];
  /** Arrival times of every request, to report. */
  readonly #arrivals: number[] = [];
  #inFlight = 0;
  #view: ServerView = { requests: 0, rateLimited: 0, mostInAnySecond: 0, mostInFlight: 0 };

  private constructor(limits: AccountLimits) {
    this.#limits = limits;
    this.#server = createServer((request, response) => {
      request.resume();
      const now = performance.now();
      this.#arrivals.push(now);
      this.#view.requests++;
      this.#inFlight++;
      this.#view.mostInFlight = Math.max(this.#view.mostInFlight, this.#inFlight);
      this.#accepted = this.#accepted.filter((at) => now - at < 1000);
      const finish = () => this.#inFlight--;
      if (this.#accepted.length >= limits.requestsPerSecond || this.#inFlight > limits.maxInFlight) {
        this.#view.rateLimited++;
        finish();
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limits.retryAfterSeconds) });
        response.end(JSON.stringify({ success: false, error: { code: 'rate_limited', message: 'Too many requests' } }));
        return;
      }
      this.#accepted.push(now);
      setTimeout(() => {
        finish();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(page);
      }, limits.answerMs);
    });
  }

  /** Starts the server on a free loopback port. */
  static async start(limits: AccountLimits): Promise<LimitServer> {
    const server = new LimitServer(limits);
    server.#server.listen(0, '127.0.0.1');
    await once(server.#server, 'listening');
    return server;
  }

  /** The base URL to give a client. */
  get url(): string {
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** What the server saw since it started. */
  view(): ServerView {
    return { ...this.#view, mostInAnySecond: mostInAnyWindow(this.#arrivals, 1000) };
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }
}

/** The most times that fall within any window of `windowMs`. */
export function mostInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= windowMs) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
