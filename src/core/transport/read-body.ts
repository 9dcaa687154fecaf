/** Thrown by `readBody` when a body outgrows the cap; the transport turns it into a `ResponseValidationError`. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

const decoder = new TextDecoder();

/**
 * Reads a response body as text, refusing to hold more than `limit` bytes. An uncompressed body with
 * a declared Content-Length takes the fast path; any other is counted as it arrives, after decoding:
 * for a compressed body, Content-Length counts the compressed bytes while fetch hands over the
 * decompressed ones, so a few kilobytes of gzip could otherwise become megabytes in memory.
 */
export async function readBody(response: Response, limit: number): Promise<string> {
  const encoding = response.headers.get('content-encoding')?.trim().toLowerCase() ?? '';
  const identity = encoding === '' || encoding === 'identity';
  const declared = identity ? Number(response.headers.get('content-length') ?? Number.NaN) : Number.NaN;
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new BodyTooLargeError(limit);
  }
  if (!response.body) return '';
  if (Number.isFinite(declared) && declared <= limit) {
    // The server could still send more than it declared; undici refuses a body longer than its Content-Length.
    return response.text();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
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
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(all);
}
