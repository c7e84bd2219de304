import { useState } from 'react';
import { CallBanner } from '../features/call/CallBanner';
import { ChatPanel } from '../features/call/ChatPanel';
import { INSTRUMENT_LABELS } from '../features/call/control-messages';
import { QualityBadge } from '../features/call/QualityBadge';
import { VideoView } from '../features/call/VideoView';
import { useStore } from '../features/use-store';
import type { ConsultantCall } from './consultant-call';
import { SnapshotPanel } from './SnapshotPanel';
import { StethoscopeAudio } from './StethoscopeAudio';
import { VitalsPanel } from './VitalsPanel';

/** The doctor's screen: the patient large, the instrument camera beside it (or swapped), vitals. */
export function ConsultantApp({ call }: { call: ConsultantCall }) {
  const state = useStore(call.session.state);
  const media = useStore(call.remote.store);
  const quality = useStore(call.quality.summary);
  const local = useStore(call.localStream);
  const measure = useStore(call.measureResult);
  const [instrumentLarge, setInstrumentLarge] = useState(false);
  const instrumentOn = media.instrumentInfo?.on === true;
  const instrumentName =
    media.instrumentInfo === null ? 'Instrument camera' : INSTRUMENT_LABELS[media.instrumentInfo.kind];
  const swap = instrumentLarge && instrumentOn;
  const connected = state.phase === 'connected';
  return (
    <div className="consultant">
      <header className="consultant-header">
        <h1 className="station-title">Teleconsultation</h1>
        <CallBanner state={state} />
        <QualityBadge summary={quality} />
      </header>
      <main className="consultant-main">
        <section className="consultant-media" aria-label="Patient video">
          <VideoView
            stream={swap ? media.instrument : media.room}
            muted={swap}
            label={swap ? instrumentName : 'Patient'}
            testId="patient-video"
            className="video-view--large"
          />
          <div className="consultant-side-videos">
            {media.instrument !== null && (
              <VideoView
                stream={instrumentOn ? (swap ? media.room : media.instrument) : null}
                muted={!swap}
                label={swap ? 'Patient' : `${instrumentName}${instrumentOn ? '' : ' (off)'}`}
                testId="instrument-video"
              />
            )}
            <VideoView stream={local} muted label="You" testId="consultant-self-video" mirrored />
          </div>
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
                {swap ? 'Patient large' : `${instrumentName} large`}
              </button>
            )}
            <button
              className="button button--large"
              type="button"
              disabled={!connected}
              data-testid="measure-request"
              onClick={() => call.requestMeasurement()}
            >
              Start measurement
            </button>
            {measure !== null && <span data-testid="measure-result">{measure}</span>}
            {state.phase !== 'ended' && (
              <button
                className="button button--large button--danger"
                type="button"
                data-testid="call-end"
                onClick={() => call.hangUp()}
              >
                End call
              </button>
            )}
          </div>
          <StethoscopeAudio stream={media.stethoscope} />
          <SnapshotPanel gallery={call.snapshots} enabled={connected} />
          <ChatPanel control={call.control} />
        </section>
        <VitalsPanel vitals={call.vitals} waveforms={call.waveforms} />
      </main>
    </div>
  );
}
