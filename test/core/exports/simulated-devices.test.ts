import { simulatedDevices } from '../../../src/core/exports/simulated-devices';
import { ECG, fixtureConsultation, OXIMETER } from '../../helpers/consultation-fixture';
import { withSimulatedDevice } from '../../helpers/simulated-fixture';

describe('simulated devices of a record', () => {
  const base = fixtureConsultation({ minutes: 1 }).detail;

  it('are none in a record without the flag (older records count as real)', () => {
    expect(simulatedDevices(base)).toEqual({ all: new Set(), withReadings: new Set() });
  });

  it('are the devices whose timeline entries say simulated; with readings when they gave some', () => {
    const idle = 'beurer-bm58@/dev/pts/4';
    const detail = withSimulatedDevice(withSimulatedDevice(base, OXIMETER), idle);
    expect(simulatedDevices(detail)).toEqual({
      all: new Set([OXIMETER, idle]),
      withReadings: new Set([OXIMETER]),
    });
    // Waveforms count as readings too.
    const ecgOnly = withSimulatedDevice({ ...base, metrics: [] }, ECG);
    expect(simulatedDevices(ecgOnly).withReadings).toEqual(new Set([ECG]));
  });
});
