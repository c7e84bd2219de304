import type { DeviceState } from '../../../shared/domain/devices';

/**
 * Words and a symbol for each state: colour is never the only signal (colour-blind users, glare on
 * a cart screen, a monochrome photo of the screen in a report).
 */
export const DEVICE_STATE_TEXT: Readonly<Record<DeviceState, { label: string; symbol: string }>> = {
  connecting: { label: 'Connecting', symbol: '…' },
  streaming: { label: 'Streaming', symbol: '●' },
  'no-data': { label: 'No data', symbol: '!' },
  disconnected: { label: 'Disconnected', symbol: '✕' },
  error: { label: 'Error', symbol: '✕' },
};
