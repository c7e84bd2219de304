import type { Session } from 'electron';
import {
  decideDevicePermission,
  decidePermissionCheck,
  decidePermissionRequest,
  installPermissionPolicy,
} from '../../src/main/permissions';
import { FakeSession, preventable, recordingLog } from '../helpers/fake-electron';

const OURS = 'app://station/index.html';

describe('permission decisions (pure)', () => {
  const media = { permission: 'media', isMainFrame: true, requestingUrl: OURS };

  it('grants camera and microphone to our main frame', () => {
    expect(decidePermissionRequest({ ...media, mediaTypes: ['video'] })).toBe(true);
    expect(decidePermissionRequest({ ...media, mediaTypes: ['audio'] })).toBe(true);
    expect(
      decidePermissionRequest({ ...media, mediaTypes: ['audio', 'video'], securityOrigin: 'app://station' }),
    ).toBe(true);
  });

  it('denies media from another origin, a subframe, or with no/unknown capture kinds', () => {
    expect(
      decidePermissionRequest({ ...media, requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }),
    ).toBe(false);
    expect(
      decidePermissionRequest({ ...media, requestingUrl: 'file:///tmp/x.html', mediaTypes: ['video'] }),
    ).toBe(false);
    expect(decidePermissionRequest({ ...media, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermissionRequest({ ...media, mediaTypes: [] })).toBe(false);
    expect(decidePermissionRequest(media)).toBe(false);
    expect(decidePermissionRequest({ ...media, mediaTypes: ['video', 'screen'] })).toBe(false);
    expect(
      decidePermissionRequest({ ...media, mediaTypes: ['audio'], securityOrigin: 'https://evil.example' }),
    ).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'openExternal',
    'display-capture',
    'fullscreen',
    'pointerLock',
    'unknown',
  ])('denies %s even to our main frame', (permission) => {
    expect(
      decidePermissionRequest({ permission, isMainFrame: true, requestingUrl: OURS, mediaTypes: ['video'] }),
    ).toBe(false);
    expect(
      decidePermissionCheck({
        permission,
        isMainFrame: true,
        requestingOrigin: 'app://station',
        mediaType: 'video',
      }),
    ).toBe(false);
  });

  it('answers permission checks the same way', () => {
    const check = { permission: 'media', isMainFrame: true, requestingOrigin: 'app://station' };
    expect(decidePermissionCheck({ ...check, mediaType: 'audio' })).toBe(true);
    expect(decidePermissionCheck({ ...check, mediaType: 'video' })).toBe(true);
    expect(decidePermissionCheck({ ...check, mediaType: 'unknown' })).toBe(false);
    expect(decidePermissionCheck(check)).toBe(false);
    expect(decidePermissionCheck({ ...check, mediaType: 'video', isMainFrame: false })).toBe(false);
    expect(
      decidePermissionCheck({ ...check, mediaType: 'video', requestingOrigin: 'https://evil.example' }),
    ).toBe(false);
  });

  it('denies every WebHID / WebSerial / WebUSB device, even to our origin', () => {
    for (const deviceType of ['hid', 'serial', 'usb', 'unknown', undefined]) {
      expect(decideDevicePermission({ deviceType, origin: 'app://station' })).toBe(false);
    }
  });

  it('allows Web Bluetooth to our main frame only', () => {
    const bluetooth = { permission: 'bluetooth', isMainFrame: true };
    expect(decidePermissionRequest({ ...bluetooth, requestingUrl: OURS })).toBe(true);
    expect(decidePermissionRequest({ ...bluetooth, requestingUrl: OURS, isMainFrame: false })).toBe(false);
    expect(decidePermissionRequest({ ...bluetooth, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(decidePermissionCheck({ ...bluetooth, requestingOrigin: 'app://station' })).toBe(true);
    expect(
      decidePermissionCheck({ ...bluetooth, requestingOrigin: 'app://station', isMainFrame: false }),
    ).toBe(false);
    expect(decidePermissionCheck({ ...bluetooth, requestingOrigin: 'http://127.0.0.1:8080' })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'bluetooth', origin: 'app://station' })).toBe(true);
    expect(decideDevicePermission({ deviceType: 'bluetooth', origin: 'https://evil.example' })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'bluetooth' })).toBe(false);
  });
});

describe('installPermissionPolicy', () => {
  const setup = () => {
    const session = new FakeSession();
    const log = recordingLog();
    installPermissionPolicy(session as unknown as Session, log);
    return { session, log };
  };

  it('wires the request handler: media for us granted, the rest denied and logged', async () => {
    const { session, log } = setup();
    await expect(
      session.request('media', { isMainFrame: true, requestingUrl: OURS, mediaTypes: ['video', 'audio'] }),
    ).resolves.toBe(true);
    await expect(
      session.request('media', { isMainFrame: false, requestingUrl: OURS, mediaTypes: ['video'] }),
    ).resolves.toBe(false);
    await expect(session.request('geolocation', { isMainFrame: true, requestingUrl: OURS })).resolves.toBe(
      false,
    );
    await expect(
      session.request('openExternal', { isMainFrame: true, requestingUrl: OURS, externalURL: 'https://x' }),
    ).resolves.toBe(false);
    expect(log.warnings).toHaveLength(3);
  });

  it('wires the check and device handlers', () => {
    const { session } = setup();
    expect(
      session.checkHandler!(null, 'media', 'app://station', { isMainFrame: true, mediaType: 'video' }),
    ).toBe(true);
    expect(session.checkHandler!(null, 'notifications', 'app://station', { isMainFrame: true })).toBe(false);
    expect(session.checkHandler!(null, 'hid', 'app://station', { isMainFrame: true })).toBe(false);
    for (const deviceType of ['hid', 'serial', 'usb']) {
      expect(session.deviceHandler!({ deviceType, origin: 'app://station', device: {} })).toBe(false);
    }
  });

  it('cancels the HID, serial and USB device pickers', () => {
    const { session } = setup();
    const hid = preventable();
    const hidCallback = jest.fn();
    session.emit('select-hid-device', hid, { deviceList: [{ deviceId: '1' }], frame: null }, hidCallback);
    expect(hid.defaultPrevented).toBe(true);
    expect(hidCallback).toHaveBeenCalledWith();

    const serial = preventable();
    const serialCallback = jest.fn();
    session.emit('select-serial-port', serial, [{ portId: '1', portName: 'ttyUSB0' }], {}, serialCallback);
    expect(serial.defaultPrevented).toBe(true);
    expect(serialCallback).toHaveBeenCalledWith('');

    const usb = preventable();
    const usbCallback = jest.fn();
    session.emit('select-usb-device', usb, { deviceList: [{ deviceId: '1' }], frame: null }, usbCallback);
    expect(usb.defaultPrevented).toBe(true);
    expect(usbCallback).toHaveBeenCalledWith();
  });
});
