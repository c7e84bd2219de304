import { noninDf2 } from '../../../src/devices/nonin-df2';
import { expectPlethFormatDelivered } from '../../devices/nonin/pleth-integration';
import { describeWithSocat, withSimulatedDevice } from '../../helpers/device-integration';

/** Nonin #2: the session selects the format on open (ACK from a factory-fresh simulator). */
describeWithSocat('Nonin #2 simulator → pty → backend (integration)', () => {
  it('selects format #2 on open and delivers what the simulator encoded', async () => {
    await withSimulatedDevice(noninDf2, { seed: 42 }, expectPlethFormatDelivered);
  });
});
