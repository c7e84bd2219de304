import { KIOSK_REFUSALS, type KioskRefusal } from '../../../shared/api';
import { BackendCallError } from '../../backend-client/backend-client';

/**
 * The refusal code in a failed `kiosk.setPin` or `kiosk.exit` (an `unavailable` error whose message
 * is the code, as the contract says), or null for any other failure.
 */
export function kioskRefusalOf(cause: unknown): KioskRefusal | null {
  if (!(cause instanceof BackendCallError) || cause.code !== 'unavailable') return null;
  return KIOSK_REFUSALS.find((refusal) => refusal === cause.message) ?? null;
}
