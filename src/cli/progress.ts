/** Moves to the start of the line and erases it. */
const eraseLine = '\r\u001b[2K';

export interface ProgressOptions {
  stream: { write(text: string): unknown };
  /** Drawn only on a terminal: in a pipe or a log file the line would be noise. */
  enabled: boolean;
  now(): number;
  /** What is being listed, e.g. "phone numbers". */
  noun: string;
}

/**
 * One line on stderr, rewritten in place while a list spans more than one page: pages, items and
 * the rate. It is erased before data is written, so that a terminal showing both stays readable.
 */
export class ProgressLine {
  readonly #options: ProgressOptions;
  readonly #startedAt: number;
  #pages = 0;
  #items = 0;
  #visible = false;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#startedAt = options.now();
  }

  /** Counts a page that arrived and redraws the line, unless the whole list was one page. */
  page(itemCount: number, hasMore: boolean, totalCount: number | null): void {
    this.#pages += 1;
    this.#items += itemCount;
    if (!this.#options.enabled || (this.#pages === 1 && !hasMore)) return;
    const seconds = (this.#options.now() - this.#startedAt) / 1000;
    const of = totalCount === null ? '' : ` of ${totalCount}`;
    const rate = seconds > 0 ? `, ${Math.round(this.#items / seconds)} items/s` : '';
    const pages = `${this.#pages} page${this.#pages === 1 ? '' : 's'}`;
    this.#options.stream.write(`${eraseLine}${this.#options.noun}: ${pages}, ${this.#items}${of} items${rate}`);
    this.#visible = true;
  }

  /** Erases the line (before data is written, and at the end). */
  clear(): void {
    if (!this.#visible) return;
    this.#options.stream.write(eraseLine);
    this.#visible = false;
  }
}
