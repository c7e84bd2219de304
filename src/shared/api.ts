import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api-names';
import { deviceInfoSchema } from './domain/devices';
import { readingBatchSchema, readingSchema } from './domain/readings';
import { settingsPatchSchema, settingsSchema } from './domain/settings';

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
  'settings.get': { params: empty, result: settingsSchema },
  'settings.update': { params: settingsPatchSchema, result: settingsSchema },
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
