import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { NODE_KIOSK_HOST } from '../../../src/core/kiosk/kiosk-host';
import { UNLOCK_DURATION_MS } from '../../../src/core/kiosk/kiosk-service';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import type { KioskStatus } from '../../../src/shared/api';

let dir: string;
let backend: Backend;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-backend-'));
});
afterEach(async () => {
  await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

const clock = { now: 1_000_000 };

function start(withKiosk: boolean): Backend {
  backend = createBackend({
    host: 'node',
    now: () => clock.now,
    version: '0.0.0',
    settings: new MemorySettingsStore(),
    discovery: false,
    ...(withKiosk ? { kiosk: { pinFile: join(dir, 'kiosk-pin.json'), host: NODE_KIOSK_HOST } } : {}),
  });
  return backend;
}

describe('kiosk.* through the backend', () => {
  it('refuses settings.update as soon as a PIN is set, until unlocked; lock now; kiosk.changed', async () => {
    const { api, on } = start(true);
    const events: KioskStatus[] = [];
    on('kiosk.changed', (status) => events.push(status));
    await expect(api['settings.update']({ language: 'fr' })).resolves.toMatchObject({ language: 'fr' });
    // The station's real scrypt cost: a few hashes and checks, well under a second each.
    await expect(api['kiosk.setPin']({ currentPin: null, newPin: '482913' })).resolves.toEqual({
      kiosk: false,
      pinSet: true,
      locked: true,
    });
    await expect(api['settings.update']({ language: 'en' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await api['settings.get']({})).toMatchObject({ language: 'fr' });
    await expect(api['kiosk.unlock']({ pin: '482913' })).resolves.toEqual({
      unlocked: true,
      retryAfterS: null,
      refusal: null,
    });
    await expect(api['settings.update']({ language: 'en' })).resolves.toMatchObject({ language: 'en' });
    expect(events.at(-1)).toEqual({ kiosk: false, pinSet: true, locked: false });

    await expect(api['kiosk.lock']({})).resolves.toEqual({ kiosk: false, pinSet: true, locked: true });
    await expect(api['settings.update']({ language: 'fr' })).rejects.toMatchObject({ code: 'forbidden' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.at(-1)).toEqual({ kiosk: false, pinSet: true, locked: true });

    await api['kiosk.unlock']({ pin: '482913' });
    clock.now += UNLOCK_DURATION_MS;
    await expect(api['kiosk.status']({})).resolves.toEqual({ kiosk: false, pinSet: true, locked: true });
    await expect(api['kiosk.exit']({ pin: '482913' })).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('validates PINs at the boundary (4 to 12 digits)', async () => {
    const { api } = start(true);
    for (const pin of ['123', '12ab', '1234567890123', ' 1234'])
      await expect(api['kiosk.unlock']({ pin })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('without PIN storage: never locked, setPin and exit unavailable', async () => {
    const { api } = start(false);
    await expect(api['kiosk.status']({})).resolves.toEqual({ kiosk: false, pinSet: false, locked: false });
    await expect(api['kiosk.lock']({})).resolves.toEqual({ kiosk: false, pinSet: false, locked: false });
    await expect(api['kiosk.setPin']({ currentPin: null, newPin: '1234' })).rejects.toMatchObject({
      code: 'unavailable',
    });
    await expect(api['settings.update']({ kiosk: true })).resolves.toMatchObject({ kiosk: true });
  });
});
