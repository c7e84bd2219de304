import { randomBytes } from 'node:crypto';
import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { signAssertion } from '../../../src/core/psc/identity-assertion';
import { inviteIdOf } from '../../../src/core/records/consultant-sessions';
import { createCallService } from '../../../src/core/signaling/call-service';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import type { VerifiedConsultant } from '../../../src/shared/domain/consultant-identity';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT } from '../../helpers/consultation-fixture';
import { manualClock, openTestRecords, tempDir } from './records-test-kit';

/**
 * The station learns who the doctor is from the rendezvous's signed assertion (never from the
 * doctor's page), keeps it on the record with an audit row, and then takes a report or a care
 * sheet signed by that doctor only.
 */
const IDENTITY: VerifiedConsultant = {
  verified: true,
  method: 'pro-sante-connect',
  rpps: '10003461033',
  familyName: 'MARTIN',
  givenName: 'Claire',
  issuer: 'https://auth.esante.gouv.fr/auth/realms/esante-wallet',
  acr: 'eidas1',
  at: '2026-11-25T09:29:00.000Z',
};
const SIGNED = { name: 'Claire MARTIN', rpps: '10003461033' };

describe('the consultant identity on the record', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  const start = () => {
    const clock = manualClock();
    const secret = randomBytes(32);
    const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' });
    backend = createBackend({
      host: 'node',
      version: '9.9.9',
      settings,
      discovery: false,
      now: clock.now,
      call: createCallService({ secret, rendezvousOrigin: () => 'https://rdv.test', now: clock.now }),
      records: openTestRecords(temp.dir, clock.now, settings),
    });
    const assertionFor = (
      invite: string,
      identity = IDENTITY,
      key: Uint8Array = secret,
      room = 'room0123456789abcdef',
    ) =>
      signAssertion(key, {
        invite,
        room,
        exp: Math.floor(clock.now() / 1000) + 3600,
        identity,
      });
    return { api: backend.api, clock, assertionFor };
  };

  it('keeps the verified doctor on the record and in the audit log; without it, none', async () => {
    const { api, assertionFor } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    expect((await api['consultation.get']({ id })).summary.consultant).toBeUndefined();
    const invite = inviteIdOf((await api['call.invite']({})).consultantToken) ?? '';
    const result = await api['call.consultantIdentity']({ assertion: assertionFor(invite) });
    expect(result).toEqual({ consultationId: id, identity: IDENTITY });
    expect((await api['consultation.get']({ id })).summary.consultant).toEqual({
      ...IDENTITY,
      recorded: { at: '2026-11-25T09:30:00.000Z', reportFrom: 1, careSheetFrom: 1 },
    });
    const audit = (await api['audit.list']({})).filter((row) => row.action === 'consultant.verified');
    expect(audit.map((row) => [row.consultationId, row.actor])).toEqual([[id, `consultant:${invite}`]]);
    expect(audit[0]?.detail).toContain('pro-sante-connect: RPPS 10003461033, Claire MARTIN, acr eidas1');
  });

  it('refuses an assertion signed by another key, or for an invite this station never gave', async () => {
    const { api, assertionFor } = start();
    await api['consultation.start'](CONSULTATION_START);
    const invite = inviteIdOf((await api['call.invite']({})).consultantToken) ?? '';
    await expect(
      api['call.consultantIdentity']({ assertion: assertionFor(invite, IDENTITY, randomBytes(32)) }),
    ).rejects.toThrow(/^consultant-identity-invalid/);
    await expect(
      api['call.consultantIdentity']({ assertion: assertionFor('someOtherInvite0123456') }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('takes an assertion for the call’s own room from an invite this run did not give (a restarted host)', async () => {
    const { api, assertionFor } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const { consultantToken } = await api['call.invite']({});
    const payload = JSON.parse(
      Buffer.from(consultantToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as {
      room: string;
    };
    // The doctor's seat came back with its resume token: an invite from before the restart.
    const result = await api['call.consultantIdentity']({
      assertion: assertionFor('inviteBeforeRestart01', IDENTITY, undefined, payload.room),
    });
    expect(result).toEqual({ consultationId: id, identity: IDENTITY });
  });

  it('takes a report and care sheet signed by the verified doctor only (author-not-verified)', async () => {
    const { api, assertionFor } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const invite = inviteIdOf((await api['call.invite']({})).consultantToken) ?? '';
    // Before the sign-in is known, the typed author is taken as before.
    await api['consultation.report']({ id, report: FIXTURE_REPORT });
    await api['call.consultantIdentity']({ assertion: assertionFor(invite) });
    await expect(api['consultation.report']({ id, report: FIXTURE_REPORT })).rejects.toThrow(
      /^author-not-verified/,
    );
    await expect(
      api['consultation.report']({ id, report: { ...FIXTURE_REPORT, author: SIGNED } }),
    ).resolves.toMatchObject({ reportVersion: 2 });
    // Another doctor on the care sheet, even with a reason: not with a verified doctor.
    const other = { ...FIXTURE_CARE_SHEET, doctorReason: 'remplaçant' };
    await expect(api['consultation.report']({ id, careSheet: other })).rejects.toThrow(
      /^author-not-verified/,
    );
    await expect(
      api['consultation.report']({ id, careSheet: { ...FIXTURE_CARE_SHEET, doctor: SIGNED } }),
    ).resolves.toMatchObject({ careSheetVersion: 1 });
    const refused = (await api['audit.list']({})).filter((row) => row.action === 'write.refused');
    expect(refused.map((row) => row.detail)).toEqual([
      'report or care sheet refused: author-not-verified',
      'report or care sheet refused: author-not-verified',
    ]);
  });

  it('keeps when it took the identity, so exports say verified only for what was signed after it', async () => {
    const { api, clock, assertionFor } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const invite = inviteIdOf((await api['call.invite']({})).consultantToken) ?? '';
    const exported = async (format: 'care-sheet-json' | 'fhir-json'): Promise<unknown> =>
      JSON.parse(
        Buffer.from(
          (await api['consultation.export']({ id, format, language: 'en' })).dataBase64,
          'base64',
        ).toString('utf8'),
      );
    const verification = async (): Promise<unknown> =>
      (
        (await exported('fhir-json')) as { entry: { resource: { resourceType: string; status?: string } }[] }
      ).entry
        .map((entry) => entry.resource)
        .find((resource) => resource.resourceType === 'VerificationResult')?.status;
    // Typed with the doctor's own name and RPPS before the sign-in was known: version 1.
    await api['consultation.report']({ id, report: { ...FIXTURE_REPORT, author: SIGNED } });
    clock.advance(60_000);
    await api['call.consultantIdentity']({ assertion: assertionFor(invite) });
    const recorded = { at: '2026-11-25T09:31:00.000Z', reportFrom: 2, careSheetFrom: 1 };
    expect((await api['consultation.get']({ id })).summary.consultant).toEqual({ ...IDENTITY, recorded });
    // The same identity again (the doctor's page resumed) keeps the first record of it.
    clock.advance(60_000);
    await api['call.consultantIdentity']({ assertion: assertionFor(invite) });
    expect((await api['consultation.get']({ id })).summary.consultant).toEqual({ ...IDENTITY, recorded });

    await api['consultation.report']({ id, careSheet: { ...FIXTURE_CARE_SHEET, doctor: SIGNED } });
    expect(((await exported('care-sheet-json')) as { doctor: unknown }).doctor).toEqual({
      ...SIGNED,
      identity: {
        verified: true,
        method: 'pro-sante-connect',
        issuer: IDENTITY.issuer,
        acr: 'eidas1',
        authenticatedAt: IDENTITY.at,
      },
    });
    // The report the FHIR bundle names was saved before: the record cannot prove who typed it.
    expect(await verification()).toBe('attested');
    await api['consultation.report']({ id, report: { ...FIXTURE_REPORT, author: SIGNED } });
    expect(await verification()).toBe('validated');
  });

  it('a closed record takes no identity any more', async () => {
    const { api, assertionFor } = start();
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const invite = inviteIdOf((await api['call.invite']({})).consultantToken) ?? '';
    await api['consultation.end']({ id });
    await expect(api['call.consultantIdentity']({ assertion: assertionFor(invite) })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await api['consultation.get']({ id })).summary.consultant).toBeUndefined();
  });
});
