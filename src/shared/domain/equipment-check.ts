import { z } from 'zod';

/**
 * The equipment check (issue 7): each item says pass / warn / fail (or skipped) with what was
 * measured and, when not passing, a plain-language fix. The same item shape comes from the backend
 * (devices, rendezvous, TURN), from the browser (camera, microphone, codecs, relay loopback) and
 * from `station check`, so one report holds them all and exports as JSON.
 */

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const CHECK_CATEGORIES = ['camera', 'audio', 'stethoscope', 'runtime', 'network', 'devices'] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export const checkItemSchema = z.strictObject({
  /** Stable id, e.g. `network.turn-udp`, `devices.contec-cms50-v7@/dev/ttyUSB0`. */
  id: z.string().min(1).max(200),
  category: z.enum(CHECK_CATEGORIES),
  status: z.enum(CHECK_STATUSES),
  /** What was checked, in the report's language. */
  title: z.string().max(200),
  /** What was found, e.g. "1280×720 at 30 fps", "RTT 12 ms, jitter 1 ms". */
  detail: z.string().max(1000),
  /** What to do about it; empty when passing. */
  fix: z.string().max(1000),
  /** Figures measured, for the exported report (e.g. `{ rttMs: 12, uploadKbps: 9000 }`). */
  measured: z.record(z.string().max(60), z.union([z.number(), z.string().max(200), z.boolean()])).optional(),
});
export type CheckItem = z.infer<typeof checkItemSchema>;

export const checkReportSchema = z.strictObject({
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  /** Where the check ran: the station's browser window, the Node host, or `station check`. */
  source: z.string().max(100),
  items: z.array(checkItemSchema).max(200),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

/**
 * Builds one report item. `measured.code` names the outcome in a stable, language-free way, so
 * the station screen can show the item in French or English whatever language the Node side
 * wrote it in (the CLI and the exported JSON keep the English text).
 */
export function checkItem(fields: {
  id: string;
  category: CheckCategory;
  status: CheckStatus;
  code: string;
  title: string;
  detail: string;
  fix?: string;
  measured?: Record<string, number | string | boolean>;
}): CheckItem {
  return {
    id: fields.id.slice(0, 200),
    category: fields.category,
    status: fields.status,
    title: fields.title.slice(0, 200),
    detail: fields.detail.slice(0, 1000),
    fix: (fields.fix ?? '').slice(0, 1000),
    measured: { code: fields.code, ...fields.measured },
  };
}

/** The worst status of a list of items: what the summary line shows. */
export function overallStatus(items: readonly Pick<CheckItem, 'status'>[]): CheckStatus {
  if (items.some((item) => item.status === 'fail')) return 'fail';
  if (items.some((item) => item.status === 'warn')) return 'warn';
  if (items.some((item) => item.status === 'pass')) return 'pass';
  return 'skipped';
}

/**
 * Throughput thresholds that say what works (issue 7): under 1 Mbit/s up the video is reduced,
 * under 300 kbit/s only audio and vitals get through.
 */
export const NETWORK_THRESHOLDS = {
  videoFullUploadKbps: 1000,
  audioOnlyUploadKbps: 300,
  warnRttMs: 150,
  failRttMs: 400,
  warnJitterMs: 30,
} as const;
