import { z } from 'zod';
import type { ApiEvent, ApiMethod } from './api-names';
import {
  appendableEventSchema,
  auditEntrySchema,
  careSheetSchema,
  consultationDetailSchema,
  consultationIdSchema,
  consultationStartSchema,
  consultationSummarySchema,
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  MAX_BASE64_CHARS,
  MEDIA_KINDS,
  MEDIA_MIMES,
  pendingMeasurementIdSchema,
  reportSchema,
} from './domain/consultation';
import { verifiedConsultantSchema } from './domain/consultant-identity';
import { reportSessionIdSchema, reportStateSchema } from './domain/report-session';
import { deviceInfoSchema } from './domain/devices';
import { DOCTOR_REQUESTS } from './domain/doctor-writes';
import { checkReportSchema } from './domain/equipment-check';
import { iceServerSchema } from './call/signaling';
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

/** A kiosk PIN: 4 to 12 digits. */
const kioskPin = z.string().regex(/^\d{4,12}$/, 'PIN: 4 to 12 digits');

export const kioskStatusSchema = z.strictObject({
  /** The window is in kiosk mode now (always false in the Node host). */
  kiosk: z.boolean(),
  pinSet: z.boolean(),
  /** Settings changes are refused until `kiosk.unlock` succeeds (only when a PIN is set). */
  locked: z.boolean(),
});
export type KioskStatus = z.infer<typeof kioskStatusSchema>;

/**
 * Why the kiosk refused a PIN without checking it. `attempt-not-recorded`: the attempt could not be
 * written to disk (full, read-only), and an attempt that is not counted could be repeated without
 * delay, so no PIN is accepted, not even the right one. `kiosk.unlock` answers it as `refusal`;
 * `kiosk.setPin` and `kiosk.exit` fail `unavailable` with it as the message.
 */
export const KIOSK_REFUSALS = ['attempt-not-recorded'] as const;
export type KioskRefusal = (typeof KIOSK_REFUSALS)[number];

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
  /**
   * The rendezvous's signed word (`peer.identity`) that the doctor of this station's invite signed
   * in with Pro Santé Connect: checked with the signaling key, then kept on that invite's
   * consultation and in its audit log. Refused `forbidden` (consultant-identity-invalid) when the
   * signature, expiry or invite do not hold.
   */
  'call.consultantIdentity': {
    params: z.strictObject({ assertion: z.string().min(1).max(2048) }),
    result: z.strictObject({ consultationId: consultationIdSchema, identity: verifiedConsultantSchema }),
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
  /**
   * Starts a consultation: patient identity, accompanying professional and consent. Refused
   * (`forbidden`) without the patient's consent to the teleconsultation, or while another one is
   * active. Device readings are recorded only with consent to device data.
   */
  'consultation.start': { params: consultationStartSchema, result: consultationSummarySchema },
  /** The active consultation, or null; an interrupted one is not active (it is listed). */
  'consultation.current': { params: empty, result: consultationSummarySchema.nullable() },
  /** Chat lines, the consultant's notes and call state changes, into the timeline. */
  /**
   * A chat line, a note or a call event. `via: 'consultant'` says the station forwards the doctor's
   * own write (their note over the call): the audit row then names the doctor's session as the
   * station knows it, never a name the client typed. Refused (`forbidden`, `record-sealed: …`)
   * once the consultation has ended.
   */
  'consultation.append': {
    params: z.strictObject({
      id: consultationIdSchema,
      event: appendableEventSchema,
      via: z.enum(['station', 'consultant']).optional(),
    }),
    result: z.null(),
  },
  /** A snapshot from a camera or a stethoscope recording (WAV), into the record. */
  'consultation.attach': {
    params: z.strictObject({
      id: consultationIdSchema,
      kind: z.enum(MEDIA_KINDS),
      mime: z.enum(MEDIA_MIMES),
      dataBase64: z.base64().min(4).max(MAX_BASE64_CHARS),
      takenAt: z.iso.datetime({ offset: false, precision: 3 }),
      label: z.string().max(200).optional(),
    }),
    result: z.strictObject({ mediaId: z.string().regex(/^[0-9a-f]{32}$/) }),
  },
  /**
   * The consultant's report and/or the care-sheet data, each saved as a new version (never
   * overwritten) and audited under the doctor's session as the station knows it. After the end
   * only a report is taken, within the amendment window (`reportAmendHours`); otherwise
   * `forbidden` with `record-sealed: …` or `amend-window-closed: …`.
   */
  'consultation.report': {
    params: z.strictObject({
      id: consultationIdSchema,
      report: reportSchema.optional(),
      careSheet: careSheetSchema.optional(),
    }),
    result: z.strictObject({
      summary: consultationSummarySchema,
      /** The version numbers this save made. */
      reportVersion: z.number().int().positive().optional(),
      careSheetVersion: z.number().int().positive().optional(),
    }),
  },
  /**
   * A request from the doctor's page the station is about to act on (take a snapshot, start a
   * measurement), counted in the record against the consultation's limits
   * (`DEFAULT_DOCTOR_WRITE_LIMITS`); past one, `forbidden` with `limit-reached: …` and the station
   * does not act. Notes, chat lines (`via: 'consultant'`) and report saves are counted where they
   * are written.
   */
  'consultation.doctorRequest': {
    params: z.strictObject({ id: consultationIdSchema, request: z.enum(DOCTOR_REQUESTS) }),
    result: z.null(),
  },
  /** Closes the record (an active or interrupted consultation). */
  'consultation.end': {
    params: z.strictObject({ id: consultationIdSchema }),
    result: consultationSummarySchema,
  },
  'consultation.list': {
    params: z.strictObject({ limit: z.number().int().min(1).max(500).optional() }),
    result: z.array(consultationSummarySchema),
  },
  'consultation.get': {
    params: z.strictObject({ id: consultationIdSchema }),
    result: consultationDetailSchema,
  },
  'consultation.media': {
    params: z.strictObject({ id: consultationIdSchema, mediaId: z.string().regex(/^[0-9a-f]{32}$/) }),
    result: z.strictObject({ mime: z.enum(MEDIA_MIMES), dataBase64: z.base64() }),
  },
  /** An export as a file to save; every export is written to the audit log. */
  'consultation.export': {
    params: z.strictObject({
      id: consultationIdSchema,
      format: z.enum(EXPORT_FORMATS),
      language: z.enum(EXPORT_LANGUAGES),
    }),
    result: z.strictObject({
      fileName: z.string().min(1).max(200),
      mime: z.string().max(100),
      dataBase64: z.base64(),
    }),
  },
  /** Deletes a consultation and its media (not an active one); the audit log keeps the fact. */
  'consultation.delete': { params: z.strictObject({ id: consultationIdSchema }), result: z.null() },
  /**
   * A measurement from before the consultation (listed in the active summary's `pending`),
   * confirmed for this patient: recorded at its device time, with who confirmed it (the station's
   * operator) and when, a timeline entry and an audit row. `not-found` when it is no longer pending.
   */
  'consultation.confirmMeasurement': {
    params: z.strictObject({ id: consultationIdSchema, measurementId: pendingMeasurementIdSchema }),
    result: consultationSummarySchema,
  },
  /** A measurement from before the consultation, discarded unrecorded (an audit row says so). */
  'consultation.dismissMeasurement': {
    params: z.strictObject({ id: consultationIdSchema, measurementId: pendingMeasurementIdSchema }),
    result: consultationSummarySchema,
  },
  /**
   * A report-only session for a consultation (issue 12): a room of its own and a consultant link
   * (`consultant.html#report=<token>`) that lead to nothing but the report and care-sheet versions
   * of this consultation, through `report.load` and `report.save`. Issued during the call (the
   * station hands the link to the doctor's page before hanging up) or from the record's screen
   * after the end, while the amendment window is open (`forbidden`, `amend-window-closed: …`).
   */
  'report.link': {
    params: z.strictObject({ id: consultationIdSchema }),
    result: z.strictObject({
      session: reportSessionIdSchema,
      consultantUrl: z.url({ protocol: /^https?$/ }),
      consultantToken: z.string().min(1).max(2048),
      /** When the amendment window closes, as known now (null while the consultation is active). */
      windowClosesAt: z.iso.datetime().nullable(),
    }),
  },
  /** A fresh station token for the session's room (the station's data-only responder seats itself). */
  'report.join': {
    params: z.strictObject({ session: reportSessionIdSchema }),
    result: z.strictObject({
      signalingUrl: z.url({ protocol: /^wss?$/ }),
      token: z.string().min(1).max(2048),
      expiresAt: z.iso.datetime(),
    }),
  },
  /** The session's consultation as the doctor's form needs it: status and latest versions. */
  'report.load': {
    params: z.strictObject({ session: reportSessionIdSchema }),
    result: reportStateSchema,
  },
  /**
   * A new report and/or care-sheet version of the session's consultation, and nothing else: the
   * session names no consultation of the caller's choosing. The record's seal applies (after the
   * end only a report, within the window); the audit row names the session's invite.
   */
  'report.save': {
    params: z.strictObject({
      session: reportSessionIdSchema,
      report: reportSchema.optional(),
      careSheet: careSheetSchema.optional(),
    }),
    result: z.strictObject({
      reportVersion: z.number().int().positive().optional(),
      careSheetVersion: z.number().int().positive().optional(),
    }),
  },
  /**
   * Pro Santé Connect: the rendezvous's signed word (its `peer-joined`) on who the doctor seated in
   * the session's room is. Kept with the session; where the consultation has a verified doctor,
   * `report.save` takes versions only from a session whose doctor is that one (`forbidden`,
   * `consultant-identity-invalid` for an assertion that does not verify or names another room).
   */
  'report.identity': {
    params: z.strictObject({ session: reportSessionIdSchema, assertion: z.string().min(1).max(2048) }),
    result: z.strictObject({ consultationId: consultationIdSchema, identity: verifiedConsultantSchema }),
  },
  'audit.list': {
    params: z.strictObject({ limit: z.number().int().min(1).max(1000).optional() }),
    result: z.array(auditEntrySchema),
  },
  /**
   * The backend's half of the equipment check: devices, rendezvous reachability and round trip,
   * bounded throughput, TURN over UDP and TCP. The browser adds cameras, audio and codecs.
   */
  'check.run': {
    params: z.strictObject({ throughput: z.boolean().optional() }),
    result: checkReportSchema,
  },
  /**
   * TURN servers with a five-minute credential for the check screen's relay-only loopback. Only
   * the station's own page reaches the backend API: the rendezvous server hands out no credential.
   * Empty when no TURN server (or no TURN secret) is configured.
   */
  'check.iceServers': {
    params: empty,
    result: z.strictObject({ iceServers: z.array(iceServerSchema).max(8) }),
  },
  'kiosk.status': { params: empty, result: kioskStatusSchema },
  /** Unlocks the settings for a few minutes; wrong PINs are slowed down (`retryAfterS`). */
  'kiosk.unlock': {
    params: z.strictObject({ pin: kioskPin }),
    result: z.strictObject({
      unlocked: z.boolean(),
      retryAfterS: z.number().int().nonnegative().nullable(),
      /** Set when the PIN was refused unchecked (then `retryAfterS` is null). */
      refusal: z.enum(KIOSK_REFUSALS).nullable(),
    }),
  },
  /** Locks the settings now (before the unlock runs out); no PIN needed. Unlocked when no PIN is set. */
  'kiosk.lock': { params: empty, result: kioskStatusSchema },
  /** Sets or clears (`newPin: null`) the PIN; `currentPin` is required once one is set. */
  'kiosk.setPin': {
    params: z.strictObject({ currentPin: kioskPin.nullable(), newPin: kioskPin.nullable() }),
    result: kioskStatusSchema,
  },
  /** Leaves kiosk mode (Electron); refused (`forbidden`) with a wrong PIN. */
  'kiosk.exit': { params: z.strictObject({ pin: kioskPin.nullable() }), result: z.null() },
} as const satisfies Record<ApiMethod, { params: z.ZodType; result: z.ZodType }>;

export const API_EVENTS = {
  readings: readingBatchSchema,
  'device.state': deviceInfoSchema,
  'settings.changed': settingsSchema,
  /**
   * The active consultation changed (started, ended, report saved, media added, a measurement from
   * before it pending, confirmed or dismissed), or null.
   */
  'consultation.changed': consultationSummarySchema.nullable(),
  'kiosk.changed': kioskStatusSchema,
  /**
   * The station's room was replaced (`call.invite` with `newRoom`): its page leaves the old room
   * and joins the new one now. A standalone rendezvous learns of the move only from the station.
   */
  'call.moved': z.null(),
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
