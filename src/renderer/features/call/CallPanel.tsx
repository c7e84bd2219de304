import { useCallback, useEffect, useRef, useState } from 'react';
import { problemMessages } from '../../i18n/problem-messages';
import type { ConsultationSummary } from '../../../shared/domain/consultation';
import type { BackendClient } from '../../backend-client/backend-client';
import { getBackendClient } from '../../backend-client/get-backend-client';
import { useMessages } from '../../i18n/use-messages';
import { useStore } from '../use-store';
import { CallBanner } from './CallBanner';
import { awaitingDoctor, linkDown } from './call-machine';
import { CallControls } from './CallControls';
import { readCallFlags, exposeProbe } from './call-flags';
import { callMessages } from './call-messages';
import { keepPanelFolded, readPanelFolded } from './call-panel-fold';
import { callPanelMessages } from './call-panel-messages';
import { CallSetup } from './CallSetup';
import { ChatPanel } from './ChatPanel';
import { InviteLink } from './InviteLink';
import { PeerAvState } from './PeerAvState';
import { QualityBadge } from './QualityBadge';
import { QualityRung } from './QualityRung';
import { RecordingControls } from './RecordingControls';
import { RemoteMedia } from './remote-media';
import type { MediaChoice } from './media/local-media';
import { StationCall } from './station-call';
import { forgetCall, recallCall } from './station-call-memory';
import { StethoscopeMeter } from './StethoscopeMeter';
import { VideoView } from './VideoView';
import './call.css';
import './recording.css';

interface CallPanelProps {
  /** The active consultation: without one (no consent), no call can start. */
  readonly consultation: ConsultationSummary | null;
  readonly client?: BackendClient;
}

/**
 * The station's call panel: a button in the header opens it as a column on the right of the screen,
 * beside the vitals and never over them (the station screen makes room for it); set up and start
 * a call, then the remote doctor, self view, the instrument camera preview, the stethoscope meter,
 * the controls, the invite link and QR code, and the chat. In a call it folds to a strip (state
 * and one button) so the vitals take the whole width; the fold is kept for the tab's session.
 */
export function CallPanel({ consultation, client }: CallPanelProps) {
  const m = useMessages(callMessages);
  const [call, setCall] = useState<{ station: StationCall; remote: RemoteMedia } | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  useEffect(() => () => call?.station.dispose(), [call]);
  // End means end: once its consultation is no longer the active one, the call is over too.
  const activeId = consultation?.id ?? null;
  useEffect(() => {
    if (call !== null && call.station.consultationId !== activeId) call.station.endWithConsultation();
  }, [call, activeId]);
  const startCall = useCallback(
    (active: ConsultationSummary, choice: MediaChoice) => {
      const flags = readCallFlags(window.location.search);
      // Without a client from the screen, the call opens its own connection to the backend.
      const station = new StationCall(client ?? getBackendClient(), active, flags, client === undefined);
      const remote = new RemoteMedia(station.session, station.control);
      exposeProbe(flags, 'station', station);
      setCall({ station, remote });
      void station.start(choice);
    },
    [client],
  );
  // A reload (or the host restarting) in the middle of a call: it comes back by itself, into the
  // same seat, with the inputs the nurse chose — as long as its consultation is still the active one.
  const recalled = useRef(false);
  useEffect(() => {
    if (recalled.current || call !== null || consultation === null) return;
    // Started from a timer, not the effect's body: the call is state this effect only restores.
    const timer = setTimeout(() => {
      recalled.current = true;
      const kept = recallCall(sessionStorage);
      if (kept === null) return;
      if (kept.consultationId === consultation.id) startCall(consultation, kept.choice);
      else forgetCall(sessionStorage);
    }, 0);
    return () => clearTimeout(timer);
  }, [call, consultation, startCall]);
  if (call === null && consultation === null) {
    return (
      <div className="call-gate" data-testid="call-gate">
        <button className="button button--primary" type="button" data-testid="call-open" disabled>
          {m.callDoctor}
        </button>
        <p className="call-gate-text" id="call-gate-text">
          {m.noConsultation}{' '}
          <a href="#consultation" data-testid="call-gate-start">
            {m.startConsultation}
          </a>
        </p>
      </div>
    );
  }
  if (call === null && !settingUp) {
    return (
      <button
        className="button button--primary"
        type="button"
        data-testid="call-open"
        onClick={() => setSettingUp(true)}
      >
        {m.callDoctor}
      </button>
    );
  }
  if (call === null) {
    return (
      <section className="call-panel call-panel--setup" aria-label={m.callRegion}>
        <button className="button call-panel-close" type="button" onClick={() => setSettingUp(false)}>
          {m.cancel}
        </button>
        <CallSetup
          onStart={(choice) => {
            if (consultation !== null) startCall(consultation, choice);
          }}
        />
      </section>
    );
  }
  return (
    <ActiveCall
      station={call.station}
      remote={call.remote}
      onClose={() => {
        setCall(null);
        setSettingUp(false);
      }}
    />
  );
}

function ActiveCall({
  station,
  remote,
  onClose,
}: {
  station: StationCall;
  remote: RemoteMedia;
  onClose: () => void;
}) {
  const m = useMessages(callMessages);
  const state = useStore(station.session.state);
  const invite = useStore(station.invite);
  const problems = useStore(station.problems);
  const problemWords = useMessages(problemMessages);
  const quality = useStore(station.quality.summary);
  const rung = useStore(station.ladder.rung);
  const remoteMedia = useStore(remote.store);
  const toggles = useStore(station.media.toggles);
  const doctorAv = useStore(station.doctorAv);
  const words = useMessages(callPanelMessages);
  // Folded to a strip, the call goes on: the body stays mounted (the doctor's voice keeps playing),
  // only hidden, and the vitals take the screen's width back.
  const [folded, setFolded] = useState(() => readPanelFolded(sessionStorage));
  const fold = (next: boolean): void => {
    setFolded(next);
    keepPanelFolded(sessionStorage, next);
  };
  return (
    <section
      className={`call-panel call-panel--active${folded ? ' call-panel--strip' : ''}`}
      aria-label={m.callRegion}
      data-testid="call-panel"
      data-folded={folded}
    >
      <div className="call-panel-bar">
        <CallBanner state={state} />
        <button
          className="button call-panel-toggle"
          type="button"
          data-testid="call-panel-toggle"
          aria-expanded={!folded}
          aria-controls="call-panel-body"
          onClick={() => fold(!folded)}
        >
          <span aria-hidden="true">{folded ? '◂ ' : '▸ '}</span>
          {folded ? words.unfold : words.fold}
          {/* Folded, the problems are out of sight: their number says there is something to read. */}
          {folded && problems.length > 0 && (
            <span className="call-panel-problems" data-testid="call-panel-problems">
              {words.problems(problems.length)}
            </span>
          )}
        </button>
        {state.phase === 'ended' && (
          <button className="button button--large" type="button" data-testid="call-new" onClick={onClose}>
            {m.newCall}
          </button>
        )}
      </div>
      <div className="call-panel-body" id="call-panel-body" hidden={folded}>
        {problems.map((problem, index) => (
          <p key={index} className="call-problem" role="alert">
            {m.problem(
              problem.source,
              problem.recordClosed === true
                ? m.recordClosed
                : problem.code === undefined
                  ? m.inputUnavailable
                  : problemWords[problem.code],
            )}
          </p>
        ))}
        {!station.recorder.deviceData && (
          <p className="call-notice" data-testid="call-no-device-data">
            {m.noDeviceData}
          </p>
        )}
        {/* Until the doctor is in, the link and QR code come first; then they go (single use). */}
        {invite !== null && awaitingDoctor(state.phase) && <InviteLink invite={invite} />}
        <div className="call-videos">
          <VideoView
            stream={remoteMedia.room}
            muted={false}
            label={m.doctor}
            testId="remote-video"
            className="video-view--main"
          />
          <VideoView stream={station.media.room} muted label={m.you} testId="self-video" mirrored />
          {station.media.instrument !== null && (
            <VideoView
              stream={toggles.instrumentOn ? station.media.instrument : null}
              muted
              label={m.preview(m.instrument(station.media.instrumentKind))}
              testId="instrument-preview"
            />
          )}
        </div>
        <PeerAvState side="doctor" micMuted={doctorAv.micMuted} cameraOff={doctorAv.cameraOff} />
        {station.media.stethoscope !== null && <StethoscopeMeter stream={station.media.stethoscope} />}
        {state.phase !== 'ended' && <CallControls call={station} />}
        {/* The chat before the rest: reachable without scrolling the panel, even on a 10" tablet. */}
        <ChatPanel control={station.control} self="station" />
        {state.phase !== 'ended' && <RecordingControls call={station} />}
        {/* After the end there is no link to grade: the last figures would still say "Good". */}
        {state.phase !== 'ended' && <QualityBadge summary={quality} linkDown={linkDown(state.phase)} />}
        {state.phase !== 'ended' && <QualityRung station={rung} own={rung} />}
      </div>
    </section>
  );
}
