import { createGeDatexS5Driver } from '../../../src/devices/ge-datex-s5';
import { BASIC_FIELDS } from '../../../src/devices/ge-datex-s5/frames';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * GE Datex S/5: the session sends the displayed-values request (1 s interval here, to keep the test
 * short). The simulator sends nothing before the request, so every record it wrote must arrive,
 * values and nulls in order.
 */
const RECORDS = 3;

describeWithSocat('GE Datex S/5 simulator → pty → serialport → backend (integration)', () => {
  it('requests displayed values and delivers every record the monitor sent', async () => {
    const driver = createGeDatexS5Driver({ intervalS: 1 });
    await withSimulatedDevice(driver, { seed: 11 }, async ({ backend, frames, readings }) => {
      await waitFor(() => readings.length >= RECORDS * BASIC_FIELDS.length, 4000, `${RECORDS} records`);
      const got = readings
        .slice(0, RECORDS * BASIC_FIELDS.length)
        .map((r) => (r.type === 'numeric' ? [r.metric, r.value] : r.type));
      const expected = frames
        .slice(0, RECORDS)
        .flatMap((frame) => BASIC_FIELDS.map((f) => [f.metric, frame[f.metric]]));
      expect(got).toEqual(expected);
      expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
    });
  });
});
