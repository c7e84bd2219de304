import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_KIOSK_HOST, type KioskHost } from '../../../src/core/kiosk/kiosk-host';
import { KioskService } from '../../../src/core/kiosk/kiosk-service';
import { AppErrorException } from '../../../src/shared/result';
import { fillableDisk, MOUNT_ALLOWED, type FillableDisk } from './fillable-disk';

const FAST = { N: 1024, r: 8, p: 1 };
const PIN = '2468';

let disk: FillableDisk;
beforeEach(() => {
  disk = fillableDisk();
});
afterEach(() => disk.remove());

function service(host: KioskHost = NODE_KIOSK_HOST): KioskService {
  const clock = { now: 1_000_000 };
  return new KioskService({
    pinFile: join(disk.dir, 'kiosk-pin.json'),
    host,
    now: () => clock.now,
    hashCost: FAST,
    writeFile: disk.writeFile,
    setTimer: () => () => undefined,
  });
}

const pinFileOf = () => JSON.parse(readFileSync(join(disk.dir, 'kiosk-pin.json'), 'utf8')) as unknown;
const NOT_RECORDED = { unlocked: false, retryAfterS: null, refusal: 'attempt-not-recorded' };

const HOW = MOUNT_ALLOWED ? 'a real full tmpfs' : 'an injected ENOSPC: mount is not allowed here';

describe(`the kiosk PIN when attempts cannot be recorded (${HOW})`, () => {
  it('accepts no PIN, the right one included, for as many tries as are made, and changes nothing', async () => {
    const kiosk = service();
    await kiosk.setPin(null, PIN);
    const before = readFileSync(join(disk.dir, 'kiosk-pin.json'), 'utf8');
    disk.fill();
    if (disk.kind === 'full tmpfs')
      expect(() => writeFileSync(join(disk.dir, 'probe'), 'x'.repeat(4096))).toThrow(/ENOSPC/);

    // The review's attack: 25 tries in a row, no time passing, the right PIN last.
    const guesses = Array.from({ length: 24 }, (_, i) => String(1000 + i));
    for (const pin of [...guesses, PIN]) expect(await kiosk.unlock(pin)).toEqual(NOT_RECORDED);
    expect(await kiosk.status()).toEqual({ kiosk: false, pinSet: true, locked: true });
    expect((await rejection(kiosk.assertSettingsWritable())).code).toBe('forbidden');
    // The other ways a PIN is checked refuse it the same way, with the same code.
    for (const attempt of [kiosk.setPin(PIN, '1357'), kiosk.setPin(PIN, null), kiosk.exit(PIN)]) {
      const refused = await rejection(attempt);
      expect(refused.code).toBe('unavailable');
      expect(refused.message).toBe('attempt-not-recorded');
    }
    // Nothing half-written is left behind, and the PIN file is the one from before.
    expect(readFileSync(join(disk.dir, 'kiosk-pin.json'), 'utf8')).toBe(before);
    expect(readdirSync(disk.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    kiosk.close();
  });

  it('counts attempts again, and opens with the right PIN, once the disk has room', async () => {
    const kiosk = service();
    await kiosk.setPin(null, PIN);
    disk.fill();
    expect(await kiosk.unlock(PIN)).toEqual(NOT_RECORDED);
    disk.free();
    expect(await kiosk.unlock('1111')).toEqual({ unlocked: false, retryAfterS: null, refusal: null });
    expect(pinFileOf()).toMatchObject({ failedAttempts: 1 });
    expect(await kiosk.unlock(PIN)).toEqual({ unlocked: true, retryAfterS: null, refusal: null });
    expect(pinFileOf()).toMatchObject({ failedAttempts: 0, retryNotBefore: 0 });
    kiosk.close();
  });
});

async function rejection(promise: Promise<unknown>): Promise<AppErrorException> {
  const error: unknown = await promise.then(
    () => null,
    (cause: unknown) => cause,
  );
  expect(error).toBeInstanceOf(AppErrorException);
  return error as AppErrorException;
}
