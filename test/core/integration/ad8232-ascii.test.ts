import { ad8232Ascii } from '../../../src/devices/ad8232-ascii';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  expectContiguousRun,
  waveformSamples,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * AD8232 sketch: it streams from power-on, so lines written before the station opened the port are
 * lost and the decoder discards the first line it sees: the received samples are a contiguous run
 * of the sent ones, starting within the first few lines.
 */
const METRIC = 'MDC_ECG_ELEC_POTL';
const SAMPLES = 150;

describeWithSocat('AD8232 simulator → pty → serialport → backend (integration)', () => {
  it('delivers the values the simulator printed: values, order and nulls', async () => {
    await withSimulatedDevice(ad8232Ascii, { seed: 5 }, async ({ backend, frames, readings }) => {
      await waitFor(() => waveformSamples(readings).length >= SAMPLES, 4000, `${SAMPLES} samples`);
      // Lines lost before the port opened: well under a second's worth (0 when the pty buffers them).
      expectContiguousRun(frames, { [METRIC]: waveformSamples(readings) }, 150);
      expect(readings.find((r) => r.type === 'waveform')).toMatchObject({ metric: METRIC, unit: '1' });
      expect(readings.some((r) => r.type === 'status')).toBe(true);
      expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
    });
  });
});
