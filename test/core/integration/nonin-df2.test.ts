import { noninDf2 } from '../../../src/devices/nonin-df2';
import { collapse, numericValues, withNoninRig } from '../../devices/nonin/integration-support';
import { PLETH, PULSE, SPO2 } from '../../devices/nonin/support';
import { hasSocat, waitFor } from '../../helpers/pty';

const describeWithSocat = hasSocat() ? describe : describe.skip;

describeWithSocat('Nonin #2 simulator → pty → backend (integration)', () => {
  it('selects format #2 on open and delivers what the simulator encoded', async () => {
    await withNoninRig(noninDf2, 42, async ({ backend, frames, readings }) => {
      const samples = (): (number | null)[] =>
        readings.flatMap((r) => (r.type === 'waveform' ? r.samples : []));
      await waitFor(() => samples().length >= 150, 4000, '150 pleth samples');
      const got = samples();
      const sent = frames.filter((f) => PLETH in f).slice(0, got.length);
      expect(got).toEqual(sent.map((f) => f[PLETH]));
      for (const metric of [SPO2, PULSE]) {
        const known = sent.flatMap((f) => (metric in f ? [f[metric]] : []));
        expect(collapse(numericValues(readings, metric))).toEqual(collapse(known));
        expect(known.length).toBeGreaterThan(0);
      }
      const [info] = await backend.api['devices.list']({});
      expect(info).toMatchObject({ state: 'streaming', droppedFrames: 0, error: null });
    });
  });
});
