import { masimoAscii } from '../../../src/devices/masimo-ascii';
import {
  describeWithSocat,
  expectNumericLinesDelivered,
  withSimulatedDevice,
} from '../../helpers/device-integration';

/** Masimo ASCII 1: the lines the simulator wrote arrive as numerics, values, order and nulls. */
const METRICS = ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE', 'MDC_PULS_OXIM_PERF_REL'] as const;

describeWithSocat('Masimo ASCII simulator → pty → serialport → backend (integration)', () => {
  it('delivers every line the simulator wrote: values, order and nulls', async () => {
    await withSimulatedDevice(masimoAscii, { seed: 7 }, (rig) =>
      expectNumericLinesDelivered(rig, METRICS, 3),
    );
  });
});
