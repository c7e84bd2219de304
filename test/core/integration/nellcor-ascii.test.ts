import { nellcorAscii } from '../../../src/devices/nellcor-ascii';
import {
  describeWithSocat,
  expectNumericLinesDelivered,
  withSimulatedDevice,
} from '../../helpers/device-integration';

/** Nellcor N-595: after its header, the lines the simulator wrote arrive as numerics. */
const METRICS = ['MDC_PULS_OXIM_SAT_O2', 'MDC_PULS_OXIM_PULS_RATE'] as const;

describeWithSocat('Nellcor ASCII simulator → pty → serialport → backend (integration)', () => {
  it('delivers every line the simulator wrote: values, order and nulls', async () => {
    await withSimulatedDevice(nellcorAscii, { seed: 7 }, (rig) =>
      expectNumericLinesDelivered(rig, METRICS, 3),
    );
  });
});
