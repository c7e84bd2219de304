import { z } from 'zod';
import {
  accompanyingSchema,
  consentSchema,
  consultationIdSchema,
  patientTraitsSchema,
  reportSchema,
  storedCareSheetSchema,
} from './consultation';

/**
 * A report-only session (issue 12): after the end of a consultation the doctor may still add a
 * report version within the amendment window, through a session scoped to that one consultation.
 * Its id is a random bearer capability the station holds; the doctor holds only its room's link.
 */
export const reportSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const versioned = <T extends z.ZodType>(value: T) =>
  z.strictObject({ version: z.number().int().positive(), value });

export const reportStateSchema = z.strictObject({
  consultationId: consultationIdSchema,
  status: z.enum(['active', 'ended', 'interrupted']),
  /** When the amendment window closes, as the station's setting says now (null while active). */
  windowClosesAt: z.iso.datetime().nullable(),
  /** Who the report is about, as the doctor saw it during the call (no INS, no insurance number). */
  patient: patientTraitsSchema.pick({
    familyName: true,
    birthGivenNames: true,
    usedGivenName: true,
    birthDate: true,
    sex: true,
  }),
  consent: consentSchema,
  accompanying: accompanyingSchema.nullable(),
  report: versioned(reportSchema).nullable(),
  /** As saved: an older version may carry a retired act code (consultation.ts). */
  careSheet: versioned(storedCareSheetSchema).nullable(),
});
export type ReportState = z.infer<typeof reportStateSchema>;
