import type { ReactNode } from 'react';
import { METRIC_IDS, METRICS, type MetricId } from '../../../shared/domain/metrics';
import { useLocale } from '../../i18n/I18nProvider';
import { isBpMetric } from '../vitals/bp-results';
import { BpResultTile } from '../vitals/BpResultTile';
import { NumericTile } from '../vitals/NumericTile';
import { statusFlagText, visibleFlags } from '../vitals/status-text';
import type { DeviceVitals } from '../vitals/vitals-store';
import { WaveformCanvas } from '../waveforms/WaveformCanvas';
import type { WaveformStore } from '../waveforms/waveform-store';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { deviceDisplayName, type DeviceGroupEntry } from './device-groups';
import { DEVICE_STATE_SYMBOL } from './device-state-text';
import { devicesMessages } from './devices-messages';
import { SimulatedBadge } from './SimulatedBadge';

interface DeviceGroupProps {
  readonly entry: DeviceGroupEntry;
  readonly vitals: DeviceVitals | undefined;
  readonly waveforms: WaveformStore;
  readonly waveformMetrics: readonly MetricId[];
  readonly nowMs: number;
  readonly staleAfterMs: number;
  readonly windowS: number;
  /** Epoch ms the active consultation started, or null: older BP results are marked as such. */
  readonly consultationStartMs?: number | null;
  /** The device's state when the screen knows it otherwise than from `entry.info` (the doctor's page). */
  readonly status?: ReactNode;
}

/** Live numerics in metric-table order; BP metrics go to the BP result tile instead. */
function liveMetrics(vitals: DeviceVitals | undefined): MetricId[] {
  if (vitals === undefined) return [];
  return METRIC_IDS.filter(
    (id) => METRICS[id].kind === 'numeric' && !isBpMetric(id) && vitals.numerics[id] !== undefined,
  );
}

/**
 * Everything from one device together: its name, SIMULATED badge and state, its status flags in
 * words, its numerics, its last BP result and its traces. Two devices measuring the same thing
 * (an oximeter and a monitor, both SpO2) are two groups, never one tile overwritten by turns.
 */
export function DeviceGroup(props: DeviceGroupProps) {
  const { entry, vitals, waveforms, waveformMetrics, nowMs, staleAfterMs, windowS } = props;
  const simulated = entry.info?.simulated ?? entry.simulated ?? false;
  const m = useMessages(devicesMessages);
  const { locale } = useFormat();
  const { id, info } = entry;
  const name = deviceDisplayName(id, info, useLocale());
  const flags = visibleFlags(vitals?.statusFlags ?? []);
  const metrics = liveMetrics(vitals);
  const showBp = vitals?.sendsBloodPressure === true;
  return (
    <section
      className="device-group"
      data-testid={`device-group-${id}`}
      data-device={id}
      data-waves={waveformMetrics.length > 0}
      aria-label={name}
    >
      <header className="device-group-header">
        <h2 className="device-group-name">{name}</h2>
        {simulated && <SimulatedBadge compact testId={`group-simulated-${id}`} />}
        {info !== undefined && (
          <span
            className={`device-state device-state--${info.state}`}
            data-testid={`group-state-${id}`}
            data-state={info.state}
          >
            <span aria-hidden="true">{DEVICE_STATE_SYMBOL[info.state]} </span>
            {m.state(info.state)}
          </span>
        )}
        {info === undefined && props.status}
        {flags.length > 0 && (
          <ul className="device-flags" data-testid={`group-flags-${id}`} role="status">
            {flags.map((flag) => (
              <li key={flag} className="device-flag" data-flag={flag}>
                {statusFlagText(flag, locale)}
              </li>
            ))}
          </ul>
        )}
      </header>
      <div className="device-group-body">
        {(metrics.length > 0 || showBp) && (
          <div className="device-group-tiles">
            {metrics.map((metric) => (
              <NumericTile
                key={metric}
                metric={metric}
                latest={vitals?.numerics[metric] ?? undefined}
                deviceName={name}
                nowMs={nowMs}
                staleAfterMs={staleAfterMs}
              />
            ))}
            {showBp && (
              <BpResultTile
                result={vitals?.bloodPressure ?? null}
                nowMs={nowMs}
                consultationStartMs={props.consultationStartMs ?? null}
              />
            )}
          </div>
        )}
        {waveformMetrics.length > 0 && (
          <div className="device-group-waves">
            {waveformMetrics.map((metric) => (
              <WaveformCanvas key={metric} store={waveforms} device={id} metric={metric} windowS={windowS} />
            ))}
          </div>
        )}
        {metrics.length === 0 && !showBp && waveformMetrics.length === 0 && (
          <p className="device-empty">{m.waitingFirstReading}</p>
        )}
      </div>
    </section>
  );
}
