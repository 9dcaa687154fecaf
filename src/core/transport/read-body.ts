/** Thrown by `readBody` when a body outgrows the cap; the transport turns it into a `ResponseValidationError`. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

const decoder = /* @__PURE__ */ new TextDecoder();

/**
 * How the attempt stops a body read under way. The read sets `cancel` while it runs; the attempt's
 * timer or the caller's abort calls it. A direct call rather than an `abort` listener on the
 * attempt's signal: a listener added and removed each attempt is a cost every page pays.
 */
export interface BodyStop {
  /** Set while a read runs: cancels it, and the read throws `reason`. */
  cancel: ((reason: unknown) => void) | undefined;
}

/**
 * Reads a response body as text, refusing to hold more than `limit` bytes. An uncompressed body with
 * a declared Content-Length takes the fast path; any other is counted as it arrives, after decoding:
 * for a compressed body, Content-Length counts the compressed bytes while fetch hands over the
 * decompressed ones, so a few kilobytes of gzip could otherwise become megabytes in memory.
 * `signal`, when already aborted, stops the read at once; `stop` stops it later.
 */
export async function readBody(response: Response, limit: number, signal: AbortSignal, stop: BodyStop): Promise<string> {
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase() ?? '';
  const identity = encoding === '' || encoding === 'identity';
  const declared = identity ? Number(response.headers.get('content-length') ?? Number.NaN) : Number.NaN;
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!response.body) return '';
  // Every body is read here, a declared length included, so that `stop` can end the read: fetch
  // links the request's signal to the body only through a weak reference (undici #3644, node
  // #55428), and once the Request is collected a dripping body would outlive every timeout.
  const reader = response.body.getReader();
  // Cancelling the reader settles a pending read as done, so no read waits on a race of its own: the
  // loop ends, and the reason is thrown below.
  let stoppedBy: { reason: unknown } | undefined;
  stop.cancel = (reason) => {
    stoppedBy = { reason };
    reader.cancel(reason).catch(() => {});
  };
  if (signal.aborted) stop.cancel(signal.reason);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLargeError(limit);
      }
      chunks.push(value);
    }
  } finally {
    stop.cancel = undefined;
  }
  if (stoppedBy) throw stoppedBy.reason;
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
