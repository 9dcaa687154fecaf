import { iterateItems } from './iterate-pages.js';
import type { Page } from './page.js';

/**
 * The result of a list call. `await` it for the first page; `for await` over it for every item,
 * page after page; `pages()` for every page. Nothing is requested until one of these is used.
 */
export class PagePromise<T> extends Promise<Page<T>> implements AsyncIterable<T> {
  readonly #load: () => Promise<Page<T>>;
  #first: Promise<Page<T>> | undefined;

  // `then` builds plain promises, never another PagePromise.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** @internal */
  constructor(load: () => Promise<Page<T>>) {
    super((resolve) => resolve(null as never));
    this.#load = load;
  }

  #firstPage(): Promise<Page<T>> {
    this.#first ??= this.#load();
    return this.#first;
  }

  override then<Result1 = Page<T>, Result2 = never>(
    onfulfilled?: ((value: Page<T>) => Result1 | PromiseLike<Result1>) | null,
    onrejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.#firstPage().then(onfulfilled, onrejected);
  }

  override catch<Result = never>(
    onrejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null,
  ): Promise<Page<T> | Result> {
    return this.#firstPage().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onfinally);
  }

  /** Every page, the first included, fetched one after another. */
  pages(): AsyncIterable<Page<T>> {
    return {
      [Symbol.asyncIterator]: async function* (this: PagePromise<T>) {
        const first = await this.#firstPage();
        yield* first.pages();
      }.bind(this),
    };
  }

  /** Every item of every page, fetched page by page as the loop reaches them. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return iterateItems(this.pages()[Symbol.asyncIterator]());
  }
}
