import { randomBytes } from 'node:crypto';
import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { createCallService } from '../../../src/core/signaling/call-service';
import { verifyToken } from '../../../src/core/signaling/invite-token';
import { signAssertion } from '../../../src/core/psc/identity-assertion';
import type { VerifiedConsultant } from '../../../src/shared/domain/consultant-identity';
import { API_METHODS, API_METHOD_NAMES } from '../../../src/shared/api';
import type { Report } from '../../../src/shared/domain/consultation';
import { CONSULTATION_START } from '../../helpers/consultation-start';
import { FIXTURE_CARE_SHEET, FIXTURE_REPORT, solidPng } from '../../helpers/consultation-fixture';
import { manualClock, openTestRecords, tempDir } from './records-test-kit';

const HOUR = 3_600_000;
const AMENDED: Report = { ...FIXTURE_REPORT, conclusion: 'Radio de thorax demandée ; revoir dans 48 h.' };

/**
 * Report-only sessions (issue 12): after the end, the doctor adds report versions through a
 * session bound to one consultation, within the amendment window; nothing else can be written
 * through it. Real call service (tokens signed and verified), real store, injected clock.
 */
describe('report-only sessions', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  const secret = randomBytes(32);
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  const start = (patch = {}) => {
    const clock = manualClock();
    const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier', ...patch });
    backend = createBackend({
      host: 'node',
      version: '9.9.9',
      settings,
      discovery: false,
      now: clock.now,
      call: createCallService({ secret, rendezvousOrigin: () => 'https://station.test', now: clock.now }),
      records: openTestRecords(temp.dir, clock.now, settings),
    });
    return { api: backend.api, clock, settings };
  };

  /** A consultation with a first report saved during the call, then ended an hour later. */
  const endedWithReport = async (patch = {}) => {
    const ctx = start(patch);
    const { id } = await ctx.api['consultation.start'](CONSULTATION_START);
    await ctx.api['call.invite']({});
    await ctx.api['consultation.report']({ id, report: FIXTURE_REPORT });
    const link = await ctx.api['report.link']({ id }); // handed to the doctor during the call
    ctx.clock.advance(HOUR);
    await ctx.api['consultation.end']({ id });
    return { ...ctx, id, link };
  };

  it('with a verified doctor, takes versions only from that doctor as the rendezvous seated them', async () => {
    const ctx = start();
    const { api, clock } = ctx;
    const { id } = await api['consultation.start'](CONSULTATION_START);
    const invite = verifyToken(secret, (await api['call.invite']({})).consultantToken, clock.now());
    if (!invite.ok) throw new Error('invite does not verify');
    const doctor: VerifiedConsultant = {
      verified: true,
      method: 'pro-sante-connect',
      rpps: '10003461033',
      familyName: 'MARTIN',
      givenName: 'Claire',
      issuer: 'https://auth.esante.gouv.fr/auth/realms/esante-wallet',
      acr: 'eidas1',
      at: '2026-11-25T09:29:00.000Z',
    };
    const assertion = (claims: { jti: string; room: string }, identity = doctor) =>
      signAssertion(secret, {
        invite: claims.jti,
        room: claims.room,
        exp: Math.floor(clock.now() / 1000) + 3600,
        identity,
      });
    await api['call.consultantIdentity']({ assertion: assertion(invite.claims) });
    const link = await api['report.link']({ id });
    await api['consultation.end']({ id });
    const signed: Report = { ...AMENDED, author: { name: 'Claire MARTIN', rpps: '10003461033' } };
    const reportLink = verifyToken(secret, link.consultantToken, clock.now());
    if (!reportLink.ok) throw new Error('report link does not verify');

    // Nobody verified in the report room yet: refused, audited, nothing written.
    await expect(api['report.save']({ session: link.session, report: signed })).rejects.toThrow(
      /^author-not-verified/,
    );
    // The call room's assertion is not this room's.
    await expect(
      api['report.identity']({ session: link.session, assertion: assertion(invite.claims) }),
    ).rejects.toThrow(/^consultant-identity-invalid/);
    // Another signed-in professional in the report room cannot write under the record's doctor.
    const other = { ...doctor, rpps: '10000000009', givenName: 'Paul' };
    await api['report.identity']({ session: link.session, assertion: assertion(reportLink.claims, other) });
    await expect(api['report.save']({ session: link.session, report: signed })).rejects.toThrow(
      /^author-not-verified/,
    );
    // The record's own doctor: taken.
    const taken = await api['report.identity']({
      session: link.session,
      assertion: assertion(reportLink.claims),
    });
    expect(taken).toEqual({ consultationId: id, identity: doctor });
    await expect(api['report.save']({ session: link.session, report: signed })).resolves.toEqual({
      reportVersion: 1,
    });
    const refused = (await api['audit.list']({})).filter((row) => row.action === 'write.refused');
    expect(refused).toHaveLength(2);
  });

  it('issues a link to a room of its own, and station tokens for it, valid until the window closes', async () => {
    const { api, clock, id, link } = await endedWithReport();
    expect(API_METHODS['report.link'].result.parse(link)).toEqual(link);
    expect(link.consultantUrl).toBe(`https://station.test/consultant.html#report=${link.consultantToken}`);
    const consultant = verifyToken(secret, link.consultantToken, clock.now());
    const join = await api['report.join']({ session: link.session });
    const station = verifyToken(secret, join.token, clock.now());
    if (!consultant.ok || !station.ok) throw new Error('tokens do not verify');
    expect(station.claims.room).toBe(consultant.claims.room);
    expect(station.claims.role).toBe('station');
    const call = await api['call.join']({}).catch(() => null);
    expect(call).toBeNull(); // no active consultation, no call room: the report room is apart
    // Issued after the end, the link lasts exactly as long as the window.
    const again = await api['report.link']({ id });
    const endedMs = clock.now();
    expect(again.windowClosesAt).toBe(new Date(endedMs + 24 * HOUR).toISOString());
    const later = verifyToken(secret, again.consultantToken, clock.now());
    expect(later.ok && later.claims.exp).toBe(Math.floor((endedMs + 24 * HOUR) / 1000));
  });

  it('loads the latest versions and saves a new report version, audited under the link', async () => {
    const { api, clock, id, link } = await endedWithReport();
    const state = await api['report.load']({ session: link.session });
    expect(state).toMatchObject({
      consultationId: id,
      status: 'ended',
      report: { version: 1, value: FIXTURE_REPORT },
      careSheet: null,
    });
    clock.advance(2 * HOUR);
    expect(await api['report.save']({ session: link.session, report: AMENDED })).toEqual({
      reportVersion: 2,
    });
    const detail = await api['consultation.get']({ id });
    expect(detail.report).toEqual(AMENDED);
    expect(detail.versions?.filter((v) => v.kind === 'report').map((v) => v.version)).toEqual([1, 2]);
    const jti = link.consultantToken.split('.')[1];
    const claims = JSON.parse(Buffer.from(jti ?? '', 'base64url').toString()) as { jti: string };
    const audit = await api['audit.list']({});
    const version = audit.find((row) => row.action === 'report.version' && /version 2/.test(row.detail));
    expect(version).toMatchObject({ actor: `consultant:${claims.jti}`, consultationId: id });
    expect(version?.detail).toContain('after the end');
    expect(audit.some((row) => row.action === 'report.link' && row.actor === 'Léa Garnier')).toBe(true);
  });

  it('refuses every other write: care sheet through the session, chat, notes, media, another consultation', async () => {
    const { api, id, link } = await endedWithReport();
    const sealed = { code: 'forbidden', message: expect.stringMatching(/^record-sealed: /) as unknown };
    await expect(
      api['report.save']({ session: link.session, careSheet: FIXTURE_CARE_SHEET }),
    ).rejects.toMatchObject(sealed);
    // A report and a care sheet together: the sealed part refuses the whole save, nothing written.
    await expect(
      api['report.save']({ session: link.session, report: AMENDED, careSheet: FIXTURE_CARE_SHEET }),
    ).rejects.toMatchObject(sealed);
    await expect(
      api['consultation.append']({ id, event: { kind: 'chat', from: 'consultant', text: 'encore là ?' } }),
    ).rejects.toMatchObject(sealed);
    await expect(
      api['consultation.append']({
        id,
        event: { kind: 'note', author: 'Dr Martin', text: 'ajout' },
        via: 'consultant',
      }),
    ).rejects.toMatchObject(sealed);
    await expect(
      api['consultation.attach']({
        id,
        kind: 'snapshot',
        mime: 'image/png',
        dataBase64: Buffer.from(solidPng(4, 4, [9, 9, 9])).toString('base64'),
        takenAt: '2026-11-25T10:40:00.000Z',
      }),
    ).rejects.toMatchObject(sealed);
    // A session names no consultation: an id beside it is refused by the contract.
    const next = await api['consultation.start'](CONSULTATION_START);
    await expect(
      (api['report.save'] as (p: unknown) => Promise<unknown>)({
        session: link.session,
        id: next.id,
        report: AMENDED,
      }),
    ).rejects.toMatchObject({ code: 'bad-request' });
    // The next patient's consultation is not reachable through the earlier one's session.
    expect(await api['report.save']({ session: link.session, report: AMENDED })).toEqual({
      reportVersion: 2,
    });
    expect((await api['consultation.get']({ id: next.id })).report).toBeNull();
    // Only the report methods take a session at all.
    const takingSession = API_METHOD_NAMES.filter((method) => {
      const shape = (API_METHODS[method].params as unknown as { shape?: Record<string, unknown> }).shape;
      return shape !== undefined && 'session' in shape;
    });
    expect(takingSession.sort()).toEqual(['report.identity', 'report.join', 'report.load', 'report.save']);
    const detail = await api['consultation.get']({ id });
    expect(detail.careSheet).toBeNull();
    expect(detail.media).toHaveLength(0);
    expect(detail.timeline.some((e) => e.kind === 'chat' || e.kind === 'note')).toBe(false);
  });

  it('closes with the window: saves, joins and new links are refused with amend-window-closed', async () => {
    const { api, clock, id, link } = await endedWithReport();
    clock.advance(24 * HOUR - 1);
    expect(await api['report.save']({ session: link.session, report: AMENDED })).toEqual({
      reportVersion: 2,
    });
    clock.advance(2);
    const closed = { code: 'forbidden', message: expect.stringMatching(/^amend-window-closed: /) as unknown };
    await expect(api['report.save']({ session: link.session, report: FIXTURE_REPORT })).rejects.toMatchObject(
      closed,
    );
    await expect(api['report.join']({ session: link.session })).rejects.toMatchObject(closed);
    await expect(api['report.link']({ id })).rejects.toMatchObject(closed);
    expect((await api['consultation.get']({ id })).report).toEqual(AMENDED);
  });

  it('follows the setting: a window made shorter closes an open session at once', async () => {
    const { api, clock, settings, link } = await endedWithReport();
    settings.update({ reportAmendHours: 0 });
    clock.advance(1);
    await expect(api['report.save']({ session: link.session, report: AMENDED })).rejects.toMatchObject({
      message: expect.stringMatching(/^amend-window-closed: /) as unknown,
    });
  });

  it('refuses an unknown session (a guess, or a station restarted since)', async () => {
    const { api } = await endedWithReport();
    const unknown = {
      code: 'forbidden',
      message: expect.stringMatching(/^report-session-unknown: /) as unknown,
    };
    const session = 'AAAAAAAAAAAAAAAAAAAAAA';
    await expect(api['report.load']({ session })).rejects.toMatchObject(unknown);
    await expect(api['report.save']({ session, report: AMENDED })).rejects.toMatchObject(unknown);
    await expect(api['report.join']({ session })).rejects.toMatchObject(unknown);
  });
});
