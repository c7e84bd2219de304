import { z } from 'zod';

/** Connection state of one device session, shown in the device panel. */
export const DEVICE_STATES = ['connecting', 'streaming', 'no-data', 'disconnected', 'error'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const DEVICE_ERROR_CODES = [
  'open-failed',
  'permission-denied',
  'not-found',
  'disconnected',
  'timeout',
  'write-failed',
  'protocol',
] as const;
export type DeviceErrorCode = (typeof DEVICE_ERROR_CODES)[number];

export const TRANSPORT_KINDS = ['serial', 'hid', 'ble', 'replay'] as const;
export type TransportKind = (typeof TRANSPORT_KINDS)[number];

export const deviceInfoSchema = z.strictObject({
  /** `${protocol}@${path}`: the `device` field of every reading from this session. */
  id: z.string().min(1).max(200),
  protocol: z.string().min(1).max(60),
  /** Human name of the driver, e.g. "Contec CMS50D+ (protocol V7)". */
  name: z.string().max(120),
  transport: z.enum(TRANSPORT_KINDS),
  path: z.string().max(200),
  state: z.enum(DEVICE_STATES),
  error: z.strictObject({ code: z.enum(DEVICE_ERROR_CODES), message: z.string().max(500) }).nullable(),
  /** True when the bytes come from our simulator, so every screen can say so. */
  simulated: z.boolean(),
  /** Epoch ms of the last reading, or null before the first. */
  lastReadingAt: z.number().nullable(),
  /** Frames dropped for a bad checksum or a malformed layout since the session started. */
  droppedFrames: z.number().int().nonnegative(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;
