import type { DeviceInfo } from '../../../shared/domain/devices';
import { useLocale } from '../../i18n/I18nProvider';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { deviceDisplayName } from './device-groups';
import { DEVICE_STATE_SYMBOL } from './device-state-text';
import { devicesMessages } from './devices-messages';
import { SimulatedBadge } from './SimulatedBadge';

interface DevicePanelProps {
  readonly devices: readonly DeviceInfo[];
  readonly nowMs: number;
  /** Epoch ms of the device's last reading, or null before the first. */
  readonly lastReadingAt: (id: string) => number | null;
}

/** One row per device: what it is, where it is plugged, how it is doing. */
export function DevicePanel({ devices, nowMs, lastReadingAt }: DevicePanelProps) {
  const m = useMessages(devicesMessages);
  return (
    <section
      className="device-panel device-panel--wired"
      aria-labelledby="device-panel-title"
      data-testid="device-panel"
    >
      <h2 id="device-panel-title" className="panel-title">
        {m.panelTitle}
      </h2>
      {devices.length === 0 ? (
        <p className="device-empty">{m.noDevice}</p>
      ) : (
        <ul className="device-list">
          {devices.map((device) => (
            <DeviceRow
              key={device.id}
              device={device}
              nowMs={nowMs}
              lastReadingAt={lastReadingAt(device.id)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface DeviceRowProps {
  readonly device: DeviceInfo;
  readonly nowMs: number;
  readonly lastReadingAt: number | null;
}

function DeviceRow({ device, nowMs, lastReadingAt }: DeviceRowProps) {
  const m = useMessages(devicesMessages);
  const locale = useLocale();
  const format = useFormat();
  const age = lastReadingAt === null ? m.never : format.age(Math.max(0, nowMs - lastReadingAt));
  return (
    <li className="device-row" data-testid={`device-${device.id}`}>
      <div className="device-heading">
        <span className="device-name">{deviceDisplayName(device.id, device, locale)}</span>
        {device.simulated && <SimulatedBadge compact testId={`device-simulated-${device.id}`} />}
      </div>
      <div className="device-path">{device.path}</div>
      <dl className="device-facts">
        <div>
          <dt>{m.factState}</dt>
          <dd
            className={`device-state device-state--${device.state}`}
            data-testid={`device-state-${device.id}`}
          >
            <span aria-hidden="true">{DEVICE_STATE_SYMBOL[device.state]} </span>
            <span data-state={device.state}>{m.state(device.state)}</span>
          </dd>
        </div>
        <div>
          <dt>{m.factLastReading}</dt>
          <dd data-testid={`device-age-${device.id}`}>{age}</dd>
        </div>
        <div>
          <dt>{m.factDropped}</dt>
          <dd data-testid={`device-dropped-${device.id}`}>{device.droppedFrames}</dd>
        </div>
      </dl>
      {device.error !== null && (
        <p className="device-error" role="alert">
          {m.error(device.error.code)}
        </p>
      )}
    </li>
  );
}
