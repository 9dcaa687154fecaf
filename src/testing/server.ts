import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { InvalidRequestError } from '../core/errors.js';
import { createSandboxCore, type SandboxCore } from './core.js';
import { createWebhookSender, type WebhookSender } from './webhooks/sender.js';
import { json } from '../core/sandbox/responses.js';
import type { Sandbox, SandboxOptions } from './types.js';
import { describeValue } from '../core/kit/describe-value.js';

/** Turns a node:http request into a Fetch `Request`, the form the core takes. */
async function toFetchRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  const method = message.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(new URL(message.url ?? '/', origin), { method, headers, body });
}

async function send(response: Response, target: ServerResponse): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (target.destroyed) return;
  target.writeHead(response.status, { ...Object.fromEntries(response.headers), 'content-length': String(body.length) });
  target.end(body);
}

/** Which platform a path belongs to (`/vox/...`), and the path under it. */
function mount(pathname: string, providers: readonly string[]): { provider: string; path: string } | null {
  for (const provider of providers) {
    const prefix = `/${provider}`;
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return { provider, path: pathname.slice(prefix.length) || '/' };
  }
  return null;
}

async function route(core: SandboxCore, message: IncomingMessage, target: ServerResponse, origin: string): Promise<void> {
  const request = await toFetchRequest(message, origin);
  const mounted = mount(new URL(request.url).pathname, core.providers);
  if (mounted === null) {
    const platforms = Object.fromEntries(core.providers.map((provider) => [provider, core.baseUrl(provider)]));
    return send(json(404, { error: 'Not a sandbox platform: use one of these base URLs.', platforms }), target);
  }
  return send(await core.handle(mounted.provider, request, mounted.path), target);
}

/**
 * Starts the sandbox: a real HTTP server on 127.0.0.1 speaking each platform's wire format under its
 * own prefix (vox at `${url}/vox`, Vogent at `${url}/vogent`, ...), over seed data of a few hundred
 * numbers each, from the sandbox double in each provider's folder. Writes last until `reset()` or
 * `close()`.
 *
 * ```ts
 * const sandbox = await startSandbox();
 * const vox = createClient(sandbox.clientOptions('vox'));
 * await sandbox.close();
 * ```
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { port: wantedPort = 0, webhookUrl, webhookSecrets, ...coreOptions } = options;
  if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65_535) {
    throw new InvalidRequestError(`sandbox: port must be a whole number from 0 to 65535 (got ${describeValue(wantedPort)}); 0 picks a free one.`);
  }
  if (webhookUrl === undefined && webhookSecrets !== undefined) {
    throw new InvalidRequestError('sandbox: webhookSecrets needs a webhookUrl to post the signed events to.');
  }
  let origin = '';
  let sender: WebhookSender | undefined;
  const core = createSandboxCore(coreOptions, (provider) => `${origin}/${provider}`, (...answer) => sender?.observe(...answer));
  if (webhookUrl !== undefined) sender = createWebhookSender({ url: webhookUrl, secrets: webhookSecrets, read: core.read });
  await core.ready;
  const sockets = new Set<Socket>();
  const server = createServer((message, target) => {
    route(core, message, target, origin).catch(() => {
      if (!target.destroyed) target.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: NodeJS.ErrnoException) =>
      reject(
        new InvalidRequestError(
          `sandbox: cannot listen on 127.0.0.1:${wantedPort} (${error.code ?? error.message}); choose another port, or 0 for a free one.`,
          { cause: error },
        ),
      );
    server.once('error', refuse);
    server.listen(wantedPort, '127.0.0.1', () => {
      server.off('error', refuse);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  const { handle: _handle, read: _read, ready: _ready, providers: _providers, ...controls } = core;
  return {
    ...controls,
    url: origin,
    port,
    webhookSecrets: sender?.secrets ?? null,
    webhookDeliveries: sender?.deliveries ?? [],
    close(): Promise<void> {
      closing ??= Promise.all([
        sender?.close(),
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        }),
      ]).then(() => undefined);
      return closing;
    },
  };
}
