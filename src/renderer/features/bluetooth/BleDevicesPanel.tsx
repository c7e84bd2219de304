import { useStore } from '../use-store';
import type { BleConnector } from './ble-connector';
import { BLUETOOTH_UNAVAILABLE } from './ble-connector';
import type { BleDeviceView, BleLinkState } from './ble-device-link';

const STATE_TEXT: Record<BleLinkState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  unsupported: 'Not supported',
};

/** Bluetooth LE health devices: the "Add Bluetooth device" button and one row per added device. */
export function BleDevicesPanel({ connector }: { readonly connector: BleConnector }) {
  const devices = useStore(connector.devices);
  const choosing = useStore(connector.choosing);
  const problem = useStore(connector.problem);
  return (
    <section className="device-panel" aria-labelledby="ble-panel-title" data-testid="ble-panel">
      <h2 id="ble-panel-title" className="panel-title">
        Bluetooth devices
      </h2>
      {connector.available ? (
        <button type="button" disabled={choosing} onClick={() => void connector.addDevice()}>
          Add Bluetooth device
        </button>
      ) : (
        <p className="device-empty" data-testid="ble-unavailable">
          {BLUETOOTH_UNAVAILABLE}
        </p>
      )}
      {problem !== null && (
        <p className="device-error" role="alert">
          {problem}
        </p>
      )}
      {devices.length > 0 && (
        <ul className="device-list">
          {devices.map((device) => (
            <BleDeviceRow key={device.key} device={device} onRemove={() => connector.remove(device.key)} />
          ))}
        </ul>
      )}
    </section>
  );
}

function BleDeviceRow({
  device,
  onRemove,
}: {
  readonly device: BleDeviceView;
  readonly onRemove: () => void;
}) {
  return (
    <li className="device-row" data-testid={`ble-device-${device.key}`}>
      <div className="device-heading">
        <span className="device-name">{device.label}</span>
      </div>
      <div className="device-path">{device.protocols.join(', ') || 'Bluetooth LE'}</div>
      <dl className="device-facts">
        <div>
          <dt>State</dt>
          <dd
            className={`device-state device-state--${device.state}`}
            data-testid={`ble-state-${device.key}`}
          >
            {STATE_TEXT[device.state]}
          </dd>
        </div>
        <div>
          <dt>Dropped values</dt>
          <dd data-testid={`ble-dropped-${device.key}`}>{device.droppedFrames}</dd>
        </div>
      </dl>
      {device.error !== null && <p className="device-error">{device.error}</p>}
      <button type="button" onClick={onRemove}>
        Remove
      </button>
    </li>
  );
}
