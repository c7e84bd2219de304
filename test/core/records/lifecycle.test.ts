import { createBackend } from '../../../src/core/backend';
import type { Backend } from '../../../src/core/backend-types';
import type { ConsultationStore } from '../../../src/core/records/consultation-store';
import { MemorySettingsStore } from '../../../src/core/settings/memory-settings-store';
import { createCallService, type CallService } from '../../../src/core/signaling/call-service';
import { verifyToken } from '../../../src/core/signaling/invite-token';
import { API_METHODS } from '../../../src/shared/api';
import type { ConsultationSummary } from '../../../src/shared/domain/consultation';
import { CONSULTATION_START, CONSULTATION_START_NO_DEVICE_DATA } from '../../helpers/consultation-start';
import { solidPng, sineWav } from '../../helpers/consultation-fixture';
import { FakeTransport } from '../../helpers/fake-transport';
import { testDriver, testFrame } from '../../helpers/test-driver';
import { manualClock, openTestRecords, oximeterSecond, tempDir } from './records-test-kit';

const BLE = 'ble-plx-continuous@Nonin 3150';

const fakeCall: CallService = {
  bindRoom: () => undefined,
  invite: () =>
    Promise.resolve({
      consultantUrl: 'https://x.test/c',
      consultantToken: 't',
      expiresAt: '2026-11-25T10:00:00.000Z',
    }),
  join: () =>
    Promise.resolve({
      signalingUrl: 'wss://x.test/signal',
      token: 't',
      expiresAt: '2026-11-25T10:00:00.000Z',
    }),
};

function setup(
  store: ConsultationStore | Error | undefined,
  clock = manualClock(),
  settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' }),
) {
  const transports = new Map<string, FakeTransport>();
  const backend = createBackend({
    host: 'node',
    version: '9.9.9',
    settings,
    discovery: false,
    now: clock.now,
    call: fakeCall,
    ...(store === undefined ? {} : { records: store }),
    resolveDriver: (protocol) => (protocol === testDriver.protocol ? testDriver : null),
    createTransport: (path) => {
      const transport = new FakeTransport(path);
      transports.set(path, transport);
      return transport;
    },
  });
  const changes: (ConsultationSummary | null)[] = [];
  backend.on('consultation.changed', (summary) => changes.push(summary));
  return { backend, transports, changes, clock };
}

const bleSecond = (ms: number, spo2 = 97) => oximeterSecond(ms, spo2).map((r) => ({ ...r, device: BLE }));

describe('consultation lifecycle through the backend API', () => {
  let temp: ReturnType<typeof tempDir>;
  let backend: Backend | null = null;
  beforeEach(() => (temp = tempDir()));
  afterEach(async () => {
    await backend?.close();
    backend = null;
    temp.cleanup();
  });

  it('start with consent → readings → snapshot → chat → report → end → get and list', async () => {
    const clock = manualClock();
    const settings = new MemorySettingsStore({ operatorName: 'Léa Garnier' });
    const ctx = setup(openTestRecords(temp.dir, clock.now, settings), clock, settings);
    backend = ctx.backend;
    const api = backend.api;

    // A device already streaming when the consultation starts appears in its timeline.
    await backend.connectDevice({ path: '/dev/ttyS9', protocol: testDriver.protocol });
    ctx.transports.get('/dev/ttyS9')!.emitData(testFrame(97, 65, 10), clock.now());

    const started = await api['consultation.start'](CONSULTATION_START);
    expect(API_METHODS['consultation.start'].result.parse(started)).toEqual(started);
    expect(started).toMatchObject({
      status: 'active',
      consent: { teleconsultation: true, recordedAt: '2026-11-25T09:30:00.000Z' },
    });
    expect(await api['consultation.current']({})).toMatchObject({ id: started.id });
    expect(ctx.changes.at(-1)).toMatchObject({ id: started.id, status: 'active' });
    await expect(api['consultation.start'](CONSULTATION_START)).rejects.toMatchObject({ code: 'forbidden' });

    for (let s = 0; s < 3; s++) {
      clock.advance(1000);
      await api['readings.submit']({ readings: bleSecond(clock.now(), 95 + s) });
    }
    const png = solidPng(32, 24, [10, 20, 30]);
    const { mediaId } = await api['consultation.attach']({
      id: started.id,
      kind: 'snapshot',
      mime: 'image/png',
      dataBase64: Buffer.from(png).toString('base64'),
      takenAt: new Date(clock.now()).toISOString(),
      label: 'Otoscope',
    });
    const wav = sineWav(8000, 0.5, 200);
    await api['consultation.attach']({
      id: started.id,
      kind: 'stethoscope',
      mime: 'audio/wav',
      dataBase64: Buffer.from(wav).toString('base64'),
      takenAt: new Date(clock.now()).toISOString(),
    });
    await api['consultation.append']({
      id: started.id,
      event: { kind: 'chat', from: 'consultant', text: 'Bonjour' },
    });
    clock.advance(60_000);
    const withReport = await api['consultation.report']({
      id: started.id,
      report: {
        author: { name: 'Dr Martin' },
        reason: 'Dyspnée',
        findings: 'RAS',
        conclusion: 'Rassurant',
        prescriptions: '',
      },
    });
    expect(withReport.summary.hasReport).toBe(true);
    expect(withReport.reportVersion).toBe(1);
    const ended = await api['consultation.end']({ id: started.id });
    expect(ended).toMatchObject({ status: 'ended', endedAt: '2026-11-25T09:31:03.000Z' });
    expect(await api['consultation.current']({})).toBeNull();
    expect(ctx.changes.at(-1)).toBeNull();

    const detail = await api['consultation.get']({ id: started.id });
    expect(API_METHODS['consultation.get'].result.parse(detail)).toEqual(detail);
    expect(detail.timeline.map((e) => e.kind)).toEqual([
      'started',
      'consent',
      'device',
      'media',
      'media',
      'chat',
      'report',
      'ended',
    ]);
    const spo2 = detail.metrics.find((m) => m.device === BLE && m.metric === 'MDC_PULS_OXIM_SAT_O2');
    expect(spo2).toMatchObject({ count: 3, min: { value: 95 }, max: { value: 97 }, last: { value: 97 } });
    expect(detail.waveforms.find((w) => w.device === BLE)).toMatchObject({ rateHz: 60, samples: 180 });
    expect(detail.media.map((m) => [m.kind, m.width ?? m.durationS])).toEqual([
      ['snapshot', 32],
      ['stethoscope', 0.5],
    ]);
    expect(detail.devices.map((d) => d.id).sort()).toEqual([BLE, `${testDriver.protocol}@/dev/ttyS9`].sort());
    expect(detail.report?.reason).toBe('Dyspnée');

    const media = await api['consultation.media']({ id: started.id, mediaId });
    expect(Buffer.from(media.dataBase64, 'base64')).toEqual(Buffer.from(png));
    const list = await api['consultation.list']({});
    expect(list.map((c) => [c.id, c.status, c.counts.media])).toEqual([[started.id, 'ended', 2]]);

    const audit = await api['audit.list']({});
    expect(audit.map((a) => a.action).reverse()).toEqual([
      'database.key-created',
      'database.open',
      'consultation.start',
      'media.attach',
      'media.attach',
      'chat.add',
      'report.version',
      'consultation.end',
      'consultation.open',
    ]);
    expect(audit[0]).toMatchObject({ actor: 'Léa Garnier', consultationId: started.id });
    // The doctor's writes name their session as the station knows it (no invite in this test).
    expect(audit.find((a) => a.action === 'report.version')).toMatchObject({
      actor: 'consultant:no-invite',
      detail: 'report version 1',
    });
    expect(audit.find((a) => a.action === 'chat.add')?.actor).toBe('consultant:no-invite');
  });

  it('refuses to start without consent to the teleconsultation, and stores nothing', async () => {
    backend = setup(openTestRecords(temp.dir)).backend;
    const refused = backend.api['consultation.start']({
      ...CONSULTATION_START,
      consent: { ...CONSULTATION_START.consent, teleconsultation: false },
    });
    await expect(refused).rejects.toMatchObject({
      code: 'forbidden',
      message: /^consent-required:/,
    });
    expect(await backend.api['consultation.list']({})).toEqual([]);
  });

  it('no consent, no call: call.invite and call.join are refused until a consultation is active', async () => {
    backend = setup(openTestRecords(temp.dir)).backend;
    for (const method of ['call.invite', 'call.join'] as const)
      await expect(backend.api[method]({})).rejects.toMatchObject({
        code: 'forbidden',
        message: /^consent-required:/,
      });
    const { id } = await backend.api['consultation.start'](CONSULTATION_START);
    await expect(backend.api['call.join']({})).resolves.toMatchObject({
      signalingUrl: 'wss://x.test/signal',
    });
    await expect(backend.api['call.invite']({})).resolves.toMatchObject({ consultantToken: 't' });
    await backend.api['consultation.end']({ id });
    await expect(backend.api['call.join']({})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives each consultation its own room: a link issued for the previous patient leads nowhere', async () => {
    const secret = Buffer.alloc(32, 7);
    const store = openTestRecords(temp.dir);
    backend = createBackend({
      host: 'node',
      version: '9.9.9',
      settings: new MemorySettingsStore(),
      discovery: false,
      records: store,
      call: createCallService({ secret, rendezvousOrigin: () => 'https://rdv.test' }),
    });
    const roomOf = (token: string): string => {
      const verified = verifyToken(secret, token, Date.now());
      if (!verified.ok) throw new Error('token must verify');
      return verified.claims.room;
    };
    const first = await backend.api['consultation.start'](CONSULTATION_START);
    const unusedLink = await backend.api['call.invite']({});
    const firstJoin = await backend.api['call.join']({});
    expect(roomOf(firstJoin.token)).toBe(roomOf(unusedLink.consultantToken));
    await backend.api['consultation.end']({ id: first.id });

    await backend.api['consultation.start'](CONSULTATION_START);
    const secondJoin = await backend.api['call.join']({});
    const secondLink = await backend.api['call.invite']({});
    expect(roomOf(secondJoin.token)).not.toBe(roomOf(unusedLink.consultantToken));
    expect(roomOf(secondLink.consultantToken)).toBe(roomOf(secondJoin.token));
  });

  it('records no readings without consent to device data, nor outside a consultation', async () => {
    const clock = manualClock();
    backend = setup(openTestRecords(temp.dir, clock.now), clock).backend;
    await backend.api['readings.submit']({ readings: bleSecond(clock.now()) });
    const { id } = await backend.api['consultation.start'](CONSULTATION_START_NO_DEVICE_DATA);
    await backend.api['readings.submit']({ readings: bleSecond(clock.now() + 1000) });
    await backend.api['consultation.end']({ id });
    await backend.api['readings.submit']({ readings: bleSecond(clock.now() + 2000) });
    const [summary] = await backend.api['consultation.list']({});
    expect(summary?.counts).toMatchObject({ numerics: 0, waveformSamples: 0 });
  });

  it('refuses media whose bytes are not what the mime says, and attaching to an ended record', async () => {
    backend = setup(openTestRecords(temp.dir)).backend;
    const { id } = await backend.api['consultation.start'](CONSULTATION_START);
    const png = Buffer.from(solidPng(4, 4, [0, 0, 0])).toString('base64');
    const attach = (mime: 'image/jpeg' | 'image/png' | 'audio/wav', dataBase64: string) =>
      backend!.api['consultation.attach']({
        id,
        kind: 'snapshot',
        mime,
        dataBase64,
        takenAt: '2026-11-25T09:30:00.000Z',
      });
    await expect(attach('image/jpeg', png)).rejects.toMatchObject({
      code: 'bad-request',
      message: /image\/png, not image\/jpeg/,
    });
    await expect(
      attach('image/png', Buffer.from('#!/bin/sh\nrm -rf /').toString('base64')),
    ).rejects.toMatchObject({
      code: 'bad-request',
    });
    await expect(attach('image/png', png)).resolves.toMatchObject({
      mediaId: /^[0-9a-f]{32}$/,
    });
    await backend.api['consultation.end']({ id });
    await expect(attach('image/png', png)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('deletes an ended record with its media, never the active one, and audits it', async () => {
    backend = setup(openTestRecords(temp.dir)).backend;
    const { id } = await backend.api['consultation.start'](CONSULTATION_START);
    await expect(backend.api['consultation.delete']({ id })).rejects.toMatchObject({ code: 'forbidden' });
    await backend.api['consultation.end']({ id });
    await backend.api['consultation.delete']({ id });
    await expect(backend.api['consultation.get']({ id })).rejects.toMatchObject({ code: 'not-found' });
    expect((await backend.api['audit.list']({ limit: 1 }))[0]).toMatchObject({
      action: 'consultation.delete',
      consultationId: id,
    });
  });

  it('answers unavailable without records, with the reason when they failed to open', async () => {
    backend = setup(undefined).backend;
    await expect(backend.api['consultation.current']({})).rejects.toMatchObject({ code: 'unavailable' });
    await backend.close();
    backend = setup(new Error('records.db: the key does not open this database')).backend;
    await expect(backend.api['consultation.list']({})).rejects.toMatchObject({
      code: 'unavailable',
      message: /the key does not open/,
    });
    await expect(backend.api['call.join']({})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('exports answer unavailable for a format not built, and name files in ASCII', async () => {
    // The file name carries the consultation's date: every clock here is the test's, never the wall's.
    const clock = manualClock();
    const store = openTestRecords(temp.dir, clock.now);
    const ctx = setup(store, clock);
    backend = ctx.backend;
    const { id } = await backend.api['consultation.start'](CONSULTATION_START);
    await backend.close();
    backend = createBackend({
      host: 'node',
      version: '1',
      settings: new MemorySettingsStore(),
      discovery: false,
      now: clock.now,
      records: openTestRecords(temp.dir, clock.now),
      exports: {
        'care-sheet-json': (source) =>
          Promise.resolve({
            mime: 'application/json',
            extension: 'json',
            label: 'care-sheet',
            bytes: new TextEncoder().encode(source.detail.summary.id),
          }),
      },
    });
    const file = await backend.api['consultation.export']({ id, format: 'care-sheet-json', language: 'fr' });
    expect(file).toMatchObject({
      fileName: 'care-sheet-2026-11-25-dupont-lefevre.json',
      mime: 'application/json',
    });
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toBe(id);
    await expect(
      backend.api['consultation.export']({ id, format: 'fhir-json', language: 'en' }),
    ).rejects.toMatchObject({
      code: 'unavailable',
    });
    const actions = (await backend.api['audit.list']({})).map((a) => a.action);
    expect(actions).toContain('consultation.export');
    // Reopened at once on the same clock: the consultation was resumed, not interrupted.
    expect(actions).toContain('consultation.resumed');
  });
});
