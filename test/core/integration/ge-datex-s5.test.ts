import { createGeDatexS5Driver } from '../../../src/devices/ge-datex-s5';
import { BASIC_FIELDS } from '../../../src/devices/ge-datex-s5/frames';
import { isEpisodic } from '../../../src/shared/domain/metrics';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * GE Datex S/5: the session sends the displayed-values request (1 s interval here, to keep the test
 * short). The simulator sends nothing before the request, so every value it wrote must arrive, values
 * and nulls in order. Its `frames` list what each record says as a reading: the continuous values of
 * every record, and the NIBP result only in the record where it first appears or changes (a held cuff
 * result repeated in every record is one measurement).
 */
const RECORDS = 3;

describeWithSocat('GE Datex S/5 simulator → pty → serialport → backend (integration)', () => {
  it('requests displayed values and delivers every record the monitor sent', async () => {
    const driver = createGeDatexS5Driver({ intervalS: 1 });
    await withSimulatedDevice(driver, { seed: 11 }, async ({ backend, frames, readings }) => {
      // The first frames are the monitor's replies to the request: no values.
      const records = () => frames.filter((frame) => Object.keys(frame).length > 0).slice(0, RECORDS);
      const expectedOf = () => records().flatMap((frame) => Object.entries(frame));
      await waitFor(
        () => records().length === RECORDS && readings.length >= expectedOf().length,
        4000,
        `${RECORDS} records`,
      );
      const expected = expectedOf();
      const got = readings
        .slice(0, expected.length)
        .map((r) => (r.type === 'numeric' ? [r.metric, r.value] : r.type));
      expect(got).toEqual(expected);
      // Every record carries the continuous values: one of each per record.
      const continuous = BASIC_FIELDS.filter((f) => !isEpisodic(f.metric));
      for (const field of continuous)
        expect(got.filter(([metric]) => metric === field.metric)).toHaveLength(RECORDS);
      expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
    });
  });
});
