import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/core/transport/pacer.js';
import { PacerAbort } from '../../src/core/transport/pacer.js';

const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;

describe('Pacer', () => {
  it('halves the rate on each 429, down to a sixteenth, and wins back a tenth per answer', () => {
    const pacer = new Pacer({ requestsPerSecond: 20, maxConcurrentRequests: undefined });
    expect(pacer.currentRate).toBe(20);
    pacer.rateLimited(0);
    expect(pacer.currentRate).toBe(10);
    pacer.answered();
    pacer.answered();
    expect(pacer.currentRate).toBe(14);
    for (let count = 0; count < 10; count++) pacer.rateLimited(0);
    expect(pacer.currentRate).toBe(20 / 16);
    for (let count = 0; count < 9; count++) pacer.answered();
    expect(pacer.currentRate).toBe(20 / 16 + 18);
    pacer.answered();
    pacer.answered();
    expect(pacer.currentRate).toBe(20);
  });

  it('has no rate without requestsPerSecond, yet still pauses every request after a 429', async () => {
    const pacer = new Pacer({ requestsPerSecond: undefined, maxConcurrentRequests: undefined });
    pacer.rateLimited(120);
    expect(pacer.currentRate).toBeUndefined();
    const started = performance.now();
    const releases = await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(120);
    expect(pacer.active).toBe(3);
    for (const release of releases) release();
    expect(pacer.active).toBe(0);
  });

  it('grants at once, without a timer, when nothing limits', async () => {
    const pacer = new Pacer({ requestsPerSecond: undefined, maxConcurrentRequests: 2 });
    const before = timers();
    const first = await pacer.acquire();
    const second = await pacer.acquire();
    expect(timers()).toBe(before);
    const third = pacer.acquire();
    expect(pacer.waiting).toBe(1);
    first();
    first(); // a second call of the same release gives nothing back twice
    await third;
    expect(pacer.active).toBe(2);
    second();
    expect(pacer.active).toBe(1);
  });

  it('holds a timer only while a request waits', async () => {
    const pacer = new Pacer({ requestsPerSecond: 20, maxConcurrentRequests: undefined });
    const before = timers();
    (await pacer.acquire())();
    const waiting = pacer.acquire();
    expect(timers()).toBe(before + 1);
    (await waiting)();
    expect(timers()).toBe(before);

    const controller = new AbortController();
    const aborted = pacer.acquire(controller.signal);
    expect(timers()).toBe(before + 1);
    controller.abort('stop');
    await expect(aborted).rejects.toBeInstanceOf(PacerAbort);
    expect(pacer.waiting).toBe(0);
    expect(timers()).toBe(before);
  });

  it('refuses at once when the signal is already aborted', async () => {
    const pacer = new Pacer({ requestsPerSecond: undefined, maxConcurrentRequests: undefined });
    await expect(pacer.acquire(AbortSignal.abort('gone'))).rejects.toMatchObject({ reason: 'gone' });
    expect(pacer.active).toBe(0);
  });

  it('keeps waiters in order when one in the middle leaves', async () => {
    const pacer = new Pacer({ requestsPerSecond: undefined, maxConcurrentRequests: 1 });
    const order: string[] = [];
    const first = await pacer.acquire();
    const controller = new AbortController();
    const leaving = pacer.acquire(controller.signal).then(() => order.push('leaving'), () => order.push('left'));
    const last = pacer.acquire().then((release) => {
      order.push('last');
      return release;
    });
    controller.abort();
    await leaving;
    first();
    (await last)();
    expect(order).toEqual(['left', 'last']);
  });
});
