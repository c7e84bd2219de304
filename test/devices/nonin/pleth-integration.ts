import {
  STREAMING_CLEAN,
  collapse,
  deviceInfo,
  numericValues,
  waveformSamples,
  type SimulatedRig,
} from '../../helpers/device-integration';
import { waitFor } from '../../helpers/pty';
import { PLETH, PULSE, SPO2 } from './support';

/**
 * What a Nonin pleth format (#2, #7) must deliver end to end, once the session selected it: every
 * pleth sample the simulator encoded, in order, and SpO2 and pulse rate as they changed (numerics
 * are published on change, so runs of repeats collapse).
 */
export async function expectPlethFormatDelivered({ backend, frames, readings }: SimulatedRig): Promise<void> {
  await waitFor(() => waveformSamples(readings).length >= 150, 4000, '150 pleth samples');
  const got = waveformSamples(readings);
  const sent = frames.filter((f) => PLETH in f).slice(0, got.length);
  expect(got).toEqual(sent.map((f) => f[PLETH]));
  for (const metric of [SPO2, PULSE]) {
    const known = sent.flatMap((f) => (metric in f ? [f[metric]] : []));
    expect(collapse(numericValues(readings, metric))).toEqual(collapse(known));
    expect(known.length).toBeGreaterThan(0);
  }
  expect(await deviceInfo(backend)).toMatchObject(STREAMING_CLEAN);
}
