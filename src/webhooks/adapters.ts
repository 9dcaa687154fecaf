import { InvalidRequestError, WebhookPayloadError, WebhookVerificationError } from '../core/errors.js';
import type { ParseWebhookOptions, WebhookEvent } from './call-event.js';
import { parseWebhook } from './parse-webhook.js';
import { checkAnnouncedLength, defaultMaxBodyBytes, readChunks } from './read-body.js';

// One handler per kind of server, over parseWebhook: a refused request gets its status (401 not
// verified, 413 too large, 400 not the platform's JSON) and the refusal's reason as plain text;
// an accepted one reaches your function, and what it returns is the answer (Vapi's tool-calls and
// assistant-request messages expect one), else 200 `{"received":true}`. An error thrown by your
// function is a 500, so a platform that retries (Retell, Bland, ElevenLabs when enabled) sends it again.

/** Your function: it gets each verified event; what it returns (a JSON value, or a Fetch `Response`) is sent back. */
export type WebhookEventHandler = (event: WebhookEvent) => unknown;

/** The status of a refusal, or `null` for an error that is not one (a bug: answer 500). */
export function refusalStatus(error: unknown): number | null {
  if (error instanceof WebhookVerificationError) return 401;
  if (error instanceof WebhookPayloadError) return error.reason === 'body-too-large' ? 413 : 400;
  return null;
}

function refusalText(error: unknown): string {
  return (error as { reason?: string }).reason ?? 'refused';
}

function checkHandler(onEvent: unknown): WebhookEventHandler {
  if (typeof onEvent !== 'function') throw new InvalidRequestError('The webhook handler needs your function, called with each event.');
  return onEvent as WebhookEventHandler;
}

const accepted = '{"received":true}';

/**
 * A Fetch API handler, `(request: Request) => Promise<Response>`: export it as a Next.js route
 * handler's `POST`, pass it to Hono (`(c) => handler(c.req.raw)`), `Bun.serve`, `Deno.serve` or a
 * worker's `fetch`. Errors thrown by `onEvent` propagate, so the framework answers 500 and logs them.
 */
export function createWebhookHandler(options: ParseWebhookOptions, onEvent: WebhookEventHandler): (request: Request) => Promise<Response> {
  const handle = checkHandler(onEvent);
  return async (request) => {
    let event: WebhookEvent;
    try {
      event = await parseWebhook(request, options);
    } catch (error) {
      const status = refusalStatus(error);
      if (status === null) throw error;
      return new Response(refusalText(error), { status, headers: { 'content-type': 'text/plain', ...(status === 413 ? { connection: 'close' } : {}) } });
    }
    const answer = await handle(event);
    if (answer instanceof Response) return answer;
    return new Response(answer === undefined ? accepted : JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

/** The parts of Node's `IncomingMessage` (and Express's request) the handler reads. */
export interface NodeWebhookRequest extends AsyncIterable<Uint8Array | string> {
  /** The headers, as Node gives them. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The path and query. */
  url?: string | undefined;
  /** Express: the path before any router stripped its mount point. */
  originalUrl?: string | undefined;
  /** Express: the body a body parser left (a Buffer with `express.raw()`). */
  body?: unknown;
}

/** The parts of Node's `ServerResponse` (and Express's response) the handler writes. */
export interface NodeWebhookResponse {
  /** Writes the status and headers. */
  writeHead(status: number, headers?: Record<string, string>): unknown;
  /** Ends the answer. */
  end(body?: string): unknown;
}

/** Options of `createNodeWebhookHandler`. */
export interface NodeWebhookHandlerOptions extends ParseWebhookOptions {
  /** Called with an error thrown by your function (the answer is then 500). Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/** The raw body: the Buffer `express.raw()` left, else read from the stream with the ceiling. */
async function nodeBody(request: NodeWebhookRequest, limit: number): Promise<Uint8Array | string> {
  const parsed = request.body;
  if (parsed instanceof Uint8Array || typeof parsed === 'string') return parsed;
  if (parsed !== undefined && parsed !== null && !(typeof parsed === 'object' && Object.keys(parsed).length === 0)) {
    throw new InvalidRequestError(
      'The webhook request body was already parsed (express.json() or similar ran first): the signature covers the raw bytes. ' +
        "Mount express.raw({ type: '*/*' }) on the webhook route instead.",
    );
  }
  const length = request.headers['content-length'];
  checkAnnouncedLength(null, typeof length === 'string' ? length : undefined, limit);
  return readChunks(null, request, limit);
}

/**
 * A handler for Node's `http.createServer` and for Express (`app.post(path, express.raw({ type:
 * '*\/*' }), handler)`): `(request, response) => Promise<void>`. It reads the raw body itself when
 * no body parser did, with the size ceiling.
 */
export function createNodeWebhookHandler(
  options: NodeWebhookHandlerOptions,
  onEvent: WebhookEventHandler,
): (request: NodeWebhookRequest, response: NodeWebhookResponse) => Promise<void> {
  const handle = checkHandler(onEvent);
  const { onError = (error: unknown) => console.error(error), ...parseOptions } = options;
  return async (request, response) => {
    let event: WebhookEvent;
    try {
      const body = await nodeBody(request, parseOptions.maxBodyBytes ?? defaultMaxBodyBytes);
      event = await parseWebhook({ body, headers: request.headers, path: request.originalUrl ?? request.url }, parseOptions);
    } catch (error) {
      const status = refusalStatus(error);
      if (status === null) {
        onError(error);
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('error');
        return;
      }
      response.writeHead(status, { 'content-type': 'text/plain', ...(status === 413 ? { connection: 'close' } : {}) });
      response.end(refusalText(error));
      return;
    }
    try {
      const answer = await handle(event);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(answer === undefined ? accepted : JSON.stringify(answer));
    } catch (error) {
      onError(error);
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('error');
    }
  };
}
