// The SDK without its transport: what validation, mapping, paging and `for await` cost whatever the
// HTTP client does. Bench only: it patches the transport of the SDK built from src/ (the measured
// dist/ build has its own, which this cannot reach).
import type { HttpResponse } from '../src/core/transport/types.js';

/** The page texts the patched transport keeps, and the function that puts the real transport back. */
export interface TransportAnsweringAtOnce {
  /** Each request's answer body, as text, in the order first asked. */
  texts: ReadonlyMap<string, string>;
  restore(): void;
}

/**
 * Makes the source build's transport answer each request at once with its parsed body: the first
 * time through the real transport (its body kept as text), then from the kept text, so that a
 * listing costs `JSON.parse` and the SDK's own work on the items, and nothing of ky or fetch.
 */
export async function answerRequestsAtOnce(): Promise<TransportAnsweringAtOnce> {
  const { Transport } = await import('../src/core/transport/transport.js');
  const texts = new Map<string, string>();
  const noHeaders = new Headers();
  const send = Transport.prototype.request;
  Transport.prototype.request = async function (this: InstanceType<typeof Transport>, request, options): Promise<HttpResponse> {
    const key = `${request.method} ${request.path} ${JSON.stringify(request.query ?? {})}`;
    let text = texts.get(key);
    if (text === undefined) {
      text = JSON.stringify((await send.call(this, request, options)).data);
      texts.set(key, text);
    }
    return { status: 200, data: JSON.parse(text), headers: noHeaders, requestId: null };
  };
  return {
    texts,
    restore: () => {
      Transport.prototype.request = send;
    },
  };
}
