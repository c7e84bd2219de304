import type { RecordRefusalCode } from '../../shared/domain/consultation';
import { AppErrorException } from '../../shared/result';

/** The amendment window's default: the report is usually written after the call, the same day. */
export const DEFAULT_AMEND_WINDOW_HOURS = 24;

export type RecordWrite = 'report-version' | 'other';

/**
 * A record is open while its consultation is active. Once ended (or interrupted) it is sealed: the
 * one write still taken is a new report version, and only within the amendment window after the
 * end. Anything else (care sheet, chat, notes, media, measurements) is refused with a code.
 */
export function sealRefusal(
  record: { readonly status: string; readonly endedMs: number | null },
  write: RecordWrite,
  nowMs: number,
  windowMs: number,
): { code: RecordRefusalCode; message: string } | null {
  if (record.status === 'active') return null;
  if (write === 'report-version') {
    const endedMs = record.endedMs ?? nowMs;
    if (nowMs - endedMs <= windowMs) return null;
    return {
      code: 'amend-window-closed',
      message: `the consultation ended ${new Date(endedMs).toISOString()}: reports may be amended for ${Math.round(windowMs / 3_600_000)} h after the end`,
    };
  }
  return {
    code: 'record-sealed',
    message: `the consultation is ${record.status}: its record is sealed (only a new report version may be added, within the amendment window)`,
  };
}

/** The refusal as the API answers it: `forbidden`, the code first in the message. */
export function refusalError(
  id: string,
  refusal: { code: RecordRefusalCode; message: string },
): AppErrorException {
  return new AppErrorException('forbidden', `${refusal.code}: consultation ${id}: ${refusal.message}`);
}
