import { createBackend } from '../../src/core/backend';
import { MemorySettingsStore } from '../../src/core/settings/memory-settings-store';
import { createCallService } from '../../src/core/signaling/call-service';
import { verifyToken } from '../../src/core/signaling/invite-token';
import type { Reading } from '../../src/shared/domain/readings';
import { CONSULTATION_START } from '../helpers/consultation-start';
import { manualClock, openTestRecords, tempDir } from './records/records-test-kit';

/**
 * Issue 12 item 1 through the backend API, on a real store and the real call service: ending the
 * consultation closes its call room at once, whoever asks; `readings.latest` seeds no screen with a
 * value measured before the latest start or end.
 */
const SECRET = new Uint8Array(32).fill(7);
const BLE = 'ble-plx-continuous@Nonin 3150';

function spo2(value: number, ms: number): Reading {
  return {
    type: 'numeric',
    device: BLE,
    metric: 'MDC_PULS_OXIM_SAT_O2',
    unit: '%',
    value,
    time: new Date(ms).toISOString(),
  };
}

function setup() {
  const dir = tempDir('boundaries-');
  const clock = manualClock();
  const closedRooms: string[] = [];
  const call = createCallService({
    secret: SECRET,
    rendezvousOrigin: () => 'http://127.0.0.1:8080',
    now: clock.now,
    onRoomClosed: (room) => closedRooms.push(room),
  });
  const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' });
  const backend = createBackend({
    host: 'node',
    version: '9.9.9',
    settings,
    discovery: false,
    now: clock.now,
    call,
    records: openTestRecords(dir.dir, clock.now, settings),
  });
  const roomOfJoin = async (): Promise<string> => {
    const check = verifyToken(SECRET, (await backend.api['call.join']({})).token, clock.now());
    return check.ok ? check.claims.room : '';
  };
  return {
    api: backend.api,
    clock,
    closedRooms,
    roomOfJoin,
    async close() {
      await backend.close();
      dir.cleanup();
    },
  };
}

describe('consultation boundaries', () => {
  it("closes the consultation's call room when it ends, and refuses the station a way back in", async () => {
    const kit = setup();
    try {
      const { id } = await kit.api['consultation.start'](CONSULTATION_START);
      const room = await kit.roomOfJoin();
      expect(kit.closedRooms).not.toContain(room);

      await kit.api['consultation.end']({ id });
      expect(kit.closedRooms).toContain(room);
      await expect(kit.api['call.join']({})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(kit.api['call.invite']({})).rejects.toMatchObject({ code: 'forbidden' });

      // Ending it again (another screen, a retry) closes nothing more.
      const closedBefore = kit.closedRooms.length;
      await kit.api['consultation.end']({ id });
      expect(kit.closedRooms).toHaveLength(closedBefore);
    } finally {
      await kit.close();
    }
  });

  it('seeds no screen with a value measured before the latest start or end', async () => {
    const kit = setup();
    try {
      await kit.api['readings.submit']({ readings: [spo2(91, kit.clock.now())] });
      expect(await kit.api['readings.latest']({})).toEqual([spo2(91, kit.clock.now())]);

      kit.clock.advance(60_000);
      const { id } = await kit.api['consultation.start'](CONSULTATION_START);
      expect(await kit.api['readings.latest']({})).toEqual([]);
      kit.clock.advance(1_000);
      await kit.api['readings.submit']({ readings: [spo2(96, kit.clock.now())] });
      expect(await kit.api['readings.latest']({})).toEqual([spo2(96, kit.clock.now())]);

      kit.clock.advance(1_000);
      await kit.api['consultation.end']({ id });
      expect(await kit.api['readings.latest']({})).toEqual([]);
      kit.clock.advance(1_000);
      await kit.api['readings.submit']({ readings: [spo2(98, kit.clock.now())] });
      expect(await kit.api['readings.latest']({})).toEqual([spo2(98, kit.clock.now())]);
    } finally {
      await kit.close();
    }
  });
});
