import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api';
import type { Result } from './result';

/**
 * What the Electron preload exposes on `window[PRELOAD_GLOBAL]`, and all it exposes: invoke a
 * contract method, subscribe to a contract event, answer the Bluetooth chooser (below). The
 * renderer's IPC client wraps it; the preload
 * refuses any name not in API_METHODS / API_EVENTS before anything reaches the main process.
 */
export const PRELOAD_GLOBAL = 'stationBackend';

export interface PreloadBridge {
  invoke(method: ApiMethod, params: unknown): Promise<Result<unknown>>;
  /** Returns an unsubscribe function. */
  on(event: ApiEvent, listener: (payload: unknown) => void): () => void;
  /** Electron only (absent in older preloads and in tests that do not need it). */
  readonly bluetoothChooser?: BluetoothChooserBridge;
}

/**
 * Web Bluetooth's device chooser under Electron, which has none of its own: the main process
 * offers the devices Chromium found for one `requestDevice` (again as the scan finds more), the
 * page answers once with the chosen id or null to cancel. A dedicated pair of channels, outside
 * the backend contract, because the answer settles a Chromium callback, not a core call.
 */
export const BLUETOOTH_DEVICES_CHANNEL = 'bluetooth-chooser:devices';
export const BLUETOOTH_ANSWER_CHANNEL = 'bluetooth-chooser:answer';

export const bluetoothChooserOfferSchema = z.strictObject({
  requestId: z.number().int().nonnegative(),
  devices: z
    .array(z.strictObject({ deviceId: z.string().min(1).max(200), deviceName: z.string().max(80) }))
    .max(100),
});
export type BluetoothChooserOffer = z.infer<typeof bluetoothChooserOfferSchema>;

export const bluetoothChooserAnswerSchema = z.strictObject({
  requestId: z.number().int().nonnegative(),
  deviceId: z.string().min(1).max(200).nullable(),
});
export type BluetoothChooserAnswer = z.infer<typeof bluetoothChooserAnswerSchema>;

export interface BluetoothChooserBridge {
  /** Returns an unsubscribe function. */
  onDevices(listener: (offer: BluetoothChooserOffer) => void): () => void;
  /** Answers request `requestId`: a device id that was offered, or null to cancel. */
  choose(answer: BluetoothChooserAnswer): void;
}
