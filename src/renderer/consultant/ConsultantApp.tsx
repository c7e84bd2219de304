import { useRef, useState } from 'react';
import { CallBanner } from '../features/call/CallBanner';
import { linkDown } from '../features/call/call-machine';
import { callMessages } from '../features/call/call-messages';
import { ChatPanel } from '../features/call/ChatPanel';
import { PeerAvState } from '../features/call/PeerAvState';
import { QualityBadge } from '../features/call/QualityBadge';
import { QualityRung } from '../features/call/QualityRung';
import { VideoView } from '../features/call/VideoView';
import { useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import type { ConsultantCall, MeasureStatus } from './consultant-call';
import { canStartMeasurement } from './consultant-devices';
import { consultantMessages, type ConsultantMessages } from './consultant-messages';
import { EcgViewerSlot } from './EcgViewerSlot';
import { OwnControls, StageExitFullScreen } from './OwnControls';
import { PatientHeadline, PatientPanel } from './PatientPanel';
import { RecordForms } from './RecordForms';
import { requestFailureMessages, type RequestFailure } from './request-failure';
import { ClosedChat, ReportOnlyNotice } from './ReportOnlyNotice';
import { SnapshotPanel } from './SnapshotPanel';
import { StethoscopeAudio } from './StethoscopeAudio';
import { TrendsSlot } from './TrendsSlot';
import { VitalsPanel } from './VitalsPanel';
import { WorkspaceTabs } from './WorkspaceTabs';

/**
 * The doctor's screen (consultant.css lays it out): the patient large with the self view in a
 * corner, the instrument camera and the snapshots beside it, the doctor's own controls under it;
 * every vital in the right-hand column, in sight without scrolling; and under the video, as wide
 * as it, the work in tabs (record, patient and chat, trends, ECG viewer) that fold away.
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
  const facts = useStore(call.devices.facts);
  const stationAv = useStore(call.stationAv);
  // The station closed the consultation: only a report version may still go, through its own link.
  const afterEnd = useStore(call.record.afterEnd);
  const stage = useRef<HTMLDivElement>(null);
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
        <PatientHeadline record={call.record} />
        {/* The link's figures go with the call: "Link: Good" after the end would be untrue. */}
        {state.phase !== 'ended' && (
          <div className="consultant-quality">
            <QualityBadge summary={quality} linkDown={linkDown(state.phase)} />
            <QualityRung station={stationRung} own={ownRung} />
          </div>
        )}
      </header>
      <main className="consultant-main">
        <section className="consultant-media" aria-label={m.patientVideo}>
          <div className="consultant-stage-row">
            {/* The patient fills the stage (and the screen, in full screen); the doctor is a small picture-in-picture. */}
            <div className="consultant-stage" ref={stage} data-testid="consultant-stage">
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
              <PeerAvState side="station" micMuted={stationAv.micMuted} cameraOff={stationAv.cameraOff} />
              <StageExitFullScreen />
            </div>
            <div className="consultant-beside">
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
              {media.instrument !== null && (
                <button
                  className="button"
                  type="button"
                  disabled={!instrumentOn}
                  aria-pressed={swap}
                  data-testid="swap-instrument"
                  onClick={() => setInstrumentLarge(!instrumentLarge)}
                >
                  {swap ? m.patientLarge : m.large(instrumentName)}
                </button>
              )}
              <SnapshotPanel gallery={call.snapshots} enabled={connected} />
            </div>
          </div>
          <div className="consultant-toolbar">
            <OwnControls call={call} stage={stage} />
            {/* Offered only when a station device can start a measurement (none of today's drivers can). */}
            {canStartMeasurement(facts) && (
              <button
                className="button"
                type="button"
                disabled={!connected}
                data-testid="measure-request"
                onClick={() => call.requestMeasurement()}
              >
                {m.startMeasurement}
              </button>
            )}
            {measure !== null && (
              <span data-testid="measure-result">
                {measureText(m, c.measureNotSupported, measure, failures.reason)}
              </span>
            )}
            <StethoscopeAudio stream={media.stethoscope} />
            {state.phase !== 'ended' && (
              <button
                className="button button--danger consultant-end"
                type="button"
                data-testid="call-end"
                onClick={() => call.hangUp()}
              >
                {c.endCall}
              </button>
            )}
          </div>
          <WorkspaceTabs
            // After the end only the report may still go: it opens by itself.
            openOn={afterEnd === null ? null : 'record'}
            panels={{
              record: (
                <>
                  {afterEnd !== null && <ReportOnlyNotice connection={afterEnd} record={call.record} />}
                  <RecordForms
                    record={call.record}
                    enabled={connected || afterEnd !== null}
                    afterEnd={afterEnd !== null}
                  />
                </>
              ),
              patient: (
                <div className="consultant-patient-chat">
                  <PatientPanel record={call.record} />
                  {afterEnd === null ? (
                    <ChatPanel control={call.control} self="doctor" />
                  ) : (
                    <ClosedChat control={call.control} />
                  )}
                </div>
              ),
              trends: <TrendsSlot call={call} />,
              ecg: <EcgViewerSlot call={call} />,
            }}
          />
        </section>
        <VitalsPanel
          vitals={call.vitals}
          waveforms={call.waveforms}
          deviceData={patient?.consent.deviceData ?? true}
          devices={call.devices}
          activity={call.activity}
          // Consent is recorded the instant the consultation starts (the station's store sets it).
          consultationStartMs={patient === null ? null : Date.parse(patient.consent.recordedAt)}
        />
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
