import { consultationDetailSchema } from '../../src/shared/domain/consultation';
import { fixtureConsultation, OXIMETER } from '../helpers/consultation-fixture';

describe('the consultation fixture the export tests share', () => {
  it('is a valid consultation detail', () => {
    const source = fixtureConsultation({ minutes: 2 });
    expect(consultationDetailSchema.safeParse(source.detail).error).toBeUndefined();
  });

  it('slices a waveform by time', () => {
    const source = fixtureConsultation({ minutes: 2 });
    const start = Date.parse(source.detail.summary.startedAt) + 5_000;
    const [segment] = source.waveform(OXIMETER, 'MDC_PULS_OXIM_PLETH', start + 1000, start + 2000);
    expect(segment?.samples).toHaveLength(60);
    expect(segment?.startMs).toBe(start + 1000);
  });
});
