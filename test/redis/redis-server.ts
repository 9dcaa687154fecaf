import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';

/**
 * A real redis-server for a test file, on a loopback port of its own, with nothing written to disk.
 * `.ci/run` installs redis-server where it is missing; a machine without it fails here with that advice.
 */
export class RedisServer {
  #process: ChildProcess | undefined;

  private constructor(readonly port: number) {}

  /** Starts redis-server on a free loopback port and waits until it answers PING. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.#spawn();
    return server;
  }

  /** The URL to give a client. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Stops the server at once, as a crash would (SIGKILL): every key is lost. */
  async kill(): Promise<void> {
    await this.#stop('SIGKILL');
  }

  /** Starts it again on the same port, empty. */
  async restart(): Promise<void> {
    await this.#spawn();
  }

  /** Freezes the server (SIGSTOP): connections stay open, no command is answered. */
  freeze(): void {
    this.#process?.kill('SIGSTOP');
  }

  /** Lets a frozen server go on. */
  thaw(): void {
    this.#process?.kill('SIGCONT');
  }

  /** Stops the server for good. */
  async stop(): Promise<void> {
    this.thaw();
    await this.#stop('SIGTERM');
  }

  async #spawn(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const failed = new Promise<never>((_resolve, reject) => {
      child.once('error', (error) =>
        reject(new Error(`redis-server could not start (${error.message}); install it (apt-get install -y redis-server), as .ci/run does.`)),
      );
      child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code} before answering`)));
    });
    failed.catch(() => {});
    this.#process = child;
    await Promise.race([waitForPing(this.port), failed]);
  }

  async #stop(signal: NodeJS.Signals): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await answersPing(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
