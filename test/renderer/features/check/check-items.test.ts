import { formatterFor, messagesFor } from '../../../../src/shared/i18n';
import type { CheckItem } from '../../../../src/shared/domain/equipment-check';
import { summarizeLevels, toDbfs } from '../../../../src/renderer/features/check/audio-level';
import { checkMessages } from '../../../../src/renderer/features/check/check-messages';
import {
  buildReport,
  countByStatus,
  mergeItems,
  reportFileName,
} from '../../../../src/renderer/features/check/check-report';
import { localizeHostItem } from '../../../../src/renderer/features/check/host-items';
import { relayChecks } from '../../../../src/renderer/features/check/relay-checks';
import {
  turnUrlsByTransport,
  type RelayResult,
} from '../../../../src/renderer/features/check/relay-loopback';
import { runtimeChecks } from '../../../../src/renderer/features/check/runtime-checks';

const en = messagesFor(checkMessages, 'en');
const fr = messagesFor(checkMessages, 'fr');
const formatFr = formatterFor('fr');
const formatEn = formatterFor('en');

const hostItem = (fields: Partial<CheckItem>): CheckItem => ({
  id: 'x',
  category: 'network',
  status: 'pass',
  title: 'English title',
  detail: 'English detail.',
  fix: '',
  ...fields,
});

describe('audio levels', () => {
  it('converts to dBFS with a floor, and flags silence under −60 dBFS and clipping', () => {
    expect(toDbfs(1)).toBe(0);
    expect(toDbfs(0.25)).toBe(-12);
    expect(toDbfs(0)).toBe(-100);
    expect(summarizeLevels([{ peak: 0.0005, rms: 0.0001, clipping: false }])).toMatchObject({
      silent: true,
      clipping: false,
    });
    expect(
      summarizeLevels([
        { peak: 1, rms: 0.5, clipping: true },
        { peak: 0.1, rms: 0.05, clipping: false },
      ]),
    ).toMatchObject({
      peakDbfs: 0,
      silent: false,
      clipping: true,
    });
  });
});

describe('runtime items', () => {
  const facts = { peerConnection: true, getUserMedia: true, secureContext: true };
  it('passes with VP8, H.264 and Opus; warns without H.264; fails without Opus', () => {
    const all = runtimeChecks(en, { ...facts, codecs: ['video/vp8', 'video/h264', 'audio/opus'] });
    expect(all.map((item) => item.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    const noH264 = runtimeChecks(en, { ...facts, codecs: ['video/vp8', 'audio/opus'] })[3];
    expect(noH264).toMatchObject({ status: 'warn', detail: 'Available: VP8, Opus. Missing: H.264.' });
    expect(runtimeChecks(en, { ...facts, codecs: ['video/vp8'] })[3]?.status).toBe('fail');
  });

  it('fails an insecure context with the fix, in French too', () => {
    const [, media, secure] = runtimeChecks(fr, {
      ...facts,
      getUserMedia: false,
      secureContext: false,
      codecs: [],
    });
    expect(secure).toMatchObject({ status: 'fail', fix: fr.secureFix });
    expect(media?.fix).toBe(fr.secureFix);
  });
});

describe('relay items', () => {
  it('derives the UDP and TCP variants of the first TURN URL; turns: has no UDP', () => {
    expect(turnUrlsByTransport(['turn:h:3478?transport=udp'])).toEqual({
      udp: 'turn:h:3478?transport=udp',
      tcp: 'turn:h:3478?transport=tcp',
    });
    expect(turnUrlsByTransport(['turns:h:5349'])).toEqual({ udp: null, tcp: 'turns:h:5349?transport=tcp' });
  });

  it('tests each transport with the issued credential and reports failures with the fix', async () => {
    const tried: RTCIceServer[] = [];
    const loopback = (server: RTCIceServer): Promise<RelayResult> => {
      tried.push(server);
      return Promise.resolve(
        String(server.urls).endsWith('udp')
          ? { ok: true, rttMs: 3.2, relayCandidates: 2 }
          : { ok: false, reason: 'no-relay-candidate', message: 'the TURN server gave no relay address' },
      );
    };
    const items = await relayChecks(
      en,
      formatEn,
      [{ urls: ['turn:h:3478'], username: 'u', credential: 'c' }],
      loopback,
    );
    expect(tried).toEqual([
      { urls: 'turn:h:3478?transport=udp', username: 'u', credential: 'c' },
      { urls: 'turn:h:3478?transport=tcp', username: 'u', credential: 'c' },
    ]);
    expect(items.map((item) => [item.id, item.status])).toEqual([
      ['network.relay-udp', 'pass'],
      ['network.relay-tcp', 'fail'],
    ]);
    expect(items[1]?.fix).toBe(en.relayFailedFix('TCP'));
  });

  it('words a failure by its reason code, never with the browser’s English message', async () => {
    const items = await relayChecks(fr, formatFr, [{ urls: ['turn:h:3478'] }], () =>
      Promise.resolve({
        ok: false,
        reason: 'timeout',
        message: 'the relayed connection did not open in time',
      }),
    );
    expect(items[0]?.detail).toBe(`${fr.relayFailed('UDP')} ${fr.relayReason('timeout')}`);
    expect(items[0]?.detail).not.toMatch(/relayed connection/);
    expect(items[0]?.measured?.['message']).toBe('the relayed connection did not open in time');
  });

  it('warns when no TURN server is configured', async () => {
    const items = await relayChecks(en, formatEn, []);
    expect(items.map((item) => item.status)).toEqual(['warn', 'warn']);
  });
});

describe('host items in the screen language', () => {
  it('translates the rendezvous, throughput and device items from their code', () => {
    const rendezvous = localizeHostItem(
      hostItem({ id: 'network.rendezvous', measured: { code: 'good', rttMs: 1.5, jitterMs: 0.2 } }),
      fr,
      formatFr,
    );
    expect(rendezvous).toMatchObject({
      title: 'Serveur de rendez-vous',
      detail: 'Joignable : aller-retour 1,5 ms, gigue 0,2 ms.',
    });
    const upload = localizeHostItem(
      hostItem({
        id: 'network.upload',
        status: 'warn',
        measured: { code: 'reduced-video', uploadKbps: 640 },
      }),
      fr,
      formatFr,
    );
    expect(upload.detail).toBe('640 kbit/s : la vidéo sera réduite (résolution et fluidité moindres).');
    expect(upload.fix).toBe(fr.weakLinkFix);
    const unmeasured = localizeHostItem(
      hostItem({
        id: 'network.download',
        status: 'skipped',
        detail: 'Not measured: the server does not offer it.',
        fix: 'Start the rendezvous server with --check-endpoints to measure throughput.',
        measured: { code: 'not-offered' },
      }),
      fr,
      formatFr,
    );
    expect(unmeasured).toMatchObject({
      title: 'Débit descendant',
      detail: 'Non mesuré. Le serveur de rendez-vous ne propose pas le test de débit.',
      fix: fr.throughputWhyNotFix('not-offered'),
    });
    const unplugged = localizeHostItem(
      hostItem({
        id: 'devices.x@/dev/ttyUSB0',
        category: 'devices',
        status: 'fail',
        title: 'Contec',
        measured: { code: 'disconnected', path: '/dev/ttyUSB0' },
      }),
      fr,
      formatFr,
    );
    const simulated = localizeHostItem(
      hostItem({
        id: 'devices.x@/dev/pts/3',
        category: 'devices',
        title: 'Contec (SIMULATED)',
        measured: { code: 'streaming', path: '/dev/pts/3', simulated: true, lastReadingAgeS: 0.2 },
      }),
      fr,
      formatFr,
    );
    expect(simulated.title).toBe('Contec (SIMULÉ)');
    expect(unplugged).toMatchObject({
      title: 'Contec',
      detail: '/dev/ttyUSB0 a disparu : l’appareil est débranché ou éteint.',
    });
  });

  it('names a known device from the catalogue, not by its driver’s English name', () => {
    const oximeter = localizeHostItem(
      hostItem({
        id: 'devices.contec-cms50-v7@/dev/pts/4',
        category: 'devices',
        title: 'Contec CMS50 pulse oximeter (protocol V7) (SIMULATED)',
        measured: { code: 'streaming', path: '/dev/pts/4', simulated: true, lastReadingAgeS: 0.2 },
      }),
      fr,
      formatFr,
    );
    expect(oximeter.title).toBe('Oxymètre de pouls Contec CMS50 (SIMULÉ)');
  });

  it('gives the udev fix in French for a permission problem, and keeps unknown items as they are', () => {
    const denied = localizeHostItem(
      hostItem({
        id: 'devices.x@/dev/hidraw0',
        status: 'fail',
        fix: 'Install the station udev rules: …',
        measured: { code: 'permission-denied', path: '/dev/hidraw0' },
      }),
      fr,
      formatFr,
    );
    expect(denied.fix).toMatch(/^Installez les règles udev de la station : sudo cp /);
    const unknown = hostItem({ id: 'network.something', measured: { code: 'new' } });
    expect(localizeHostItem(unknown, fr, formatFr)).toBe(unknown);
  });
});

describe('the report', () => {
  it('orders items by category, replaces by id, counts and validates', () => {
    const a = { item: hostItem({ id: 'devices.a', category: 'devices' }) };
    const b = { item: hostItem({ id: 'camera.1', category: 'camera', status: 'warn' }) };
    const b2 = { item: hostItem({ id: 'camera.1', category: 'camera', status: 'pass' }) };
    const merged = mergeItems(mergeItems([], [a, b]), [b2]);
    expect(merged.map((entry) => [entry.item.id, entry.item.status])).toEqual([
      ['camera.1', 'pass'],
      ['devices.a', 'pass'],
    ]);
    expect(countByStatus(merged.map((entry) => entry.item))).toEqual({
      pass: 2,
      warn: 0,
      fail: 0,
      skipped: 0,
    });
    const report = buildReport({
      items: merged.map((entry) => entry.item),
      startedAt: Date.parse('2026-11-25T19:40:00Z'),
      finishedAt: Date.parse('2026-11-25T19:40:09Z'),
      appInfo: { name: 'Teleconsult Station', version: '0.1.0', host: 'node', simulated: false },
    });
    expect(report.source).toBe('station window · Teleconsult Station 0.1.0 · node host');
    expect(reportFileName(Date.parse('2026-11-25T19:40:00Z'))).toBe('equipment-check-2026-11-25T19-40.json');
  });
});
