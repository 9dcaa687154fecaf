/**
 * What the platform's reference page does not document, gathered here so that a correction is a
 * change to this one file. The page shows a `pagination` object in every list response but no
 * query parameter to continue from it or to size a page; these are the names the API family uses
 * elsewhere and the ones a server of this shape is most likely to read.
 */

/** Query parameter that asks for the page after `pagination.next_cursor`. */
export const cursorParameter = 'cursor';

/** Query parameter that sizes a page. */
export const pageSizeParameter = 'limit';

/**
 * Largest `limit` accepted before any request. The page documents no range; 100 is the common
 * ceiling of this API family, and a server that allows less answers with its own 400.
 */
export const maxLimit = 100;

/**
 * The cursor of the next page, or `null` on the last page. The page ends when `has_more` is false
 * or `next_cursor` is null (or empty): a cursor left on a page that says there is nothing more is
 * not followed, so a server that echoes its last cursor cannot send iteration round again.
 */
export function nextCursorOf(pagination: { has_more: boolean; next_cursor?: string | null | undefined }): string | null {
  if (!pagination.has_more) return null;
  return pagination.next_cursor || null;
}
