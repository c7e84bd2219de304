import { EventEmitter } from 'node:events';
import type { IpcMainEvent } from 'electron';
import {
  BLUETOOTH_ANSWER_CHANNEL,
  BLUETOOTH_DEVICES_CHANNEL,
  chooserDevicesFrom,
  decideAnswer,
  hasBluetoothChooser,
  installBluetoothChooser,
  type ChooserContents,
  type ChooserIpc,
} from '../../src/main/bluetooth-chooser';
import { bluetoothChooserOfferSchema } from '../../src/shared/preload-api';
import { FakeWebContents, fakeFrame, preventable, recordingLog } from '../helpers/fake-electron';

function setup() {
  const contents = new FakeWebContents();
  const ipc = new EventEmitter();
  const log = recordingLog();
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const dispose = installBluetoothChooser(
    contents as unknown as ChooserContents,
    ipc as unknown as ChooserIpc,
    {
      log,
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return () => void (timer.cancelled = true);
      },
    },
  );
  const replies: string[] = [];
  const callback = (id: string) => replies.push(id);
  const select = (devices: { deviceId: string; deviceName?: string }[], cb = callback) => {
    const event = preventable();
    contents.emit('select-bluetooth-device', event, devices, cb);
    return event;
  };
  const answer = (payload: unknown, from: Partial<IpcMainEvent> = {}) =>
    ipc.emit(
      BLUETOOTH_ANSWER_CHANNEL,
      {
        sender: contents,
        senderFrame: fakeFrame({ url: 'app://station/index.html' }),
        ...from,
      },
      payload,
    );
  return { contents, ipc, log, timers, dispose, replies, callback, select, answer };
}

describe('Bluetooth chooser (select-bluetooth-device)', () => {
  it('never lets Electron pick on its own; forwards each scan update; answers with the chosen id', () => {
    const { contents, select, answer, replies } = setup();
    expect(select([{ deviceId: 'A', deviceName: 'Polar H10' }]).defaultPrevented).toBe(true);
    select([
      { deviceId: 'A', deviceName: 'Polar H10' },
      { deviceId: 'B', deviceName: 'BP\u0007 7000' },
    ]);
    expect(contents.sent).toEqual([
      {
        channel: BLUETOOTH_DEVICES_CHANNEL,
        payload: { requestId: 0, devices: [{ deviceId: 'A', deviceName: 'Polar H10' }] },
      },
      {
        channel: BLUETOOTH_DEVICES_CHANNEL,
        payload: {
          requestId: 0,
          devices: [
            { deviceId: 'A', deviceName: 'Polar H10' },
            { deviceId: 'B', deviceName: 'BP 7000' },
          ],
        },
      },
    ]);
    answer({ requestId: 0, deviceId: 'B' });
    answer({ requestId: 0, deviceId: 'A' }); // already answered: ignored
    expect(replies).toEqual(['B']);
  });

  it('cancel answers ""; an unanswered chooser is cancelled on timeout', () => {
    const { select, answer, replies, timers } = setup();
    select([{ deviceId: 'A' }]);
    answer({ requestId: 0, deviceId: null });
    select([{ deviceId: 'A' }], (id) => replies.push(`second:${id}`));
    timers[1].run();
    expect(replies).toEqual(['', 'second:']);
    expect(timers[0].cancelled).toBe(true);
  });

  it('refuses answers from elsewhere, for other requests, or naming a device not offered', () => {
    const { select, answer, replies, log } = setup();
    select([{ deviceId: 'A' }]);
    answer({ requestId: 0, deviceId: 'A' }, { senderFrame: fakeFrame({ url: 'https://evil.example/' }) });
    answer({ requestId: 0, deviceId: 'A' }, { sender: new FakeWebContents() as never });
    answer({ requestId: 0, deviceId: 'A' }, { senderFrame: null });
    answer({ requestId: 7, deviceId: 'A' });
    answer({ requestId: 0, deviceId: 'Z' });
    answer({ requestId: 0, deviceId: 'A', extra: 1 });
    expect(replies).toEqual([]);
    expect(log.warnings).toHaveLength(6);
    answer({ requestId: 0, deviceId: 'A' });
    expect(replies).toEqual(['A']);
  });

  it('a new request cancels the unanswered one; disposal cancels and unhooks everything', () => {
    const { contents, ipc, select, replies, dispose } = setup();
    select([{ deviceId: 'A' }]);
    select([{ deviceId: 'B' }], (id) => replies.push(`second:${id}`));
    expect(replies).toEqual(['']);
    dispose();
    expect(replies).toEqual(['', 'second:']);
    expect(contents.listenerCount('select-bluetooth-device')).toBe(0);
    expect(ipc.listenerCount(BLUETOOTH_ANSWER_CHANNEL)).toBe(0);
  });

  it('cancels at once, offering nothing, when the contents do not show our page', () => {
    const { contents, select, replies } = setup();
    contents.url = 'https://evil.example/';
    expect(select([{ deviceId: 'A' }]).defaultPrevented).toBe(true);
    expect(replies).toEqual(['']);
    expect(contents.sent).toEqual([]);
  });

  it('registers itself so the blanket cancel in navigation.ts stands aside', () => {
    const { contents, dispose } = setup();
    expect(hasBluetoothChooser(contents)).toBe(true);
    expect(hasBluetoothChooser(new FakeWebContents())).toBe(false);
    dispose();
    expect(hasBluetoothChooser(contents)).toBe(false);
  });

  it('destroyed contents remove the chooser', () => {
    const { contents, ipc } = setup();
    contents.destroy();
    expect(contents.listenerCount('select-bluetooth-device')).toBe(0);
    expect(ipc.listenerCount(BLUETOOTH_ANSWER_CHANNEL)).toBe(0);
  });
});

describe('chooser decisions', () => {
  it('devices: drops empty and duplicate ids, bounds names and the list', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ deviceId: `d${i}`, deviceName: 'x'.repeat(200) }));
    const devices = chooserDevicesFrom([{ deviceId: '' }, { deviceId: 'a' }, { deviceId: 'a' }, ...many]);
    expect(devices).toHaveLength(100);
    expect(devices[0]).toEqual({ deviceId: 'a', deviceName: '' });
    expect(devices[1].deviceName).toHaveLength(80);
    expect(chooserDevicesFrom([{ deviceId: 'x'.repeat(201) }])).toEqual([]);
    // Whatever is offered passes the renderer's schema for offers.
    expect(bluetoothChooserOfferSchema.safeParse({ requestId: 0, devices }).success).toBe(true);
  });

  it('answers: only a well-formed answer to the pending request', () => {
    const pending = { requestId: 3, offered: new Set(['a']) };
    expect(decideAnswer({ requestId: 3, deviceId: 'a' }, pending)).toEqual({ reply: 'a' });
    expect(decideAnswer({ requestId: 3, deviceId: null }, pending)).toEqual({ reply: '' });
    expect(decideAnswer({ requestId: 3, deviceId: 'a' }, null)).toHaveProperty('ignore');
    expect(decideAnswer('a', pending)).toHaveProperty('ignore');
  });
});
