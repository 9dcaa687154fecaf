import type { CliIo } from './io.js';

/** Moves to the start of the line and erases it. */
const eraseLine = '\r\u001b[2K';

/** Redrawn at most this often: a hub yields items one by one, and a terminal need not see each. */
const redrawEveryMs = 100;

export interface ProgressOptions {
  stream: { write(text: string): unknown };
  /** Drawn only on a terminal: in a pipe or a log file the line would be noise. */
  enabled: boolean;
  now(): number;
  /** What is being listed, e.g. "phone numbers". */
  noun: string;
}

/**
 * Whether the progress line is drawn: only when stderr is a terminal that can move its cursor
 * (not TERM=dumb), and not with --quiet.
 */
export function progressEnabled(io: CliIo, quiet: boolean): boolean {
  return io.stderrIsTTY && io.env.TERM !== 'dumb' && !quiet;
}

/**
 * One line on stderr, rewritten in place while a list spans more than one page: pages, items and
 * the rate. It is erased before data is written, and the cursor is left at its start, so that
 * the output of `| head` on the same terminal writes over it rather than after it.
 */
export class ProgressLine {
  readonly #options: ProgressOptions;
  readonly #startedAt: number;
  #pages = 0;
  #items = 0;
  #visible = false;
  #drawnAt = Number.NEGATIVE_INFINITY;

  constructor(options: ProgressOptions) {
    this.#options = options;
    this.#startedAt = options.now();
  }

  /** Counts a page that arrived and redraws the line, unless the whole list was one page. */
  page(itemCount: number, hasMore: boolean, totalCount: number | null): void {
    this.#pages += 1;
    this.#items += itemCount;
    if (!this.#options.enabled || (this.#pages === 1 && !hasMore)) return;
    const pages = `${this.#pages} page${this.#pages === 1 ? '' : 's'}`;
    this.#draw(`${pages}, ${this.#items}${totalCount === null ? '' : ` of ${totalCount}`} items`);
  }

  /** Counts items that arrived one by one from several platforms (`--all`) and redraws the line now and then. */
  items(count: number, platforms: number): void {
    this.#items += count;
    if (!this.#options.enabled) return;
    this.#draw(`${this.#items} items from ${platforms} platform${platforms === 1 ? '' : 's'}`, true);
  }

  /** A line with no count (`numbers find`): what is being waited for, and for how long. */
  waiting(text: string): void {
    if (!this.#options.enabled) return;
    const seconds = Math.floor((this.#options.now() - this.#startedAt) / 1000);
    this.#write(`${this.#options.noun}: ${text}${seconds > 0 ? ` (${seconds} s)` : ''}`);
  }

  #draw(counts: string, throttled = false): void {
    const now = this.#options.now();
    if (throttled && now - this.#drawnAt < redrawEveryMs) return;
    this.#drawnAt = now;
    const seconds = (now - this.#startedAt) / 1000;
    const rate = seconds > 0 ? `, ${Math.round(this.#items / seconds)} items/s` : '';
    this.#write(`${this.#options.noun}: ${counts}${rate}`);
  }

  #write(text: string): void {
    this.#options.stream.write(`${eraseLine}${text}\r`);
    this.#visible = true;
  }

  /** Erases the line (before data is written, at the end, and when the process is stopped). */
  clear(): void {
    if (!this.#visible) return;
    this.#options.stream.write(eraseLine);
    this.#visible = false;
  }
}
