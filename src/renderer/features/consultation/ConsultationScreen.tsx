import { useRef } from 'react';
import type { StationSession } from '../../app/station-session';
import { useFocusRescue } from '../../app/use-focus-rescue';
import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { ActiveConsultation } from './ActiveConsultation';
import { consultationMessages } from './consultation-messages';
import { InterruptedConsultations } from './InterruptedConsultations';
import { StartConsultationForm } from './StartConsultationForm';
import './consultation.css';

/**
 * `#consultation`: with no consultation open, the start form (identity and consent) and the
 * interrupted ones to close; with one open, its live view.
 */
export function ConsultationScreen({ session }: { session: StationSession }) {
  const m = useMessages(consultationMessages);
  const consultation = useStore(session.consultation);
  const settings = useStore(session.settings);
  const client = session.backend;
  const mainRef = useRef<HTMLElement>(null);
  // Starting or ending removes the control that had the focus: it goes to the new view's heading.
  useFocusRescue(mainRef, consultation?.id ?? null);
  return (
    <main ref={mainRef} className="consult-screen" data-testid="consultation-screen">
      {consultation !== null ? (
        <ActiveConsultation
          key={consultation.id}
          client={client}
          summary={consultation}
          onEnded={() => {
            session.consultation.set(null);
            void session.refreshConsultation();
          }}
        />
      ) : (
        <>
          <h1 className="consult-title">{m.startTitle}</h1>
          <StartConsultationForm
            key={settings.operatorName}
            operatorName={settings.operatorName}
            onStart={async (start) => {
              session.consultation.set(await client.call('consultation.start', start));
            }}
          />
          <InterruptedConsultations client={client} />
        </>
      )}
    </main>
  );
}
