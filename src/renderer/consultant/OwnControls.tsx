import { useEffect, useState, type RefObject } from 'react';
import { useStore } from '../features/use-store';
import { useMessages } from '../i18n/use-messages';
import type { ConsultantCall } from './consultant-call';
import { workspaceMessages } from './workspace-messages';

/**
 * The doctor's own microphone, camera and full screen (of the patient's video). Mute and camera-off
 * disable the tracks and tell the station, which says so; without a camera or microphone (a
 * doctor who only watches) those buttons are disabled.
 */
export function OwnControls({ call, stage }: { call: ConsultantCall; stage: RefObject<HTMLElement | null> }) {
  const m = useMessages(workspaceMessages);
  const own = useStore(call.ownAv);
  const local = useStore(call.localStream);
  const fullScreen = useFullScreen();
  const hasMic = (local?.getAudioTracks().length ?? 0) > 0;
  const hasCamera = (local?.getVideoTracks().length ?? 0) > 0;
  return (
    <div className="call-controls consultant-own-controls" role="group" aria-label={m.ownControls}>
      <button
        className="button"
        type="button"
        aria-pressed={own.micMuted}
        disabled={!hasMic}
        data-testid="own-mic"
        onClick={() => call.setOwnAv({ micMuted: !own.micMuted })}
      >
        {own.micMuted ? m.unmute : m.mute}
      </button>
      <button
        className="button"
        type="button"
        aria-pressed={own.cameraOff}
        disabled={!hasCamera}
        data-testid="own-camera"
        onClick={() => call.setOwnAv({ cameraOff: !own.cameraOff })}
      >
        {own.cameraOff ? m.cameraOn : m.cameraOff}
      </button>
      <button
        className="button"
        type="button"
        aria-pressed={fullScreen}
        data-testid="own-fullscreen"
        onClick={() => {
          if (document.fullscreenElement !== null) void document.exitFullscreen();
          else void stage.current?.requestFullscreen();
        }}
      >
        {fullScreen ? m.exitFullScreen : m.fullScreen}
      </button>
    </div>
  );
}

/**
 * Inside the stage, so it stays on screen in full screen: the toolbar's button is outside the
 * full-screen element and cannot be reached there (Esc works too, but a mouse user needs a target).
 */
export function StageExitFullScreen() {
  const m = useMessages(workspaceMessages);
  const fullScreen = useFullScreen();
  if (!fullScreen) return null;
  return (
    <button
      className="button consultant-stage-exit"
      type="button"
      data-testid="stage-exit-fullscreen"
      onClick={() => void document.exitFullscreen()}
    >
      {m.exitFullScreen}
    </button>
  );
}

function useFullScreen(): boolean {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const changed = (): void => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  return on;
}
