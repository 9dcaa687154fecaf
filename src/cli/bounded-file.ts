import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Why a file was not read: it is not there, it is no regular file, or it is larger than the cap. */
export type FileRefusal =
  | { kind: 'missing' }
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; bytes: number; maxBytes: number }
  | { kind: 'unreadable'; code: string };

/** Thrown by `readBoundedFile` with the reason; each caller words it for its own flag or file. */
export class FileRefusedError extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(`file refused: ${refusal.kind}`);
    this.name = 'FileRefusedError';
  }
}

/** What a file that is not a regular one is, for the message. */
function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

/** "1 MB", "50 MB": the cap as the docs say it. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1_000_000)} MB`;
}

/**
 * Reads a UTF-8 file only if it is a regular file (a symlink is followed) of at most `maxBytes`,
 * and never more than that: a named pipe would block the read forever, and a link to /dev/zero
 * would grow without end. Opened without blocking, then checked on the open handle, so the file
 * checked is the file read.
 */
export async function readBoundedFile(path: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer. Not on Windows, which has none.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT') throw new FileRefusedError({ kind: 'missing' });
    if (code === 'EISDIR') throw new FileRefusedError({ kind: 'not-regular', what: 'a directory' });
    throw new FileRefusedError({ kind: 'unreadable', code });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new FileRefusedError({ kind: 'not-regular', what: kindOf(stats) });
    if (stats.size > maxBytes) throw new FileRefusedError({ kind: 'too-large', bytes: stats.size, maxBytes });
    // Read in chunks and counted: a file that grew since the check is still stopped at the cap.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new FileRefusedError({ kind: 'too-large', bytes: length, maxBytes });
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return new TextDecoder().decode(Buffer.concat(chunks, length));
  } finally {
    await handle.close();
  }
}
