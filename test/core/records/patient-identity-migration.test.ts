import { join } from 'node:path';
import { upgradePatient } from '../../../src/core/records/database/patient-identity-migration';
import { MIGRATIONS } from '../../../src/core/records/database/schema';
import { openEncryptedDatabase } from '../../../src/core/records/database/sqlite-driver';
import { KEY_FILE, RECORDS_FILE } from '../../../src/core/records/open-records';
import { keyFileProvider } from '../../../src/core/records/records-key';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { recordBackend } from './record-backend-kit';
import { FIXTURE_EPOCH_MS, openTestRecords, tempDir } from './records-test-kit';

/**
 * Records schema 6 (issue 16): a patient recorded before identity statuses reads back as a
 * provisional identity with its given names as a list; an INS today's checks refuse is kept as
 * `legacyIns`, never lost and never exported as an INS.
 */
describe('patients recorded before identity statuses', () => {
  it('become provisional, their given names a list, a refused INS kept apart', () => {
    expect(
      upgradePatient({
        familyName: 'Dupont',
        givenNames: ' Jean  Stéphane ',
        birthDate: '1985-05-12',
        sex: 'male',
        ins: '1850578006084', // 13 characters, no key: accepted before issue 16
      }),
    ).toEqual({
      familyName: 'Dupont',
      birthGivenNames: ['Jean', 'Stéphane'],
      birthDate: '1985-05-12',
      sex: 'male',
      identityStatus: 'provisional',
      legacyIns: '1850578006084',
    });
    expect(
      upgradePatient({ familyName: 'Dupont', givenNames: 'Marie', ins: '285057800608441' }),
    ).toMatchObject({
      ins: '285057800608441',
      identityStatus: 'provisional',
    });
    // Already upgraded: unchanged.
    const current = { ...CONSULTATION_START.patient };
    expect(upgradePatient(current)).toEqual(current);
  });

  describe('in a database', () => {
    let temp: ReturnType<typeof tempDir>;
    beforeEach(() => (temp = tempDir()));
    afterEach(() => temp.cleanup());

    it('a record at schema 5 opens at schema 6 and its patient reads back', async () => {
      const id = 'fedcba9876543210fedcba9876543210';
      openTestRecords(temp.dir).close();
      const { key } = keyFileProvider(join(temp.dir, KEY_FILE)).load(true);
      const db = openEncryptedDatabase(join(temp.dir, RECORDS_FILE), key);
      try {
        // The test store opened at the latest schema: put an old-shaped patient in, as schema 5 wrote it.
        db.exec('PRAGMA user_version = 5');
        db.prepare(
          `INSERT INTO consultations (id, status, patient, accompanying, consent, started_ms, ended_ms, last_data_ms)
           VALUES (?, 'ended', ?, NULL, ?, ?, ?, ?)`,
        ).run(
          id,
          JSON.stringify({
            familyName: 'Dupont',
            givenNames: 'Marie Anne',
            birthDate: '1985-05-12',
            sex: 'female',
            ins: '985057800608441',
          }),
          JSON.stringify({
            ...CONSULTATION_START.consent,
            recordedAt: new Date(FIXTURE_EPOCH_MS).toISOString(),
          }),
          FIXTURE_EPOCH_MS,
          FIXTURE_EPOCH_MS + 600_000,
          FIXTURE_EPOCH_MS + 600_000,
        );
      } finally {
        db.close();
      }
      const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
      try {
        const detail = await api['consultation.get']({ id });
        expect(detail.summary.patient).toEqual({
          familyName: 'Dupont',
          birthGivenNames: ['Marie', 'Anne'],
          birthDate: '1985-05-12',
          sex: 'female',
          identityStatus: 'provisional',
          legacyIns: '985057800608441',
        });
      } finally {
        await backend.close();
      }
      // 7 since the doctor's verified identity (Pro Santé Connect).
      expect(MIGRATIONS).toHaveLength(7);
    });
  });

  it('a new consultation cannot carry a legacy INS', async () => {
    const temp = tempDir();
    const { backend, api } = recordBackend((now, settings) => openTestRecords(temp.dir, now, settings));
    try {
      await expect(
        api['consultation.start']({
          ...CONSULTATION_START,
          patient: { ...CONSULTATION_START.patient, legacyIns: '1850578006084' },
        }),
      ).rejects.toMatchObject({ code: 'bad-request' });
    } finally {
      await backend.close();
      temp.cleanup();
    }
  });
});
