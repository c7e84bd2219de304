import type { IpcMain, IpcMainEvent, WebContents } from 'electron';
import {
  BLUETOOTH_ANSWER_CHANNEL,
  BLUETOOTH_DEVICES_CHANNEL,
  bluetoothChooserAnswerSchema,
  type BluetoothChooserAnswer,
  type BluetoothChooserOffer,
} from '../shared/preload-api';
import { isAppUrl } from './app-origin';
import { consoleLog, type ShellLog } from './shell-log';

/**
 * Our own chooser for Web Bluetooth's `requestDevice` (Electron has none). Without a
 * `select-bluetooth-device` handler Electron picks the first device found — the neighbour's heart-
 * rate strap — so the main process always takes the event, forwards the devices Chromium has found
 * so far (it re-fires as the scan finds more) to our page over a dedicated channel, and answers
 * Chromium with the id the nurse picked, or '' to cancel. The answer is validated: it must come
 * from our page's main frame, name the request it answers, and pick an id that was offered.
 * A chooser nobody answers is cancelled after `timeoutMs`, so the page's promise always settles.
 * Facts: Electron docs "Device Access" and `webContents` `select-bluetooth-device`;
 * market-and-standards §B (scan delay, Windows issues #10562/#52743).
 */
export { BLUETOOTH_ANSWER_CHANNEL, BLUETOOTH_DEVICES_CHANNEL };
export const CHOOSER_TIMEOUT_MS = 120_000;
const MAX_OFFERED_DEVICES = 100;
const MAX_NAME_CHARS = 80;
const MAX_ID_CHARS = 200;

export type ChooserDevice = BluetoothChooserOffer['devices'][number];
/** Main → page: the devices found so far for request `requestId`. */
export type ChooserOffer = BluetoothChooserOffer;
/** Page → main: the chosen id, or null for "cancel". Shared with the preload, which checks it first. */
export const chooserAnswerSchema = bluetoothChooserAnswerSchema;
export type ChooserAnswer = BluetoothChooserAnswer;

/** Devices as the page may see them: ids kept, names printable and bounded, duplicates dropped. */
export function chooserDevicesFrom(
  devices: readonly { deviceId: string; deviceName?: string }[],
): ChooserDevice[] {
  const seen = new Set<string>();
  const out: ChooserDevice[] = [];
  for (const device of devices) {
    const id = device.deviceId;
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_CHARS || seen.has(id)) continue;
    seen.add(device.deviceId);
    const name = [...(device.deviceName ?? '')].filter((c) => c >= ' ' && c !== '\u007f').join('');
    out.push({ deviceId: device.deviceId, deviceName: name.trim().slice(0, MAX_NAME_CHARS) });
    if (out.length === MAX_OFFERED_DEVICES) break;
  }
  return out;
}

/** What to tell Chromium for an answer: the device id, '' to cancel, or null to ignore the message. */
export function decideAnswer(
  payload: unknown,
  pending: { readonly requestId: number; readonly offered: ReadonlySet<string> } | null,
): { readonly reply: string } | { readonly ignore: string } {
  const parsed = chooserAnswerSchema.safeParse(payload);
  if (!parsed.success) return { ignore: 'malformed answer' };
  if (pending === null || parsed.data.requestId !== pending.requestId) return { ignore: 'no such request' };
  if (parsed.data.deviceId === null) return { reply: '' };
  if (!pending.offered.has(parsed.data.deviceId)) return { ignore: 'device was not offered' };
  return { reply: parsed.data.deviceId };
}

export type ChooserContents = Pick<WebContents, 'on' | 'removeListener' | 'send' | 'isDestroyed' | 'getURL'>;
export type ChooserIpc = Pick<IpcMain, 'on' | 'removeListener'>;

export interface ChooserOptions {
  readonly timeoutMs?: number;
  readonly setTimer?: (run: () => void, ms: number) => () => void;
  readonly log?: ShellLog;
}

interface Pending {
  readonly requestId: number;
  readonly callback: (deviceId: string) => void;
  offered: Set<string>;
  cancelTimeout: () => void;
}

/**
 * Contents that have our chooser. Every other web contents gets navigation.ts's blanket cancel:
 * a contents with no `select-bluetooth-device` handler at all would let Electron pick the first
 * device found.
 */
const contentsWithChooser = new WeakSet<object>();

export function hasBluetoothChooser(contents: object): boolean {
  return contentsWithChooser.has(contents);
}

/** Installs the chooser on one window's contents; returns a function that removes it. */
export function installBluetoothChooser(
  contents: ChooserContents,
  ipc: ChooserIpc,
  options: ChooserOptions = {},
): () => void {
  const log = options.log ?? consoleLog;
  const setTimer = options.setTimer ?? defaultTimer;
  let nextRequestId = 0;
  let pending: Pending | null = null;

  const settle = (reply: string) => {
    if (pending === null) return;
    const { callback, cancelTimeout } = pending;
    pending = null;
    cancelTimeout();
    callback(reply);
  };

  const onSelect = (
    event: { preventDefault(): void },
    devices: { deviceId: string; deviceName?: string }[],
    callback: (deviceId: string) => void,
  ) => {
    event.preventDefault(); // never let Electron pick the first device on its own
    if (contents.isDestroyed() || !isAppUrl(contents.getURL())) {
      // Only our page may scan; anything else is cancelled at once rather than left to time out.
      log.warn('Web Bluetooth selection cancelled: the page is not the station page');
      if (pending?.callback === callback) settle('');
      else callback('');
      return;
    }
    if (pending?.callback !== callback) {
      // A new requestDevice replaces an unanswered one (Chromium cancels the former).
      if (pending !== null) settle('');
      const requestId = nextRequestId++;
      const cancelTimeout = setTimer(() => {
        if (pending?.requestId === requestId) settle('');
      }, options.timeoutMs ?? CHOOSER_TIMEOUT_MS);
      pending = { requestId, callback, offered: new Set(), cancelTimeout };
    }
    const offer: ChooserOffer = { requestId: pending.requestId, devices: chooserDevicesFrom(devices) };
    pending.offered = new Set(offer.devices.map((d) => d.deviceId));
    contents.send(BLUETOOTH_DEVICES_CHANNEL, offer);
  };

  const onAnswer = (event: IpcMainEvent, payload: unknown) => {
    if (!isFromOurPage(event, contents)) {
      log.warn('Bluetooth chooser answer refused: not from the station page');
      return;
    }
    const decision = decideAnswer(payload, pending);
    if ('ignore' in decision) log.warn(`Bluetooth chooser answer ignored: ${decision.ignore}`);
    else settle(decision.reply);
  };

  const onDestroyed = () => dispose();
  contents.on('select-bluetooth-device', onSelect);
  contents.on('destroyed', onDestroyed);
  contentsWithChooser.add(contents);
  ipc.on(BLUETOOTH_ANSWER_CHANNEL, onAnswer);
  let disposed = false;
  function dispose(): void {
    if (disposed) return;
    disposed = true;
    settle('');
    contentsWithChooser.delete(contents);
    contents.removeListener('select-bluetooth-device', onSelect);
    contents.removeListener('destroyed', onDestroyed);
    ipc.removeListener(BLUETOOTH_ANSWER_CHANNEL, onAnswer);
  }
  return dispose;
}

function isFromOurPage(
  event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>,
  contents: ChooserContents,
): boolean {
  const frame = event.senderFrame;
  return (
    (event.sender as unknown) === contents && frame !== null && frame.parent === null && isAppUrl(frame.url)
  );
}

function defaultTimer(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}
