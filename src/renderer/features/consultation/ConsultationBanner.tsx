import type { ConsultationSummary } from '../../../shared/domain/consultation';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { useNow } from '../use-store';
import { consultationMessages, patientName } from './consultation-messages';
import { RecordingAlert } from './RecordingAlert';
import './consultation-banner.css';

/** On the live screen: whose consultation is open and for how long, or a way to start one. */
export function ConsultationBanner({ consultation }: { consultation: ConsultationSummary | null }) {
  const m = useMessages(consultationMessages);
  const format = useFormat();
  const nowMs = useNow(1000);
  if (consultation === null) {
    return (
      <div
        className="consult-banner consult-banner--none"
        data-testid="consultation-banner"
        data-active="false"
      >
        <span>{m.bannerNone}</span>{' '}
        <a className="consult-banner-link" href="#consultation">
          {m.bannerStart}
        </a>
      </div>
    );
  }
  const elapsedS = Math.max(0, Math.floor((nowMs - Date.parse(consultation.startedAt)) / 1000));
  return (
    <div className="consult-banner" data-testid="consultation-banner" data-active="true">
      <a className="consult-banner-link" href="#consultation">
        <span className="consult-banner-name">
          {m.bannerActive(patientName(consultation.patient), format.duration(elapsedS))}
        </span>
      </a>
      {/* The readings still show on the live screen: say that they are not kept (no consent). */}
      {!consultation.consent.deviceData && (
        <span className="consult-banner-note" data-testid="consultation-banner-no-device-data">
          {m.bannerNoDeviceData}
        </span>
      )}
      <RecordingAlert recording={consultation.recording} />
    </div>
  );
}
