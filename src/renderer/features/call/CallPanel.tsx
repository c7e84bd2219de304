import { useEffect, useState } from 'react';
import type { BackendClient } from '../../backend-client/backend-client';
import { getBackendClient } from '../../backend-client/get-backend-client';
import { useStore } from '../use-store';
import { CallBanner } from './CallBanner';
import { CallControls } from './CallControls';
import { readCallFlags, exposeProbe } from './call-flags';
import { CallSetup } from './CallSetup';
import { ChatPanel } from './ChatPanel';
import { INSTRUMENT_LABELS } from './control-messages';
import { InviteLink } from './InviteLink';
import { QualityBadge } from './QualityBadge';
import { RemoteMedia } from './remote-media';
import { StationCall } from './station-call';
import { StethoscopeMeter } from './StethoscopeMeter';
import { VideoView } from './VideoView';
import './call.css';

/**
 * The station's call panel: a button in the header opens it over the right part of the screen
 * (the vitals stay visible on the left, and the layout of the station screen does not move); set
 * up and start a call, then self view, the remote doctor, the instrument camera preview, the
 * stethoscope meter, the invite link and QR code, and the controls.
 */
export function CallPanel({ client }: { client?: BackendClient }) {
  const [call, setCall] = useState<{ station: StationCall; remote: RemoteMedia } | null>(null);
  const [settingUp, setSettingUp] = useState(false);
  useEffect(() => () => call?.station.dispose(), [call]);
  if (call === null && !settingUp) {
    return (
      <button
        className="button button--primary"
        type="button"
        data-testid="call-open"
        onClick={() => setSettingUp(true)}
      >
        Call a doctor
      </button>
    );
  }
  if (call === null) {
    return (
      <section className="call-panel call-panel--setup" aria-label="Call">
        <button className="button call-panel-close" type="button" onClick={() => setSettingUp(false)}>
          Cancel
        </button>
        <CallSetup
          onStart={(choice) => {
            const flags = readCallFlags(window.location.search);
            // Without a client from the screen, the call opens its own connection to the backend.
            const station = new StationCall(client ?? getBackendClient(), flags, client === undefined);
            const remote = new RemoteMedia(station.session, station.control);
            exposeProbe(flags, 'station', station);
            setCall({ station, remote });
            void station.start(choice);
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
  const state = useStore(station.session.state);
  const invite = useStore(station.invite);
  const problems = useStore(station.problems);
  const quality = useStore(station.quality.summary);
  const remoteMedia = useStore(remote.store);
  const toggles = useStore(station.media.toggles);
  return (
    <section className="call-panel call-panel--active" aria-label="Call">
      <CallBanner state={state} />
      {problems.map((problem) => (
        <p key={problem} className="call-problem" role="alert">
          {problem}
        </p>
      ))}
      <div className="call-videos">
        <VideoView
          stream={remoteMedia.room}
          muted={false}
          label="Doctor"
          testId="remote-video"
          className="video-view--main"
        />
        <VideoView stream={station.media.room} muted label="You" testId="self-video" mirrored />
        {station.media.instrument !== null && (
          <VideoView
            stream={toggles.instrumentOn ? station.media.instrument : null}
            muted
            label={`${INSTRUMENT_LABELS[station.media.instrumentKind]} preview`}
            testId="instrument-preview"
          />
        )}
      </div>
      {station.media.stethoscope !== null && <StethoscopeMeter stream={station.media.stethoscope} />}
      {state.phase !== 'ended' && <CallControls call={station} />}
      {state.phase === 'ended' && (
        <button className="button button--large" type="button" data-testid="call-new" onClick={onClose}>
          New call
        </button>
      )}
      {invite !== null && state.phase !== 'ended' && <InviteLink invite={invite} />}
      <QualityBadge summary={quality} />
      <ChatPanel control={station.control} />
    </section>
  );
}
