import { openBciCyton } from '../../../src/devices/openbci-cyton';
import {
  STREAMING_CLEAN,
  describeWithSocat,
  deviceInfo,
  waveformSamples,
  withSimulatedDevice,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';

/**
 * OpenBCI Cyton: the session runs the driver's host (s, v, wait for `$$$`, c, b: the simulator is
 * silent until b); every lead sample arrives in order, and disconnecting stops the stream.
 */
const LEADS = ['MDC_ECG_ELEC_POTL_I', 'MDC_ECG_ELEC_POTL_II', 'MDC_ECG_ELEC_POTL_III'] as const;
const SAMPLES = 250;

describeWithSocat('OpenBCI Cyton simulator → pty → serialport → backend (integration)', () => {
  it('delivers every lead sample the simulator encoded, in order, and stops the stream on disconnect', async () => {
    await withSimulatedDevice(openBciCyton, { seed: 11 }, async ({ backend, frames, readings, id }) => {
      const packets = () => frames.filter((f) => LEADS[0] in f);
      await waitFor(
        () => waveformSamples(readings, LEADS[2]).length >= SAMPLES,
        4000,
        `${SAMPLES} samples per lead`,
      );
      for (const lead of LEADS) {
        const got = waveformSamples(readings, lead);
        expect(got).toEqual(
          packets()
            .slice(0, got.length)
            .map((f) => f[lead]),
        );
      }
      expect(readings.find((r) => r.type === 'waveform')).toMatchObject({ unit: 'mV', rateHz: 250 });
      expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);

      // Disconnecting sends `s`: the simulator stops writing packets.
      await backend.api['devices.disconnect']({ id });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const afterStop = packets().length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(packets()).toHaveLength(afterStop);
    });
  });
});
