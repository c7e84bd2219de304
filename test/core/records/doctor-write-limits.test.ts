import type { Backend } from '../../../src/core/backend-types';
import { openRecords } from '../../../src/core/records/open-records';
import type { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import type { DoctorWriteLimits } from '../../../src/shared/domain/doctor-writes';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { INVITE_ID, recordBackend } from './record-backend-kit';
import { tempDir } from './records-test-kit';

const DOCTOR = `consultant:${INVITE_ID}`;
const LIMITS: DoctorWriteLimits = {
  notes: 3,
  noteChars: 40,
  reports: 2,
  snapshotRequests: 2,
  measureRequests: 1,
  chatLines: 2,
};
const limitReached = (limit: string) => ({
  code: 'forbidden',
  message: expect.stringMatching(
    new RegExp(`^limit-reached: consultation [0-9a-f]+: .*\\(${limit}\\)$`),
  ) as unknown,
});

/**
 * The backend's backstop on the doctor's writes: counted per consultation in the record itself, so
 * a reload of the station page (its own count restarts) or a restart of the station gives the
 * doctor's page no fresh budget. Driven through the backend API, on a real encrypted database.
 */
describe("records: the doctor's writes per consultation are limited in the record", () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  const start = () => {
    const open = (now: () => number, settings: MemorySettingsStore) =>
      openRecords({ dir: temp.dir, settings, now, doctorWriteLimits: LIMITS });
    const ctx = recordBackend(open);
    backend = ctx.backend;
    return ctx;
  };
  const restart = async () => {
    await backend?.close();
    return start();
  };

  it('notes, their characters and chat lines: refused past the limit with a code, nothing written', async () => {
    const { api } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['call.invite']({});
    const note = (text: string) =>
      api['consultation.append']({ id, event: { kind: 'note', author: 'Dr X', text }, via: 'consultant' });
    await note('a'.repeat(20));
    await note('b'.repeat(20));
    // 41 characters in all would pass the character limit.
    await expect(note('c')).rejects.toMatchObject(limitReached('noteChars 40'));
    // The station's own notes are its operator's: never counted against the doctor.
    await api['consultation.append']({ id, event: { kind: 'note', author: 'Léa', text: 'x'.repeat(50) } });

    const chat = (text: string) =>
      api['consultation.append']({ id, event: { kind: 'chat', from: 'consultant', text } });
    await chat('un');
    await chat('deux');
    await expect(chat('trois')).rejects.toMatchObject(limitReached('chatLines 2'));
    await api['consultation.append']({ id, event: { kind: 'chat', from: 'station', text: 'oui' } });

    const detail = await api['consultation.get']({ id });
    const texts = detail.timeline.flatMap((e) => (e.kind === 'note' || e.kind === 'chat' ? [e.text] : []));
    expect(texts).toEqual(['a'.repeat(20), 'b'.repeat(20), 'x'.repeat(50), 'un', 'deux', 'oui']);
    const refused = (await api['audit.list']({})).filter((a) => a.action === 'write.refused');
    expect(refused.map((a) => [a.actor, a.detail])).toEqual([
      [DOCTOR, 'chat refused: limit-reached (chatLines 2)'],
      [DOCTOR, 'note refused: limit-reached (noteChars 40)'],
    ]);
  });

  it('the count of notes: the fourth note is refused even when short', async () => {
    const { api } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    for (const text of ['1', '2', '3'])
      await api['consultation.append']({
        id,
        event: { kind: 'note', author: 'Dr X', text },
        via: 'consultant',
      });
    await expect(
      api['consultation.append']({
        id,
        event: { kind: 'note', author: 'Dr X', text: '4' },
        via: 'consultant',
      }),
    ).rejects.toMatchObject(limitReached('notes 3'));
  });

  it('snapshot and measurement requests are counted before the station acts on them', async () => {
    const { api } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['consultation.doctorRequest']({ id, request: 'snapshot' });
    await api['consultation.doctorRequest']({ id, request: 'snapshot' });
    await expect(api['consultation.doctorRequest']({ id, request: 'snapshot' })).rejects.toMatchObject(
      limitReached('snapshotRequests 2'),
    );
    await api['consultation.doctorRequest']({ id, request: 'measure' });
    await expect(api['consultation.doctorRequest']({ id, request: 'measure' })).rejects.toMatchObject(
      limitReached('measureRequests 1'),
    );
    // A second consultation has its own budget.
    await api['consultation.end']({ id });
    const next = await api['consultation.start'](CONSULTATION_START);
    await expect(api['consultation.doctorRequest']({ id: next.id, request: 'snapshot' })).resolves.toBeNull();
    // After the end a request is refused as the record is: sealed.
    await expect(api['consultation.doctorRequest']({ id, request: 'snapshot' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^record-sealed: /) as unknown,
    });
  });

  it('report saves: the count survives a restart of the station (amendments included)', async () => {
    let { api } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    await api['consultation.report']({ id, report: FIXTURE_REPORT });
    await api['consultation.report']({ id, report: { ...FIXTURE_REPORT, conclusion: 'v2' } });
    ({ api } = await restart());
    // The restart resumed the consultation: a report version would still be taken, but not a third.
    await expect(
      api['consultation.report']({ id, report: { ...FIXTURE_REPORT, conclusion: 'v3' } }),
    ).rejects.toMatchObject(limitReached('reports 2'));
    const detail = await api['consultation.get']({ id });
    expect(detail.versions?.map((v) => v.version)).toEqual([1, 2]);
  });

  it('bad requests are refused by the contract', async () => {
    const { api } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const { parseRequest } = await import('../../../src/shared/api-schema');
    expect(parseRequest('consultation.doctorRequest', { id, request: 'delete-all' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(parseRequest('consultation.doctorRequest', { id, request: 'snapshot', n: 1 })).toMatchObject({
      ok: false,
    });
    await expect(
      api['consultation.doctorRequest']({ id: 'f'.repeat(32), request: 'snapshot' }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
