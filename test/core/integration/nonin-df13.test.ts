import { noninDf13 } from '../../../src/devices/nonin-df13';
import { DEVICE_TIME_KEY } from '../../../src/devices/nonin/sim-report-streams';
import { describeWithSocat, deviceInfo, withSimulatedDevice } from '../../helpers/device-integration';
import { PULSE, SPO2 } from '../../devices/nonin/support';
import { waitFor } from '../../helpers/pty';

/** Nonin #13: stored and new spot checks, each with the device's own time. */
describeWithSocat('Nonin #13 simulator → pty → backend (integration)', () => {
  it('delivers stored and new spot checks with the device’s own timestamps', async () => {
    await withSimulatedDevice(noninDf13, { seed: 42 }, async ({ backend, frames, readings }) => {
      const numerics = () => readings.flatMap((r) => (r.type === 'numeric' ? [r] : []));
      await waitFor(() => numerics().filter((n) => n.metric === SPO2).length >= 3, 4000, 'three spot checks');
      const records = frames.filter((f) => DEVICE_TIME_KEY in f);
      const got = numerics();
      const expected = records.slice(0, got.length / 2).flatMap((f) => {
        const time = new Date(f[DEVICE_TIME_KEY]!).toISOString();
        return [
          { metric: SPO2, value: f[SPO2], time },
          { metric: PULSE, value: f[PULSE], time },
        ];
      });
      expect(got.map(({ metric, value, time }) => ({ metric, value, time }))).toEqual(expected);
      // The first two are stored spot checks: their times are before the connection.
      expect(Date.parse(got[0].time)).toBeLessThan(Date.now() - 60_000);
      expect(await deviceInfo(backend)).toMatchObject({ droppedFrames: 0, error: null });
    });
  });
});
