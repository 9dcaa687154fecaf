/** Statuses whose response cannot have a body: `new Response(text)` refuses one. */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

/**
 * A copy of a response whose body the transport has read: same status, status text, headers and
 * URL, with the text read as its body, so that `withResponse()` hands the caller a `Response` whose
 * body can still be read.
 */
export function rawResponse(response: Response, text: string): Response {
  const body = nullBodyStatuses.has(response.status) ? null : text;
  const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // The URL is read-only on a constructed Response; the caller should still see where the answer came from.
  Object.defineProperty(copy, 'url', { value: response.url, enumerable: true });
  return copy;
}
