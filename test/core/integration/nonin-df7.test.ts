import { noninDf7 } from '../../../src/devices/nonin-df7';
import { expectPlethFormatDelivered } from '../../devices/nonin/pleth-integration';
import { describeWithSocat, withSimulatedDevice } from '../../helpers/device-integration';

/** Nonin #7: the session selects the format on open (ACK from a factory-fresh simulator). */
describeWithSocat('Nonin #7 simulator → pty → backend (integration)', () => {
  it('selects format #7 on open and delivers what the simulator encoded', async () => {
    await withSimulatedDevice(noninDf7, { seed: 42 }, expectPlethFormatDelivered);
  });
});
