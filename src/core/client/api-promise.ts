import { noResponseToShow } from '../kit/call-errors.js';
import { ResponseValidationError } from '../errors.js';
import type { HttpResponse } from '../transport/types.js';

/** What `withResponse()` resolves to: the value, the response it came from, and the platform's request id. */
export interface APIResponse<T> {
  /** What awaiting the operation gives. */
  data: T;
  /**
   * The HTTP response of the operation's last request: status, headers and URL as received, its
   * body the text the SDK read (still readable). An operation that makes two requests (Vogent's
   * create, then start) gives the second.
   */
  response: Response;
  /** The platform's request id (`x-request-id` and the like), for a support ticket; `null` when it sent none. */
  requestId: string | null;
}

/**
 * The responses one call of an operation received, in order; the client reads the last one.
 * @internal
 */
export interface ResponseRecord {
  last: HttpResponse | undefined;
}

/** How the client turns a recorded response into what the caller sees. @internal */
export type ResponseReader = (response: HttpResponse) => { response: Response; requestId: string | null };

interface Outcome<T> {
  data: T;
  record: ResponseRecord;
}

/**
 * The promise every single-object operation returns, after openai-node's `APIPromise`: `await` it
 * for the value; `withResponse()` for the value with its HTTP response and request id;
 * `asResponse()` for the response alone. The request starts at once, whichever is used.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #outcome: Promise<Outcome<T>>;
  readonly #read: ResponseReader;
  readonly #provider: string;

  // `then` builds plain promises, never another APIPromise.
  static override get [Symbol.species]() {
    return Promise;
  }

  /** @internal Made by the client's operations. */
  constructor(outcome: Promise<Outcome<T>>, read: ResponseReader, provider: string) {
    super((resolve) => resolve(null as never));
    this.#outcome = outcome;
    this.#read = read;
    this.#provider = provider;
  }

  override then<Result1 = T, Result2 = never>(
    onfulfilled?: ((value: T) => Result1 | PromiseLike<Result1>) | null,
    onrejected?: ((reason: unknown) => Result2 | PromiseLike<Result2>) | null,
  ): Promise<Result1 | Result2> {
    return this.#outcome.then((outcome) => outcome.data).then(onfulfilled, onrejected);
  }

  override catch<Result = never>(onrejected?: ((reason: unknown) => Result | PromiseLike<Result>) | null): Promise<T | Result> {
    return this.then(undefined, onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  /** The value, the HTTP response it came from, and the platform's request id. */
  async withResponse(): Promise<APIResponse<T>> {
    const { data, record } = await this.#outcome;
    return { data, ...(await this.#reader(record)) };
  }

  /**
   * The HTTP response alone. Unlike awaiting, it also resolves when the body did not have the
   * documented shape (a `ResponseValidationError`), so the body can be looked at as it came.
   */
  async asResponse(): Promise<Response> {
    let record: ResponseRecord | undefined;
    try {
      record = (await this.#outcome).record;
    } catch (error) {
      record = error instanceof ResponseValidationError ? responseRecords.get(error) : undefined;
      if (!record?.last) throw error;
    }
    return (await this.#reader(record)).response;
  }

  async #reader(record: ResponseRecord): Promise<{ response: Response; requestId: string | null }> {
    if (!record.last) {
      const provider = this.#provider;
      throw noResponseToShow(provider);
    }
    return this.#read(record.last);
  }
}

/** The responses behind a `ResponseValidationError`, for `asResponse()`; weak, so an error held by nobody goes. */
const responseRecords = new WeakMap<object, ResponseRecord>();

/**
 * Runs one call of an operation with a fresh record of its responses, and wraps it as an `APIPromise`.
 * A `ResponseValidationError` keeps the record, so that `asResponse()` can still hand the body over.
 */
export function apiPromise<T>(
  run: (record: ResponseRecord) => Promise<T>,
  read: ResponseReader,
  provider: string,
): APIPromise<T> {
  const record: ResponseRecord = { last: undefined };
  const outcome = run(record).then(
    (data) => ({ data, record }),
    (error: unknown) => {
      if (error instanceof ResponseValidationError && record.last) responseRecords.set(error, record);
      throw error;
    },
  );
  return new APIPromise(outcome, read, provider);
}
