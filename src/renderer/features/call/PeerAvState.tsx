import { useMessages } from '../../i18n/use-messages';
import { avStateMessages, type AvSide } from './av-state-messages';

/**
 * Says that the far side muted its microphone or turned its camera off, on purpose: a silent or
 * black picture is then never taken for a broken call. Nothing when both are on.
 */
export function PeerAvState({
  side,
  micMuted,
  cameraOff,
}: {
  side: AvSide;
  micMuted: boolean;
  cameraOff: boolean;
}) {
  const m = useMessages(avStateMessages);
  const what = [micMuted ? m.micMuted : null, cameraOff ? m.cameraOff : null].filter((w) => w !== null);
  return (
    <p
      className="peer-av-state"
      role="status"
      data-testid={`peer-av-${side}`}
      data-mic-muted={micMuted}
      data-camera-off={cameraOff}
      hidden={what.length === 0}
    >
      {what.length > 0 && m.line(side, what)}
    </p>
  );
}
