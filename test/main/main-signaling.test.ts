import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainEvent } from 'electron';
import { invokeChannel } from '../../src/shared/channels';
import { BLUETOOTH_ANSWER_CHANNEL, BLUETOOTH_DEVICES_CHANNEL } from '../../src/shared/preload-api';
import { Participant } from '../core/signaling/signaling-support';
import { CONSULTATION_START } from '../helpers/consultation-start';
import {
  fakeElectronRuntime,
  fakeFrame,
  FakeBrowserWindow,
  preventable,
  trustedEvent,
} from '../helpers/fake-electron';

/**
 * main.ts with the real core against a fake `electron` module: the call's signaling (embedded
 * rendezvous server or a configured one) and the Web Bluetooth chooser on the station window.
 */
describe('main.ts: call signaling and the Bluetooth chooser', () => {
  let userData: string;
  let electron: ReturnType<typeof fakeElectronRuntime>;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  const start = async (settings?: Record<string, unknown>) => {
    if (settings !== undefined) writeFileSync(path.join(userData, 'settings.json'), JSON.stringify(settings));
    electron = fakeElectronRuntime(userData);
    jest.resetModules();
    jest.doMock('electron', () => electron);
    await jest.isolateModulesAsync(async () => {
      await import('../../src/main/main');
    });
    electron.app.fireReady();
    for (let i = 0; i < 100 && FakeBrowserWindow.created.length === 0; i += 1) await settle();
    // No consent, no call: the calls below need an active consultation.
    const channel = invokeChannel('consultation.start');
    for (let i = 0; i < 500 && !electron.ipcMain.handlers.has(channel); i += 1) await settle();
    const started = (await electron.ipcMain.invoke(channel, trustedEvent(), CONSULTATION_START)) as {
      ok: boolean;
    };
    expect(started.ok).toBe(true);
  };
  const call = async (method: 'call.join' | 'call.invite') => {
    const reply = (await electron.ipcMain.invoke(invokeChannel(method), trustedEvent(), {})) as {
      ok: boolean;
      value: Record<string, string>;
    };
    expect(reply.ok).toBe(true);
    return reply.value;
  };
  const quit = async () => {
    electron.app.emit('before-quit', preventable());
    for (let i = 0; i < 200 && electron.app.quits === 0; i += 1) await settle();
  };
  const csp = async () => {
    const handler = electron.session.defaultSession.protocol.handle.mock.calls[0][1];
    return (await handler({ url: 'app://station/index.html', method: 'GET' })).headers.get(
      'content-security-policy',
    );
  };

  beforeEach(() => {
    userData = mkdtempSync(path.join(tmpdir(), 'station-main-call-'));
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(async () => {
    if (electron.app.quits === 0) await quit();
    jest.dontMock('electron');
    jest.restoreAllMocks();
    rmSync(userData, { recursive: true, force: true });
  });

  it('embeds a rendezvous server on loopback: call.join and call.invite lead into one room', async () => {
    await start();
    const join = await call('call.join');
    expect(join.signalingUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/signal$/);
    const origin = new URL(join.signalingUrl.replace('ws:', 'http:')).origin;
    const invite = await call('call.invite');
    expect(invite.consultantUrl).toBe(`${origin}/consultant.html#invite=${invite.consultantToken}`);
    // The page may open exactly that socket; no loopback wildcard.
    expect(await csp()).toContain(`connect-src 'self' ${origin.replace('http:', 'ws:')} ${origin};`);

    // The station page's socket comes from app://station; the consultant's from the host itself.
    const station = await Participant.open(join.signalingUrl, 'app://station');
    station.send({ type: 'join', token: join.token });
    await station.next('joined');
    const consultant = await Participant.open(join.signalingUrl, origin);
    consultant.send({ type: 'join', token: invite.consultantToken });
    await consultant.next('joined');
    expect((await station.next('peer-joined')).peer.role).toBe('consultant');
    station.close();
    consultant.close();
    // …and the consultant page is served from the same host.
    expect(await statusOf(`${origin}/consultant.html`)).toBe(200);
  });

  it('closes the embedded rendezvous server when the app quits', async () => {
    await start();
    const origin = new URL((await call('call.join')).signalingUrl.replace('ws:', 'http:')).origin;
    expect(await statusOf(`${origin}/consultant.html`)).toBe(200);
    await quit();
    expect(electron.app.quits).toBe(1);
    await expect(statusOf(`${origin}/consultant.html`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('with rendezvousUrl set, starts no server and points invites at the standalone one', async () => {
    await start({ rendezvousUrl: 'wss://rdv.example.org/signal' });
    const join = await call('call.join');
    expect(join.signalingUrl).toBe('wss://rdv.example.org/signal');
    expect((await call('call.invite')).consultantUrl).toMatch(
      /^https:\/\/rdv\.example\.org\/consultant\.html#invite=v1\./,
    );
    expect(await csp()).toContain("connect-src 'self' wss://rdv.example.org https://rdv.example.org;");
  });

  it('installs the Bluetooth chooser on the station window: devices out, the answer back', async () => {
    await start();
    const contents = FakeBrowserWindow.created[0].webContents;
    const chosen: string[] = [];
    const event = preventable();
    contents.emit(
      'select-bluetooth-device',
      event,
      [{ deviceId: 'AA', deviceName: 'Oximeter' }],
      (id: string) => chosen.push(id),
    );
    expect(event.defaultPrevented).toBe(true);
    expect(chosen).toEqual([]); // not cancelled by the blanket navigation guard
    expect(contents.sent).toContainEqual({
      channel: BLUETOOTH_DEVICES_CHANNEL,
      payload: { requestId: 0, devices: [{ deviceId: 'AA', deviceName: 'Oximeter' }] },
    });
    const answer = electron.ipcMain.listeners.get(BLUETOOTH_ANSWER_CHANNEL) as (
      event: Partial<IpcMainEvent>,
      payload: unknown,
    ) => void;
    answer(
      { sender: contents as never, senderFrame: fakeFrame({ url: 'app://station/index.html' }) },
      {
        requestId: 0,
        deviceId: 'AA',
      },
    );
    expect(chosen).toEqual(['AA']);
  });
});

function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a pooled keep-alive socket would hide whether the server listens.
    get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}
