import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { installBluetoothChooser } from '../../src/main/bluetooth-chooser';
import { decideNavigation, installNavigationGuards } from '../../src/main/navigation';
import { FakeWebContents, preventable, recordingLog } from '../helpers/fake-electron';

describe('navigation guards', () => {
  const setup = () => {
    const contents = new FakeWebContents();
    const log = recordingLog();
    installNavigationGuards(contents as unknown as WebContents, log);
    return { contents, log };
  };

  it('decides: our origin allowed, anything else denied', () => {
    expect(decideNavigation('app://station/index.html#/call')).toBe('allow');
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://other/', 'about:blank']) {
      expect(decideNavigation(url)).toBe('deny');
    }
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: same origin goes ahead', (name) => {
    const { contents, log } = setup();
    const event = preventable({ url: 'app://station/index.html?view=consult' });
    contents.emit(name, event, event.url);
    expect(event.defaultPrevented).toBe(false);
    expect(log.warnings).toEqual([]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: other origins are prevented',
    (name) => {
      const { contents, log } = setup();
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'http://127.0.0.1:8080/',
        'app://evil/',
      ]) {
        const event = preventable({ url });
        contents.emit(name, event, url);
        expect(event.defaultPrevented).toBe(true);
      }
      expect(log.warnings).toHaveLength(4);
    },
  );

  it('denies window.open, even for our own origin, and opens nothing externally', () => {
    const { contents, log } = setup();
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
    expect(log.warnings).toHaveLength(2);
  });

  it('prevents <webview> attachment', () => {
    const { contents } = setup();
    const event = preventable();
    contents.emit('will-attach-webview', event, {}, { src: 'https://example.org/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('cancels Web Bluetooth device selection on contents without our chooser', () => {
    const { contents } = setup();
    const event = preventable();
    const callback = jest.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'x', deviceName: 'BP' }], callback);
    expect(event.defaultPrevented).toBe(true);
    expect(callback).toHaveBeenCalledWith('');
  });

  it('leaves Web Bluetooth to the chooser where one is installed (the station window)', () => {
    const { contents } = setup();
    installBluetoothChooser(contents as never, new EventEmitter() as never, { log: recordingLog() });
    const callback = jest.fn();
    contents.emit('select-bluetooth-device', preventable(), [{ deviceId: 'x', deviceName: 'BP' }], callback);
    expect(callback).not.toHaveBeenCalled(); // waits for the nurse's answer
    expect(contents.sent).toHaveLength(1);
  });
});
