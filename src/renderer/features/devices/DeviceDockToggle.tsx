import { DEVICE_STATES, type DeviceInfo } from '../../../shared/domain/devices';
import { useMessages } from '../../i18n/use-messages';
import { DEVICE_STATE_SYMBOL } from './device-state-text';
import { devicesMessages } from './devices-messages';

interface DeviceDockToggleProps {
  readonly devices: readonly DeviceInfo[];
  /** Bluetooth devices that lost their link and are trying again. */
  readonly bleReconnecting: number;
  readonly expanded: boolean;
  readonly controls: string;
  readonly onToggle: () => void;
}

/**
 * During a call, the devices in one line of the station's header ("Devices: 2 streaming, 1
 * disconnected") and the button that docks the full device list under the call panel (issue 15):
 * the nurse sees how the devices are doing without folding the call, and no tile or trace moves.
 * Shown only in a call (station-layout.css); outside one the device area is a column of its own.
 */
export function DeviceDockToggle({
  devices,
  bleReconnecting,
  expanded,
  controls,
  onToggle,
}: DeviceDockToggleProps) {
  const m = useMessages(devicesMessages);
  const counted = DEVICE_STATES.map((state) => ({
    state,
    count: devices.filter((device) => device.state === state).length,
  })).filter(({ count }) => count > 0);
  const parts = [
    ...counted.map(({ state, count }) => `${DEVICE_STATE_SYMBOL[state]} ${m.dockCount(state, count)}`),
    ...(bleReconnecting > 0 ? [`… ${m.dockBleReconnecting(bleReconnecting)}`] : []),
  ];
  return (
    <button
      type="button"
      className="button device-dock-toggle"
      data-testid="device-dock-toggle"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
      {m.dockSummary(parts.length === 0 ? [m.dockNone] : parts)}
    </button>
  );
}
