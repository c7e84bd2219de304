import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api-names';
import { deviceInfoSchema } from './domain/devices';
import { readingBatchSchema, readingSchema } from './domain/readings';
import { settingsPatchSchema, settingsSchema } from './domain/settings';
import { isProtocolId } from './protocols';

/**
 * The backend API, declared once. The Electron IPC bridge, the preload, the WebSocket bridge and
 * both renderer clients are all derived from these two tables, so a method cannot exist on one
 * host and not the other, and every request is validated by the same schema wherever it enters.
 */

const empty = z.strictObject({});

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'node']),
  /** True when at least one device is fed by a simulator (the UI says SIMULATED). */
  simulated: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const devicePath = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.includes('\0'), 'path must not contain NUL');

/** Most readings one `readings.submit` may carry (one BLE value yields at most five). */
export const MAX_SUBMITTED_READINGS = 256;

/** `ble-<profile>@<name>`, where `ble-<profile>` is a Bluetooth LE protocol id. */
export function isBleDeviceId(device: string): boolean {
  const at = device.indexOf('@');
  const protocol = device.slice(0, Math.max(0, at));
  return at > 0 && at < device.length - 1 && protocol.startsWith('ble-') && isProtocolId(protocol);
}

export const API_METHODS = {
  'app.info': { params: empty, result: appInfoSchema },
  'devices.list': { params: empty, result: z.array(deviceInfoSchema) },
  'devices.connect': {
    params: z.strictObject({ path: devicePath, protocol: z.string().min(1).max(60) }),
    result: deviceInfoSchema,
  },
  'devices.disconnect': { params: z.strictObject({ id: z.string().min(1).max(200) }), result: z.null() },
  /** Latest numeric per device and metric, and latest status per device: for a screen that just opened. */
  'readings.latest': { params: empty, result: z.array(readingSchema) },
  /**
   * Readings decoded in the renderer (Bluetooth LE through Web Bluetooth), published on the reading
   * bus like a wired device's so the screens, the recorder and the consultant all get them. Device
   * ids must be `ble-<profile>@<name>`: a renderer can never speak for a wired device.
   */
  'readings.submit': {
    params: z.strictObject({
      readings: z
        .array(readingSchema.refine((r) => isBleDeviceId(r.device), 'device must be ble-<profile>@<name>'))
        .min(1)
        .max(MAX_SUBMITTED_READINGS),
    }),
    result: z.strictObject({ accepted: z.number().int().nonnegative() }),
  },
  'settings.get': { params: empty, result: settingsSchema },
  'settings.update': { params: settingsPatchSchema, result: settingsSchema },
  /**
   * A single-use consultant link for the station's current room (`newRoom` starts a new one, so
   * earlier links lead nowhere). The token rides in the URL fragment: never sent to a server.
   */
  'call.invite': {
    params: z.strictObject({ newRoom: z.boolean().optional() }),
    result: z.strictObject({
      consultantUrl: z.url({ protocol: /^https?$/ }),
      consultantToken: z.string().min(1).max(2048),
      expiresAt: z.iso.datetime(),
    }),
  },
  /** Where and with which fresh token the station joins its room; ask again after every drop. */
  'call.join': {
    params: empty,
    result: z.strictObject({
      signalingUrl: z.url({ protocol: /^wss?$/ }),
      token: z.string().min(1).max(2048),
      expiresAt: z.iso.datetime(),
    }),
  },
} as const satisfies Record<ApiMethod, { params: z.ZodType; result: z.ZodType }>;

export const API_EVENTS = {
  readings: readingBatchSchema,
  'device.state': deviceInfoSchema,
  'settings.changed': settingsSchema,
} as const satisfies Record<ApiEvent, z.ZodType>;

export { API_EVENT_NAMES, API_METHOD_NAMES, isApiEvent, isApiMethod } from './api-names';
export type { ApiEvent, ApiMethod } from './api-names';
export type ApiParams<M extends ApiMethod> = z.input<(typeof API_METHODS)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.output<(typeof API_METHODS)[M]['result']>;
export type ApiEventPayload<E extends ApiEvent> = z.output<(typeof API_EVENTS)[E]>;

/** What the core implements and each host bridges: one async handler per method. */
export type BackendApi = {
  [M in ApiMethod]: (params: z.output<(typeof API_METHODS)[M]['params']>) => Promise<ApiResult<M>>;
};

export type EventListener<E extends ApiEvent> = (payload: ApiEventPayload<E>) => void;

/** Event side of the backend: subscribe, get an unsubscribe function back. */
export interface BackendEventSource {
  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void;
}
