import { deviceChecks, UDEV_FIX } from '../../../src/core/check/device-checks';
import type { DeviceInfo } from '../../../src/shared/domain/devices';

const NOW = 1_700_000_000_000;
const device = (overrides: Partial<DeviceInfo>): DeviceInfo => ({
  id: 'contec-cms50-v7@/dev/ttyUSB0',
  protocol: 'contec-cms50-v7',
  name: 'Contec CMS50D+',
  transport: 'serial',
  path: '/dev/ttyUSB0',
  state: 'streaming',
  error: null,
  simulated: false,
  lastReadingAt: NOW - 400,
  droppedFrames: 0,
  ...overrides,
});
const check = (info: Partial<DeviceInfo>, platform: NodeJS.Platform = 'linux') =>
  deviceChecks([device(info)], { nowMs: NOW, staleAfterMs: 5000, platform })[0];

describe('device items', () => {
  it('passes a streaming device with its last reading age', () => {
    expect(check({})).toMatchObject({
      id: 'devices.contec-cms50-v7@/dev/ttyUSB0',
      status: 'pass',
      detail: 'Streaming on /dev/ttyUSB0, last reading less than 1 s ago.',
      measured: { code: 'streaming', lastReadingAgeS: 0.4 },
    });
  });

  it('fails an unplugged device, warns on no data or stale readings', () => {
    expect(check({ state: 'disconnected' })).toMatchObject({
      status: 'fail',
      measured: { code: 'disconnected' },
    });
    expect(check({ state: 'no-data' })).toMatchObject({ status: 'warn', measured: { code: 'no-data' } });
    expect(check({ lastReadingAt: NOW - 60_000 })).toMatchObject({
      status: 'warn',
      measured: { code: 'stale' },
    });
  });

  it('gives the udev fix for a permission problem on Linux only', () => {
    const denied = {
      state: 'error' as const,
      error: { code: 'permission-denied' as const, message: 'EACCES' },
    };
    expect(check(denied)).toMatchObject({ status: 'fail', fix: UDEV_FIX });
    expect(check(denied, 'win32')?.fix).not.toContain('udev');
  });

  it('says when no device is connected', () => {
    expect(deviceChecks([], { nowMs: NOW, staleAfterMs: 5000 })).toMatchObject([
      { id: 'devices.none', status: 'skipped' },
    ]);
  });
});
