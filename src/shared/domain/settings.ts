import { z } from 'zod';

/**
 * Station settings: one schema and one set of defaults for both hosts (electron-store in Electron,
 * a JSON file in the Node host). Whatever is read from disk is parsed against this schema; a field
 * that fails falls back to its default instead of taking the app down.
 */
/** Each field's rule, without its default: a patch must not fill in what the caller did not send. */
const settingsFields = {
  language: z.enum(['system', 'en', 'fr']),
  /** Connect devices automatically when they are plugged in. */
  autoConnect: z.boolean(),
  /** Seconds without a frame before a streaming device is shown as `no-data`. */
  noDataTimeoutS: z.number().int().min(1).max(120),
  /** Seconds of waveform kept on screen. */
  waveformWindowS: z.number().int().min(2).max(30),
  /** Rendezvous (signaling) server the station uses; empty means the embedded one. */
  rendezvousUrl: z.union([z.literal(''), z.url({ protocol: /^wss?$/ })]),
  stunUrls: z
    .array(
      z
        .string()
        .regex(/^stuns?:/)
        .max(200),
    )
    .max(8),
  turnUrls: z
    .array(
      z
        .string()
        .regex(/^turns?:/)
        .max(200),
    )
    .max(8),
  kiosk: z.boolean(),
  /** Days a consultation record is kept before it is purged with its media (issue 6). */
  retentionDays: z.number().int().min(1).max(3650),
  /** Who operates the station, written into the audit log and as the consent's default recorder. */
  operatorName: z.string().trim().max(120),
  /** Hours after a consultation's end during which the doctor may still add a report version. */
  reportAmendHours: z.number().int().min(0).max(720),
};

export const settingsSchema = z.strictObject({
  language: settingsFields.language.default('system'),
  autoConnect: settingsFields.autoConnect.default(true),
  noDataTimeoutS: settingsFields.noDataTimeoutS.default(5),
  waveformWindowS: settingsFields.waveformWindowS.default(6),
  rendezvousUrl: settingsFields.rendezvousUrl.default(''),
  stunUrls: settingsFields.stunUrls.default([]),
  turnUrls: settingsFields.turnUrls.default([]),
  kiosk: settingsFields.kiosk.default(false),
  retentionDays: settingsFields.retentionDays.default(365),
  operatorName: settingsFields.operatorName.default(''),
  reportAmendHours: settingsFields.reportAmendHours.default(24),
});

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A partial update, validated field by field with the same rules; absent fields stay absent. */
export const settingsPatchSchema = z.strictObject(settingsFields).partial();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * Reads settings from untrusted storage: each valid field is kept, each invalid or unknown one is
 * dropped (and reported) so one bad value never resets the others.
 */
export function parseStoredSettings(raw: unknown): { settings: Settings; rejected: string[] } {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rejected: string[] = [];
  const kept: Record<string, unknown> = {};
  const shape = settingsSchema.shape;
  for (const [key, value] of Object.entries(source)) {
    const field = (shape as Record<string, z.ZodType | undefined>)[key];
    if (field?.safeParse(value).success) kept[key] = value;
    else rejected.push(key);
  }
  return { settings: settingsSchema.parse(kept), rejected };
}
