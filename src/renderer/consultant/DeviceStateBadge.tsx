import { useMessages } from '../i18n/use-messages';
import type { DoctorDeviceState } from './doctor-device-state';
import { workspaceMessages } from './workspace-messages';

/** A symbol beside the words: colour is never the only signal (device-state-text.ts does the same). */
const SYMBOL: Readonly<Record<DoctorDeviceState, string>> = {
  streaming: '●',
  disconnected: '✕',
  'probe-off': '!',
  searching: '…',
  stale: '!',
};
/** The station's colour classes (device-group.css / styles.css) for the nearest of its states. */
const LOOK: Readonly<Record<DoctorDeviceState, string>> = {
  streaming: 'streaming',
  disconnected: 'disconnected',
  'probe-off': 'no-data',
  searching: 'connecting',
  stale: 'no-data',
};

export function DeviceStateBadge({ device, state }: { device: string; state: DoctorDeviceState }) {
  const m = useMessages(workspaceMessages);
  return (
    <span
      className={`device-state device-state--${LOOK[state]}`}
      data-testid={`doctor-device-state-${device}`}
      data-state={state}
    >
      <span aria-hidden="true">{SYMBOL[state]} </span>
      {m.deviceState(state)}
    </span>
  );
}
