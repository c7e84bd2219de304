import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_DELAY_MS, FREE_ATTEMPTS } from '../../../src/core/kiosk/attempt-limiter';
import { NODE_KIOSK_HOST, type KioskHost } from '../../../src/core/kiosk/kiosk-host';
import { KioskService, UNLOCK_DURATION_MS } from '../../../src/core/kiosk/kiosk-service';
import type { KioskStatus } from '../../../src/shared/api';
import { AppErrorException } from '../../../src/shared/result';

const FAST = { N: 1024, r: 8, p: 1 };

class FakeWindowHost implements KioskHost {
  kiosk = true;
  private readonly listeners = new Set<() => void>();
  isKiosk = (): boolean => this.kiosk;
  exitKiosk = (): void => this.set(false);
  onKioskChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(kiosk: boolean): void {
    this.kiosk = kiosk;
    for (const listener of this.listeners) listener();
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(host: KioskHost = new FakeWindowHost()) {
  const clock = { now: 1_000_000 };
  const timers: { fn: () => void; at: number }[] = [];
  const events: KioskStatus[] = [];
  const pinFile = join(dir, 'kiosk-pin.json');
  const make = () =>
    new KioskService({
      pinFile,
      host,
      now: () => clock.now,
      hashCost: FAST,
      setTimer: (fn, ms) => {
        const timer = { fn, at: clock.now + ms };
        timers.push(timer);
        return () => timers.splice(timers.indexOf(timer), 1);
      },
    });
  const service = make();
  service.onChange((status) => events.push(status));
  const advance = (ms: number) => {
    clock.now += ms;
    for (const timer of timers.filter((t) => t.at <= clock.now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { service, make, clock, events, advance, pinFile };
}

/** Lets queued event emissions run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function rejection(promise: Promise<unknown>): Promise<AppErrorException> {
  const error: unknown = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  return error as AppErrorException;
}

describe('KioskService', () => {
  it('has no PIN at first: nothing is locked and the settings are writable', async () => {
    const { service } = setup();
    expect(await service.status()).toEqual({ kiosk: true, pinSet: false, locked: false });
    await expect(service.assertSettingsWritable()).resolves.toBeUndefined();
    expect(await service.unlock('0000')).toEqual({ unlocked: true, retryAfterS: null, refusal: null });
  });

  it('stores the PIN as a salted hash in a 0600 file and locks the settings at once', async () => {
    const { service, pinFile, events } = setup();
    expect(await service.setPin(null, '2468')).toEqual({ kiosk: true, pinSet: true, locked: true });
    const text = readFileSync(pinFile, 'utf8');
    expect(text).not.toContain('2468');
    expect(JSON.parse(text)).toMatchObject({ version: 1, pin: { algorithm: 'scrypt' }, failedAttempts: 0 });
    expect(statSync(pinFile).mode & 0o777).toBe(0o600);

    // No time passes: a station left right after its PIN was chosen is already protected.
    await settle();
    expect(await service.status()).toMatchObject({ locked: true });
    expect(events.at(-1)).toEqual({ kiosk: true, pinSet: true, locked: true });
    const refused = await rejection(service.assertSettingsWritable());
    expect(refused.code).toBe('forbidden');
  });

  it('locks again right after the PIN is changed, even while unlocked', async () => {
    const { service } = setup();
    await service.setPin(null, '2468');
    await service.unlock('2468');
    expect(await service.status()).toMatchObject({ locked: false });
    expect(await service.setPin('2468', '1357')).toEqual({ kiosk: true, pinSet: true, locked: true });
    expect((await rejection(service.assertSettingsWritable())).code).toBe('forbidden');
  });

  it('locks now on request, before the unlock runs out, and says so', async () => {
    const { service, events, advance } = setup();
    // Without a PIN there is nothing to lock: the settings stay open.
    expect(await service.lock()).toEqual({ kiosk: true, pinSet: false, locked: false });
    await service.setPin(null, '2468');
    await service.unlock('2468');
    await settle();
    expect(events.at(-1)).toMatchObject({ locked: false });
    advance(1000);
    expect(await service.lock()).toEqual({ kiosk: true, pinSet: true, locked: true });
    await settle();
    expect(events.at(-1)).toEqual({ kiosk: true, pinSet: true, locked: true });
    expect((await rejection(service.assertSettingsWritable())).code).toBe('forbidden');
    // The relock timer of the unlock is gone: nothing fires when it would have run out.
    const emitted = events.length;
    advance(UNLOCK_DURATION_MS);
    await settle();
    expect(events).toHaveLength(emitted);
    // The PIN opens them again as before.
    expect(await service.unlock('2468')).toEqual({ unlocked: true, retryAfterS: null, refusal: null });
  });

  it('unlocks with the right PIN for a few minutes, then locks again and says so', async () => {
    const { service, advance, events } = setup();
    await service.setPin(null, '2468');
    advance(UNLOCK_DURATION_MS);
    expect(await service.unlock('2468')).toEqual({ unlocked: true, retryAfterS: null, refusal: null });
    await settle();
    expect(events.at(-1)).toMatchObject({ locked: false });
    await expect(service.assertSettingsWritable()).resolves.toBeUndefined();
    advance(UNLOCK_DURATION_MS - 1);
    expect(await service.status()).toMatchObject({ locked: false });
    advance(1);
    await settle();
    expect(await service.status()).toMatchObject({ locked: true });
    expect(events.at(-1)).toMatchObject({ locked: true });
  });

  it('slows wrong PINs down exponentially and does not even check a PIN while waiting', async () => {
    const { service, advance, clock, make } = setup();
    await service.setPin(null, '2468');
    advance(UNLOCK_DURATION_MS);
    for (let i = 1; i < FREE_ATTEMPTS; i += 1)
      expect(await service.unlock('1111')).toEqual({ unlocked: false, retryAfterS: null, refusal: null });
    expect(await service.unlock('1111')).toEqual({
      unlocked: false,
      retryAfterS: FIRST_DELAY_MS / 1000,
      refusal: null,
    });
    // The right PIN during the wait is refused too: a guesser learns nothing.
    advance(1000);
    expect(await service.unlock('2468')).toEqual({
      unlocked: false,
      retryAfterS: FIRST_DELAY_MS / 1000 - 1,
      refusal: null,
    });
    // The state survives a restart (the plug pulled on a wall station).
    const restarted = make();
    expect(await restarted.unlock('2468')).toMatchObject({ unlocked: false });
    clock.now += FIRST_DELAY_MS;
    expect(await restarted.unlock('0000')).toEqual({
      unlocked: false,
      retryAfterS: (2 * FIRST_DELAY_MS) / 1000,
      refusal: null,
    });
    clock.now += 2 * FIRST_DELAY_MS;
    expect(await restarted.unlock('2468')).toEqual({ unlocked: true, retryAfterS: null, refusal: null });
    // A right PIN clears the count.
    expect(await restarted.unlock('1111')).toEqual({ unlocked: false, retryAfterS: null, refusal: null });
    restarted.close();
  });

  it('checks parallel guesses one at a time, so they cannot all slip past the delay', async () => {
    const { service, advance } = setup();
    await service.setPin(null, '2468');
    advance(UNLOCK_DURATION_MS);
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => service.unlock(String(1000 + i))));
    expect(guesses.filter((g) => g.retryAfterS === null)).toHaveLength(FREE_ATTEMPTS - 1);
    expect(guesses.every((g) => !g.unlocked)).toBe(true);
  });

  it('changes or removes the PIN only with the current one', async () => {
    const { service, pinFile } = setup();
    await service.setPin(null, '2468');
    expect((await rejection(service.setPin(null, '1357'))).code).toBe('forbidden');
    expect((await rejection(service.setPin('1111', '1357'))).message).toBe('wrong-pin: wrong PIN');
    await service.setPin('2468', '1357');
    expect(await service.unlock('1357')).toMatchObject({ unlocked: true });
    expect(await service.setPin('1357', null)).toEqual({ kiosk: true, pinSet: false, locked: false });
    expect(() => statSync(pinFile)).toThrow(/ENOENT/);
  });

  it('leaves kiosk mode with the PIN, and reports window changes', async () => {
    const host = new FakeWindowHost();
    const { service, events, advance } = setup(host);
    await service.setPin(null, '2468');
    advance(UNLOCK_DURATION_MS);
    expect((await rejection(service.exit(null))).code).toBe('forbidden');
    expect((await rejection(service.exit('0000'))).code).toBe('forbidden');
    expect(host.kiosk).toBe(true);
    await service.exit('2468');
    await settle();
    expect(host.kiosk).toBe(false);
    expect(events.at(-1)).toEqual({ kiosk: false, pinSet: true, locked: false });
    host.set(true);
    await settle();
    expect(events.at(-1)).toMatchObject({ kiosk: true });
  });

  it('answers unavailable in the Node host, which has no window to leave', async () => {
    const { service } = setup(NODE_KIOSK_HOST);
    expect(await service.status()).toMatchObject({ kiosk: false });
    expect((await rejection(service.exit(null))).code).toBe('unavailable');
  });

  it('fails closed on a PIN file it cannot trust, and keeps the file', async () => {
    const { service, pinFile } = setup();
    writeFileSync(pinFile, '{"version":1,"pin":"oops"}');
    expect(await service.status()).toEqual({ kiosk: true, pinSet: true, locked: true });
    expect((await rejection(service.assertSettingsWritable())).code).toBe('forbidden');
    const unreadable = await rejection(service.unlock('2468'));
    expect(unreadable.code).toBe('unavailable');
    expect(unreadable.message).toContain('remove it to reset the PIN');
    expect((await rejection(service.setPin(null, '1357'))).code).toBe('forbidden');
    expect(readFileSync(pinFile, 'utf8')).toBe('{"version":1,"pin":"oops"}');
  });
});
