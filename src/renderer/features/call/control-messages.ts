import { z } from 'zod';
import {
  accompanyingSchema,
  careSheetSchema,
  storedCareSheetSchema,
  consentSchema,
  patientTraitsSchema,
  RECORD_REFUSAL_CODES,
  reportSchema,
} from '../../../shared/domain/consultation';
import { DEVICE_STATES } from '../../../shared/domain/devices';
import { RUNGS } from './quality/quality-ladder';

/**
 * Messages on the call's control channel (JSON): chat, media labels, snapshot requests and their
 * chunked answers, remote measurement requests, the consultation record (the patient shown to the
 * doctor, the doctor's report, care sheet and notes, and the station's answer) and goodbye (clock
 * sync rides the vitals channel). Everything the far side sends is parsed against this schema
 * first: a peer is a separate trust domain.
 */
export const MEDIA_ROLES = ['room', 'instrument', 'stethoscope'] as const;
export type MediaRole = (typeof MEDIA_ROLES)[number];

export const INSTRUMENT_KINDS = ['otoscope', 'dermatoscope', 'colposcope', 'exam-camera'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** Snapshot JPEGs travel as base64 text in chunks well under the SCTP message limit. */
export const SNAPSHOT_CHUNK_CHARS = 16 * 1024;
export const MAX_SNAPSHOT_CHUNKS = 2048; // 32 MiB of base64: far beyond any camera still

const id = z.string().min(1).max(64);
/**
 * Why the station refused a request, as a code the doctor's page words in its own language: a
 * write limit, or the record's own refusals once the consultation has ended (sealed record, report
 * amendment window closed).
 */
export const CONTROL_REFUSAL_CODES = [
  'limit-reached',
  ...RECORD_REFUSAL_CODES,
  /** A report-only room whose session the station's backend no longer knows (it restarted). */
  'report-session-unknown',
] as const;
export type ControlRefusalCode = (typeof CONTROL_REFUSAL_CODES)[number];
const refusal = z.enum(CONTROL_REFUSAL_CODES).optional();
/**
 * Why the station could not take a snapshot or start a measurement when no refusal code says it:
 * the doctor's page words these, never the station's own (English) message.
 */
export const STATION_FAILURE_CODES = [
  'no-camera',
  'capture-failed',
  'transfer-dropped',
  'request-refused',
] as const;
export type StationFailureCode = (typeof STATION_FAILURE_CODES)[number];
const failure = z.enum(STATION_FAILURE_CODES).optional();

/** Devices a `devices` message may name: far beyond any station's USB and Bluetooth ports. */
export const MAX_DEVICE_FACTS = 64;

export const controlMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('chat'), id, text: z.string().min(1).max(2000), sentAt: z.number() }),
  /** Which remote stream is which, and whether the instrument camera is on. */
  z.strictObject({
    type: z.literal('media'),
    streams: z.array(z.strictObject({ streamId: z.string().max(100), role: z.enum(MEDIA_ROLES) })).max(8),
    instrument: z.strictObject({ kind: z.enum(INSTRUMENT_KINDS), on: z.boolean() }).nullable(),
    audioOnly: z.boolean(),
    /** The station's rung on the quality ladder (quality/quality-ladder.ts); absent from older stations. */
    rung: z.enum(RUNGS).optional(),
    /** The nurse muted the station's microphone / turned its room camera off (absent: older stations). */
    micMuted: z.boolean().optional(),
    cameraOff: z.boolean().optional(),
  }),
  /**
   * The doctor muted their microphone or turned their camera off (sent when the call connects and
   * at each change): the station says so, so a silent or black doctor is never taken for a fault.
   */
  z.strictObject({ type: z.literal('av-state'), micMuted: z.boolean(), cameraOff: z.boolean() }),
  z.strictObject({ type: z.literal('snapshot-request'), id }),
  z.strictObject({
    type: z.literal('snapshot-chunk'),
    id,
    index: z.number().int().nonnegative(),
    total: z.number().int().positive().max(MAX_SNAPSHOT_CHUNKS),
    mime: z.enum(['image/jpeg', 'image/png']),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    data: z.string().max(SNAPSHOT_CHUNK_CHARS),
  }),
  z.strictObject({
    type: z.literal('snapshot-failed'),
    id,
    code: refusal,
    failure,
    message: z.string().max(300),
  }),
  z.strictObject({ type: z.literal('measure-request'), id, metric: z.string().max(60).optional() }),
  z.strictObject({
    type: z.literal('measure-result'),
    id,
    outcome: z.enum(['started', 'not-supported', 'failed']),
    code: refusal,
    failure,
    message: z.string().max(300),
  }),
  /**
   * Who the doctor is seeing, sent by the station when the call connects. Only what the doctor
   * needs to recognise the patient and the consent given: no INS or insurance number.
   */
  z.strictObject({
    type: z.literal('patient'),
    patient: patientTraitsSchema.pick({
      familyName: true,
      birthGivenNames: true,
      usedGivenName: true,
      birthDate: true,
      sex: true,
    }),
    consent: consentSchema,
    accompanying: accompanyingSchema.nullable(),
    motive: z.string().max(500).optional(),
  }),
  /** The doctor's report and/or care sheet, for the station to store in the consultation. */
  z.strictObject({
    type: z.literal('report'),
    id,
    report: reportSchema.optional(),
    careSheet: careSheetSchema.optional(),
  }),
  /** A note of the doctor's, into the consultation's timeline. */
  z.strictObject({
    type: z.literal('note'),
    id,
    author: z.string().trim().min(1).max(120),
    text: z.string().trim().min(1).max(10_000),
  }),
  /** The station's answer to `report` or `note`: saved, or why not. */
  z.strictObject({
    type: z.literal('report-result'),
    id,
    ok: z.boolean(),
    code: refusal,
    /** The version the station saved (a report or care sheet): the doctor's page says "version N". */
    version: z.number().int().positive().optional(),
    message: z.string().max(500),
  }),
  /**
   * What the record already holds, sent by the station when the doctor joins or rejoins, and after
   * each version saved: the doctor's form starts from the latest version, never from a blank one.
   * `status` says whether the consultation has ended (then only a report version may be added).
   */
  z.strictObject({
    type: z.literal('record-state'),
    status: z.enum(['active', 'ended', 'interrupted']),
    report: z.strictObject({ version: z.number().int().positive(), value: reportSchema }).nullable(),
    careSheet: z
      .strictObject({ version: z.number().int().positive(), value: storedCareSheetSchema })
      .nullable(),
    /** From a report-only room: when the amendment window closes, as the station's setting says now. */
    windowClosesAt: z.iso.datetime().nullable().optional(),
  }),
  /**
   * The station's devices as the doctor's vitals show them, sent when the call connects and when
   * one changes: its name, and whether a simulator feeds it (the doctor's page says SIMULATED).
   */
  z.strictObject({
    type: z.literal('devices'),
    devices: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(200),
          name: z.string().max(120),
          simulated: z.boolean(),
          /** The station's session state (absent from older stations): the doctor's page shows it. */
          state: z.enum(DEVICE_STATES).optional(),
          /**
           * The device starts a measurement when asked (a cuff, a spot check): only then does the
           * doctor's page offer "Start measurement". Absent: it cannot (no driver does yet).
           */
          startsMeasurement: z.boolean().optional(),
        }),
      )
      .max(MAX_DEVICE_FACTS),
  }),
  /**
   * The report-only link of this consultation (report.link), sent when the call connects: once the
   * station ends the consultation, the doctor's page sends report versions through it, data only,
   * to a responder the station's page keeps in that room until the amendment window closes.
   */
  z.strictObject({ type: z.literal('report-link'), token: z.string().min(1).max(2048) }),
  /** The station ended the consultation: the call ends with it (sent just before `bye`). */
  z.strictObject({ type: z.literal('consultation-ended') }),
  z.strictObject({ type: z.literal('bye') }),
]);
export type ControlMessage = z.infer<typeof controlMessageSchema>;

export function parseControlMessage(text: string): ControlMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = controlMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
