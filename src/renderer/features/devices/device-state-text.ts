import type { DeviceState } from '../../../shared/domain/devices';

/**
 * A symbol beside each state's words (devices-messages.ts): colour is never the only signal
 * (colour-blind users, glare on a cart screen, a monochrome photo of the screen in a report).
 */
export const DEVICE_STATE_SYMBOL: Readonly<Record<DeviceState, string>> = {
  connecting: '…',
  streaming: '●',
  'no-data': '!',
  disconnected: '✕',
  error: '✕',
};
