import type { Page } from '../../src/index.js';

/** Every page of a listing, following its cursor as the client's iteration does. */
export async function allPages<T>(listing: { pages(): AsyncIterable<Page<T>> }): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  for await (const page of listing.pages()) pages.push(page);
  return pages;
}
