import { useState } from 'react';
import type { ConsultationSummary, PendingMeasurement } from '../../../shared/domain/consultation';
import type { DeviceInfo } from '../../../shared/domain/devices';
import { BackendCallError, type BackendClient } from '../../backend-client/backend-client';
import { useLocale } from '../../i18n/I18nProvider';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { deviceDisplayName } from '../devices/device-groups';
import { SimulatedBadge } from '../devices/SimulatedBadge';
import { measuredValuesText } from '../vitals/measured-values';
import { pendingMessages } from './pending-messages';
import './pending-measurements.css';

interface PendingMeasurementsProps {
  readonly consultation: ConsultationSummary | null;
  readonly client: BackendClient;
  /** The station's devices: names, and which ones a simulator feeds. */
  readonly devices: readonly DeviceInfo[];
}

/**
 * Measurements a device held from before this consultation (issue 11), shown apart from the live
 * values with their own date and time: they may be another patient's, so the record takes one only
 * when the nurse confirms it for this patient. Dismissing one discards it. Nothing shows when
 * there is none.
 */
export function PendingMeasurements({ consultation, client, devices }: PendingMeasurementsProps) {
  const m = useMessages(pendingMessages);
  const pending = consultation?.pending ?? [];
  if (consultation === null || pending.length === 0) return null;
  return (
    <section
      className="pending-measurements"
      aria-labelledby="pending-title"
      data-testid="pending-measurements"
    >
      <h2 id="pending-title" className="pending-title">
        {m.title}
      </h2>
      <p className="pending-explain">{m.explain}</p>
      <ul className="pending-list">
        {pending.map((measurement) => (
          <PendingItem
            key={measurement.id}
            consultationId={consultation.id}
            measurement={measurement}
            device={devices.find((d) => d.id === measurement.device)}
            client={client}
          />
        ))}
      </ul>
    </section>
  );
}

interface PendingItemProps {
  readonly consultationId: string;
  readonly measurement: PendingMeasurement;
  readonly device: DeviceInfo | undefined;
  readonly client: BackendClient;
}

type ItemState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; text: string };

function PendingItem({ consultationId, measurement, device, client }: PendingItemProps) {
  const m = useMessages(pendingMessages);
  const locale = useLocale();
  const format = useFormat();
  const [state, setState] = useState<ItemState>({ kind: 'idle' });
  const name = deviceDisplayName(measurement.device, device, locale);
  const values = measuredValuesText(measurement.values, format);
  const moment = m.measuredBefore(format.dateTime(Date.parse(measurement.measuredAt)));
  const what = `${name}, ${values}, ${moment}`;
  // The item leaves the list when the backend's consultation.changed arrives; until then it is busy.
  const decide = (method: 'consultation.confirmMeasurement' | 'consultation.dismissMeasurement'): void => {
    if (state.kind === 'busy') return;
    setState({ kind: 'busy' });
    client.call(method, { id: consultationId, measurementId: measurement.id }).then(
      () => setState({ kind: 'idle' }),
      (cause: unknown) =>
        setState({
          kind: 'failed',
          text:
            cause instanceof BackendCallError && (cause.code === 'not-found' || cause.code === 'forbidden')
              ? m.gone
              : m.failed(cause instanceof Error ? cause.message : String(cause)),
        }),
    );
  };
  return (
    <li
      className="pending-item"
      data-testid={`pending-${measurement.id}`}
      data-measured-at={measurement.measuredAt}
    >
      <div className="pending-what">
        <span className="pending-device">{name}</span>
        {device?.simulated === true && (
          <SimulatedBadge compact testId={`pending-simulated-${measurement.id}`} />
        )}
        <span className="pending-values" data-testid="pending-values">
          {values}
        </span>
        <span className="pending-when" data-testid="pending-when">
          {moment}
        </span>
      </div>
      <div className="pending-actions">
        <button
          type="button"
          className="button-primary"
          data-testid="pending-confirm"
          aria-label={m.confirmLabel(what)}
          aria-disabled={state.kind === 'busy'}
          onClick={() => decide('consultation.confirmMeasurement')}
        >
          {m.confirm}
        </button>
        <button
          type="button"
          data-testid="pending-dismiss"
          aria-label={m.dismissLabel(what)}
          aria-disabled={state.kind === 'busy'}
          onClick={() => decide('consultation.dismissMeasurement')}
        >
          {m.dismiss}
        </button>
      </div>
      <p className="pending-status" role="status" data-testid="pending-status">
        {state.kind === 'busy' && m.working}
        {state.kind === 'failed' && state.text}
      </p>
    </li>
  );
}
