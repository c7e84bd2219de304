import type { Session } from 'electron';
import { isAppUrl } from './app-origin';
import type { ShellLog } from './shell-log';

/**
 * Web permissions for the station's session. Without a handler Electron grants every permission,
 * media included, silently (Electronegativity PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK). The station
 * needs two, both for our own page's main frame only: camera and microphone for the call, and
 * Web Bluetooth for LE health devices (which device is chosen by the nurse in our chooser,
 * bluetooth-chooser.ts). Wired devices (HID, serial, USB) are read in the main process by the
 * core, never through WebHID/WebSerial/WebUSB, so those paths from the renderer stay closed.
 * Electron 45 routes Web Bluetooth through `select-bluetooth-device` and types no `bluetooth`
 * permission; Chromium names one, so a version that asks is answered by the same rule.
 */

export interface PermissionRequestFacts {
  readonly permission: string;
  readonly isMainFrame: boolean;
  readonly requestingUrl: string;
  /** Present for `media` requests: which kinds of capture the page asked for. */
  readonly mediaTypes?: readonly string[] | undefined;
  readonly securityOrigin?: string | undefined;
}

export interface PermissionCheckFacts {
  readonly permission: string;
  readonly requestingOrigin: string;
  readonly isMainFrame: boolean;
  readonly mediaType?: string | undefined;
}

const CAPTURE_KINDS: ReadonlySet<string> = new Set(['audio', 'video']);

const BLUETOOTH = 'bluetooth';

/** A `getUserMedia` prompt: granted only for camera/microphone, our origin, our main frame. */
export function decidePermissionRequest(facts: PermissionRequestFacts): boolean {
  if (facts.permission === BLUETOOTH) return isOurMainFrame(facts.isMainFrame, facts.requestingUrl);
  if (facts.permission !== 'media' || !facts.isMainFrame || !isAppUrl(facts.requestingUrl)) return false;
  if (facts.securityOrigin !== undefined && facts.securityOrigin !== '' && !isAppUrl(facts.securityOrigin)) {
    return false;
  }
  const kinds = facts.mediaTypes ?? [];
  return kinds.length > 0 && kinds.every((kind) => CAPTURE_KINDS.has(kind));
}

/** A synchronous "is this already allowed?" query (e.g. before `enumerateDevices` shows labels). */
export function decidePermissionCheck(facts: PermissionCheckFacts): boolean {
  if (facts.permission === BLUETOOTH) return isOurMainFrame(facts.isMainFrame, facts.requestingOrigin);
  return (
    facts.permission === 'media' &&
    facts.isMainFrame &&
    isAppUrl(facts.requestingOrigin) &&
    facts.mediaType !== undefined &&
    CAPTURE_KINDS.has(facts.mediaType)
  );
}

/**
 * Device permissions: WebHID / WebSerial / WebUSB from the renderer, never. A Bluetooth device
 * (should a version ask here) only for our own origin: the device itself was picked in our chooser.
 */
export function decideDevicePermission(details: {
  readonly deviceType?: string;
  readonly origin?: string;
}): boolean {
  return details.deviceType === BLUETOOTH && isAppUrl(details.origin);
}

function isOurMainFrame(isMainFrame: boolean, url: string): boolean {
  return isMainFrame && isAppUrl(url);
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'
>;

export function installPermissionPolicy(session: PermissionSession, log: ShellLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const facts: PermissionRequestFacts = {
      permission,
      isMainFrame: details.isMainFrame,
      requestingUrl: details.requestingUrl,
      mediaTypes: 'mediaTypes' in details ? details.mediaTypes : undefined,
      securityOrigin: 'securityOrigin' in details ? details.securityOrigin : undefined,
    };
    const granted = decidePermissionRequest(facts);
    if (!granted) log.warn('permission request denied', { ...facts });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermissionCheck({
      permission,
      requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaType: details.mediaType,
    }),
  );
  session.setDevicePermissionHandler((details) =>
    decideDevicePermission({ deviceType: details.deviceType, origin: details.origin }),
  );

  // Device pickers: prevent Electron's default choice, then answer "no device" (a cancel).
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    log.warn('WebHID device selection cancelled: devices are read by the main process');
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    log.warn('WebSerial port selection cancelled: devices are read by the main process');
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    log.warn('WebUSB device selection cancelled: devices are read by the main process');
    callback();
  });
}
