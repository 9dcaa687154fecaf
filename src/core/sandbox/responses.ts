/** Builds the JSON answers every platform module sends. */

let requestCounter = 0;

/** A JSON response with a request id, as real platforms send, so `APIError.requestId` has something to show. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  requestCounter += 1;
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-request-id': `sandbox-${requestCounter.toString(36).padStart(6, '0')}`,
      ...headers,
    },
  });
}

/** A response without a body (numbers-assignment's delete). */
export function empty(status: number): Response {
  requestCounter += 1;
  return new Response(null, { status, headers: { 'x-request-id': `sandbox-${requestCounter.toString(36).padStart(6, '0')}` } });
}

/** The parsed JSON body, or `undefined` when there is none or it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
