import { z } from 'zod';
import {
  ACCOMPANYING_ACT_CODES,
  ACCOMPANYING_ROLES,
  CARE_ACT_CODES,
  CARE_PATHWAYS,
  consultationIdSchema,
  patientSchema,
} from '../../../shared/domain/consultation';

/**
 * Bumped on any change a reader of the JSON must know about. 2: `simulated` (issue 11) — a sheet
 * from a consultation whose readings came from a device simulator must not be billed unread.
 */
export const CARE_SHEET_SCHEMA_VERSION = 2;

/**
 * The care-sheet export (`care-sheet-json`): what the doctor's SESAM-Vitale software needs to bill
 * the teleconsultation, taken from the record (identity is never typed twice). Shape:
 *
 *   {
 *     "schema": "teleconsult-station/care-sheet", "schemaVersion": 2,
 *     "consultationId": "0123…", "generatedAt": "2026-11-25T10:00:00.000Z",
 *     "act": { "code": "TC", "date": "2026-11-25", "teleconsultation": true,
 *              "pathway": "treating-doctor" },
 *     "doctor": { "name": "Dr Camille Martin", "rpps": "10101010101" },
 *     "patient": { "familyName", "givenNames", "birthDate", "sex", "ins"?, "insuranceNumber"? },
 *     "accompanying": { "name", "role", "identifier"?, "act": "TLS" | "TLL" | "TLD" | null } | null,
 *     "remarks"?: "…",
 *     "simulated": false,
 *     "generator": { "name": "Teleconsult Station", "version": "0.1.0" }
 *   }
 *
 * `pathway`: `treating-doctor` (médecin traitant), `referred` (orienté par lui), `exception`
 * (hors parcours, e.g. urgency). `accompanying.act` is the accompanying professional's own act.
 * `simulated`: true when a reading of the consultation came from a device simulator (a
 * demonstration or a training session, not a patient's care).
 */
export const careSheetExportSchema = z.strictObject({
  schema: z.literal('teleconsult-station/care-sheet'),
  schemaVersion: z.literal(CARE_SHEET_SCHEMA_VERSION),
  consultationId: consultationIdSchema,
  generatedAt: z.iso.datetime({ offset: false, precision: 3 }),
  act: z.strictObject({
    code: z.enum(CARE_ACT_CODES),
    date: z.iso.date(),
    teleconsultation: z.literal(true),
    pathway: z.enum(CARE_PATHWAYS),
  }),
  doctor: z.strictObject({
    name: z.string().min(1).max(120),
    rpps: z.string().regex(/^\d{11}$/, 'RPPS has 11 digits'),
  }),
  patient: patientSchema,
  accompanying: z
    .strictObject({
      name: z.string().min(1).max(120),
      role: z.enum(ACCOMPANYING_ROLES),
      identifier: z
        .string()
        .regex(/^(\d{9}|\d{11})$/)
        .optional(),
      act: z.enum(ACCOMPANYING_ACT_CODES).nullable(),
    })
    .nullable(),
  remarks: z.string().max(1000).optional(),
  simulated: z.boolean(),
  generator: z.strictObject({ name: z.string().max(120), version: z.string().max(60) }),
});

export type CareSheetExport = z.infer<typeof careSheetExportSchema>;
