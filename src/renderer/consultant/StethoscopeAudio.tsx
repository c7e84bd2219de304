import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../i18n/use-messages';
import { consultantMessages } from './consultant-messages';

/**
 * The stethoscope stream on its own audio element, with its own volume: heart and lung sounds are
 * quiet and the doctor turns them up without turning up the room voice.
 */
export function StethoscopeAudio({ stream }: { stream: MediaStream | null }) {
  const m = useMessages(consultantMessages);
  const ref = useRef<HTMLAudioElement>(null);
  const [volume, setVolume] = useState(1);
  useEffect(() => {
    const audio = ref.current;
    if (audio === null) return;
    audio.srcObject = stream;
    if (stream !== null) void audio.play().catch(() => undefined);
  }, [stream]);
  useEffect(() => {
    if (ref.current !== null) ref.current.volume = volume;
  }, [volume]);
  if (stream === null) return null;
  return (
    <div className="steth-audio" data-testid="stethoscope-audio">
      <audio ref={ref} autoPlay data-testid="stethoscope-audio-element" />
      <label>
        {m.stethoscopeVolume}
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          onChange={(event) => setVolume(Number(event.target.value))}
          data-testid="stethoscope-volume"
        />
      </label>
      <span className="steth-audio-hint">{m.headphones}</span>
    </div>
  );
}
