import { z } from 'zod';
import { PSC_ACR, PSC_METHOD } from '../../../shared/domain/consultant-identity';
import {
  ACCOMPANYING_ACT_CODES,
  ACCOMPANYING_ROLES,
  CARE_ACT_CODES,
  CARE_PATHWAYS,
  CARE_PLACES,
  consultationIdSchema,
  patientTraitsSchema,
  RETIRED_ACT_CODES,
} from '../../../shared/domain/consultation';

/**
 * Bumped on any change a reader of the JSON must know about. 2: `simulated` (issue 11) — a sheet
 * from a consultation whose readings came from a device simulator must not be billed unread.
 * 3 (issue 16): the patient's identity as the RNIV defines it (birth given names as a list, birth
 * place, identity status; the INS only for a qualified identity), the place of the act, TLM and the
 * accompanying act's prescriber and dates, `act.retired` for a code no longer billable.
 * 4 (issue 16): `doctor.identity`, whether Pro Santé Connect verified the doctor named.
 */
export const CARE_SHEET_SCHEMA_VERSION = 4;

/**
 * The care-sheet export (`care-sheet-json`): what the doctor's SESAM-Vitale software needs to bill
 * the teleconsultation, taken from the record (identity is never typed twice). Shape:
 *
 *   {
 *     "schema": "teleconsult-station/care-sheet", "schemaVersion": 4,
 *     "consultationId": "0123…", "generatedAt": "2026-11-25T10:00:00.000Z",
 *     "act": { "code": "TC", "retired": false, "date": "2026-11-25", "teleconsultation": true,
 *              "pathway": "treating-doctor", "place": "pharmacy" },
 *     "doctor": { "name": "Dr Camille Martin", "rpps": "10101010101", "reason"?: "…",
 *                 "identity": { "verified": false }
 *                           | { "verified": true, "method": "pro-sante-connect", "issuer": "https://…",
 *                               "acr": "eidas1", "authenticatedAt": "2026-11-25T09:29:00.000Z" } },
 *     "patient": { "familyName", "birthGivenNames": ["…"], "usedGivenName"?, "birthDate", "sex",
 *                  "birthPlace"?, "identityStatus", "ins"? (qualified only), "insuranceNumber"? },
 *     "accompanying": { "name", "role", "identifier"?, "act": "TLS" | "TLL" | "TLD" | "TLM" | null,
 *                       "prescriberRpps"?, "prescriptionDate"?, "executionDate"? } | null,
 *     "remarks"?: "…",
 *     "simulated": false,
 *     "generator": { "name": "Teleconsult Station", "version": "0.1.0" }
 *   }
 *
 * `pathway`: `treating-doctor` (médecin traitant), `referred` (orienté par lui), `exception`
 * (hors parcours, e.g. urgency). `place`: where the act took place (pharmacy, nursing-home, home,
 * practice, cabin); absent on a sheet saved before issue 16. `act.retired`: the code (TE1, TE2,
 * RNM) was saved by an earlier version and is not a teleconsultation act today — do not bill it
 * as is. `accompanying.act` is the accompanying professional's own act; with it, the
 * teleconsultant's RPPS goes in the prescriber field (`prescriberRpps`), and for a pharmacist's TLM
 * the consultation date is both the prescription and the execution date (sources:
 * src/shared/domain/README.md, "Today's acts"). `simulated`: true when a reading of the
 * consultation came from a device simulator (a demonstration or a training session, not a
 * patient's care). `doctor.identity`: `verified: true` only when the doctor named signed in with
 * Pro Santé Connect (CPS card or e-CPS, `acr` eidas1) before this version of the sheet was saved,
 * with the OpenID issuer and when they authenticated; otherwise `verified: false`, the doctor's
 * identity is not verified (src/core/exports/signer-verification.ts).
 */
export const careSheetExportSchema = z.strictObject({
  schema: z.literal('teleconsult-station/care-sheet'),
  schemaVersion: z.literal(CARE_SHEET_SCHEMA_VERSION),
  consultationId: consultationIdSchema,
  generatedAt: z.iso.datetime({ offset: false, precision: 3 }),
  act: z.strictObject({
    code: z.enum([...CARE_ACT_CODES, ...RETIRED_ACT_CODES]),
    retired: z.boolean(),
    date: z.iso.date(),
    teleconsultation: z.literal(true),
    pathway: z.enum(CARE_PATHWAYS),
    place: z.enum(CARE_PLACES).optional(),
  }),
  doctor: z.strictObject({
    name: z.string().min(1).max(120),
    rpps: z.string().regex(/^\d{11}$/, 'RPPS has 11 digits'),
    reason: z.string().max(300).optional(),
    identity: z.discriminatedUnion('verified', [
      z.strictObject({
        verified: z.literal(true),
        method: z.literal(PSC_METHOD),
        issuer: z.url().max(300),
        acr: z.literal(PSC_ACR),
        authenticatedAt: z.iso.datetime({ offset: false, precision: 3 }),
      }),
      z.strictObject({ verified: z.literal(false) }),
    ]),
  }),
  patient: patientTraitsSchema.omit({ identityDocument: true, insSource: true, legacyIns: true }),
  accompanying: z
    .strictObject({
      name: z.string().min(1).max(120),
      role: z.enum(ACCOMPANYING_ROLES),
      identifier: z
        .string()
        .regex(/^(\d{9}|\d{11})$/)
        .optional(),
      act: z.enum(ACCOMPANYING_ACT_CODES).nullable(),
      prescriberRpps: z
        .string()
        .regex(/^\d{11}$/)
        .optional(),
      prescriptionDate: z.iso.date().optional(),
      executionDate: z.iso.date().optional(),
    })
    .nullable(),
  remarks: z.string().max(1000).optional(),
  simulated: z.boolean(),
  generator: z.strictObject({ name: z.string().max(120), version: z.string().max(60) }),
});

export type CareSheetExport = z.infer<typeof careSheetExportSchema>;
