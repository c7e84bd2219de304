import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import type { BleConnector } from './ble-connector';
import type { BleDeviceView } from './ble-device-link';
import { bleProblem } from './ble-problem';
import { bluetoothMessages } from './bluetooth-messages';

/** Bluetooth LE health devices: the "Add Bluetooth device" button and one row per added device. */
export function BleDevicesPanel({ connector }: { readonly connector: BleConnector }) {
  const m = useMessages(bluetoothMessages);
  const devices = useStore(connector.devices);
  const choosing = useStore(connector.choosing);
  const problem = useStore(connector.problem);
  return (
    <section
      className="device-panel device-panel--ble"
      aria-labelledby="ble-panel-title"
      data-testid="ble-panel"
    >
      <h2 id="ble-panel-title" className="panel-title">
        {m.panelTitle}
      </h2>
      {connector.available ? (
        <button type="button" disabled={choosing} onClick={() => void connector.addDevice()}>
          {m.addDevice}
        </button>
      ) : (
        <p className="device-empty" data-testid="ble-unavailable">
          {m.problem(bleProblem('unavailable'))}
        </p>
      )}
      {problem !== null && (
        <p className="device-error" role="alert">
          {m.problem(problem)}
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
  const m = useMessages(bluetoothMessages);
  return (
    <li className="device-row" data-testid={`ble-device-${device.key}`}>
      <div className="device-heading">
        <span className="device-name">{device.label}</span>
      </div>
      <div className="device-path">{device.protocols.join(', ') || m.protocolsNone}</div>
      <dl className="device-facts">
        <div>
          <dt>{m.factState}</dt>
          <dd
            className={`device-state device-state--${device.state}`}
            data-testid={`ble-state-${device.key}`}
          >
            {m.state(device.state)}
          </dd>
        </div>
        <div>
          <dt>{m.factDropped}</dt>
          <dd data-testid={`ble-dropped-${device.key}`}>{device.droppedFrames}</dd>
        </div>
      </dl>
      {device.error !== null && <p className="device-error">{m.problem(device.error)}</p>}
      <button type="button" onClick={onRemove} aria-label={m.removeLabel(device.label)}>
        {m.remove}
      </button>
    </li>
  );
}
