// Starting the benchmark's other processes: the loopback server, and one child per measurement.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ChildTask } from './child.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const childTimeoutMs = 10 * 60_000;

export interface BenchServer {
  url: string;
  stop(): void;
}

/** Starts bench/server.ts in its own process and waits until it listens on 127.0.0.1. */
export function startServer(): Promise<BenchServer> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the benchmark server stopped before listening (exit ${code})`)));
    child.once('message', (message) => {
      const { port } = message as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => {
          child.disconnect();
          child.kill();
        },
      });
    });
  });
}

/** Runs one measurement in a fresh Node process (see child.ts) and returns what it printed. */
export function runChild<Result>(task: ChildTask, nodeOptions: string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'bench/child.ts', JSON.stringify(task)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), childTimeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const line = output.split('\n').find((text) => text.startsWith('RESULT '));
      if (code !== 0 || !line) {
        reject(new Error(`the ${task.kind} run for ${task.platform} failed (exit ${code})`));
        return;
      }
      resolve(JSON.parse(line.slice('RESULT '.length)) as Result);
    });
  });
}

/** Runs a command once: its wall time in milliseconds, from spawn to exit, and what it printed. */
export async function timeProcess(command: string, args: string[]): Promise<{ wallMs: number; output: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - start;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
      else resolve({ wallMs, output });
    });
  });
}
