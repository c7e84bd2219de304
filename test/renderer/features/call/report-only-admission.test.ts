import { admitReportOnly } from '../../../../src/renderer/features/call/report-only-admission';
import type { ControlMessage } from '../../../../src/renderer/features/call/control-messages';
import { FIXTURE_REPORT } from '../../../helpers/consultation-fixture';

/** What a report-only room takes from the doctor's page after the end (issue 12). */
describe('report-only admission', () => {
  it('lets a report save and goodbye through (the backend then applies the seal)', () => {
    expect(admitReportOnly({ type: 'report', id: 'r1', report: FIXTURE_REPORT })).toEqual({ ok: true });
    expect(admitReportOnly({ type: 'bye' })).toEqual({ ok: true });
  });

  it('answers a note, a snapshot or a measurement request with the sealed record’s refusal', () => {
    expect(admitReportOnly({ type: 'note', id: 'n1', author: 'Dr M', text: 'ajout' })).toEqual({
      ok: false,
      reply: expect.objectContaining({
        type: 'report-result',
        id: 'n1',
        ok: false,
        code: 'record-sealed',
      }) as unknown,
    });
    expect(admitReportOnly({ type: 'snapshot-request', id: 's1' })).toEqual({
      ok: false,
      reply: expect.objectContaining({ type: 'snapshot-failed', id: 's1', code: 'record-sealed' }) as unknown,
    });
    expect(admitReportOnly({ type: 'measure-request', id: 'm1' })).toEqual({
      ok: false,
      reply: expect.objectContaining({
        type: 'measure-result',
        outcome: 'failed',
        code: 'record-sealed',
      }) as unknown,
    });
  });

  it('drops chat and anything the doctor’s side never sends, answering nothing', () => {
    const dropped: ControlMessage[] = [
      { type: 'chat', id: 'c1', text: 'encore là ?', sentAt: 0 },
      { type: 'consultation-ended' },
      { type: 'report-link', token: 'v1.x.y' },
      { type: 'record-state', status: 'ended', report: null, careSheet: null },
      { type: 'report-result', id: 'x', ok: true, message: 'saved' },
    ];
    for (const message of dropped) expect(admitReportOnly(message)).toEqual({ ok: false, reply: null });
  });
});
