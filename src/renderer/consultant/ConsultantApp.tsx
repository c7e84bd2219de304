import { useState } from 'react';
import { CallBanner } from '../features/call/CallBanner';
import { linkDown } from '../features/call/call-machine';
import { callMessages } from '../features/call/call-messages';
import { ChatPanel } from '../features/call/ChatPanel';
import { QualityBadge } from '../features/call/QualityBadge';
import { QualityRung } from '../features/call/QualityRung';
import { VideoView } from '../features/call/VideoView';
import { useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import type { ConsultantCall, MeasureStatus } from './consultant-call';
import { consultantMessages, type ConsultantMessages } from './consultant-messages';
import { EcgViewer } from './ecg-viewer/EcgViewer';
import { PatientPanel } from './PatientPanel';
import { RecordForms } from './RecordForms';
import { requestFailureMessages, type RequestFailure } from './request-failure';
import { ClosedChat, ReportOnlyNotice } from './ReportOnlyNotice';
import { SnapshotPanel } from './SnapshotPanel';
import { StethoscopeAudio } from './StethoscopeAudio';
import { TrendsPanel } from './trends/TrendsPanel';
import { VitalsPanel } from './VitalsPanel';

/**
 * The doctor's screen: the patient large with the self view in a corner, the instrument camera
 * under it (or swapped), the vitals beside it, and under the vitals a scrolling panel with who the
 * patient is and their consent, the record forms (report, care sheet, notes), snapshots and chat.
 */
export function ConsultantApp({ call }: { call: ConsultantCall }) {
  const m = useMessages(consultantMessages);
  const c = useMessages(callMessages);
  const failures = useMessages(requestFailureMessages);
  const state = useStore(call.session.state);
  const media = useStore(call.remote.store);
  const quality = useStore(call.quality.summary);
  const stationRung = useStore(call.stationRung);
  const ownRung = useStore(call.ladder.rung);
  const local = useStore(call.localStream);
  const measure = useStore(call.measureResult);
  const patient = useStore(call.record.patient);
  // The station closed the consultation: only a report version may still go, through its own link.
  const afterEnd = useStore(call.record.afterEnd);
  const [instrumentLarge, setInstrumentLarge] = useState(false);
  const instrumentOn = media.instrumentInfo?.on === true;
  const instrumentName =
    media.instrumentInfo === null ? c.instrumentCamera : c.instrument(media.instrumentInfo.kind);
  const swap = instrumentLarge && instrumentOn;
  const connected = state.phase === 'connected';
  return (
    <div className="consultant">
      <header className="consultant-header">
        <h1 className="station-title">{m.title}</h1>
        <CallBanner state={state} />
        {state.phase !== 'ended' && <QualityBadge summary={quality} linkDown={linkDown(state.phase)} />}
        {state.phase !== 'ended' && <QualityRung station={stationRung} own={ownRung} />}
      </header>
      <main className="consultant-main">
        <section className="consultant-media" aria-label={m.patientVideo}>
          {/* The patient fills the stage; the doctor's own view is a small picture-in-picture. */}
          <div className="consultant-stage">
            <VideoView
              stream={swap ? media.instrument : media.room}
              muted={swap}
              label={swap ? instrumentName : m.patient}
              testId="patient-video"
              className="video-view--large"
            />
            <VideoView
              stream={local}
              muted
              label={c.you}
              testId="consultant-self-video"
              className="video-view--pip"
              mirrored
            />
          </div>
          <div className="consultant-stage-bar">
            {media.instrument !== null && (
              <VideoView
                stream={instrumentOn ? (swap ? media.room : media.instrument) : null}
                muted={!swap}
                label={
                  swap
                    ? m.patient
                    : instrumentOn
                      ? instrumentName
                      : m.off(instrumentName, media.instrumentInfo?.kind ?? null)
                }
                testId="instrument-video"
                className="video-view--instrument"
              />
            )}
            <div className="consultant-stage-controls">
              <div className="call-controls">
                {media.instrument !== null && (
                  <button
                    className="button button--large"
                    type="button"
                    disabled={!instrumentOn}
                    aria-pressed={swap}
                    data-testid="swap-instrument"
                    onClick={() => setInstrumentLarge(!instrumentLarge)}
                  >
                    {swap ? m.patientLarge : m.large(instrumentName)}
                  </button>
                )}
                <button
                  className="button button--large"
                  type="button"
                  disabled={!connected}
                  data-testid="measure-request"
                  onClick={() => call.requestMeasurement()}
                >
                  {m.startMeasurement}
                </button>
                {measure !== null && (
                  <span data-testid="measure-result">
                    {measureText(m, c.measureNotSupported, measure, failures.reason)}
                  </span>
                )}
                {state.phase !== 'ended' && (
                  <button
                    className="button button--large button--danger"
                    type="button"
                    data-testid="call-end"
                    onClick={() => call.hangUp()}
                  >
                    {c.endCall}
                  </button>
                )}
              </div>
              <StethoscopeAudio stream={media.stethoscope} />
            </div>
          </div>
        </section>
        <div className="consultant-side">
          <VitalsPanel
            vitals={call.vitals}
            waveforms={call.waveforms}
            deviceData={patient?.consent.deviceData ?? true}
            devices={call.devices}
            // Consent is recorded the instant the consultation starts (the station's store sets it).
            consultationStartMs={patient === null ? null : Date.parse(patient.consent.recordedAt)}
          />
          {/* Everything written or read during the call scrolls here, never pushing the video away. */}
          <div className="consultant-work">
            <EcgViewer history={call.ecg} />
            <TrendsPanel trends={call.trends} />
            <PatientPanel record={call.record} />
            <SnapshotPanel gallery={call.snapshots} enabled={connected} />
            {afterEnd === null ? (
              <ChatPanel control={call.control} self="doctor" />
            ) : (
              <ClosedChat control={call.control} />
            )}
            {afterEnd !== null && <ReportOnlyNotice connection={afterEnd} record={call.record} />}
            <RecordForms
              record={call.record}
              enabled={connected || afterEnd !== null}
              afterEnd={afterEnd !== null}
            />
          </div>
        </div>
      </main>
    </div>
  );
}

function measureText(
  m: ConsultantMessages,
  notSupported: string,
  status: MeasureStatus,
  reason: (why: RequestFailure) => string,
): string {
  switch (status.kind) {
    case 'asking':
      return m.measureAsking;
    case 'not-connected':
      return m.notConnected;
    case 'started':
      return m.measureStarted;
    case 'not-supported':
      return notSupported;
    case 'failed':
      return m.measureFailed(reason(status.why));
  }
}
