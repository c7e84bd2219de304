import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { callMessages } from './call-messages';
import { LevelMeter, type Level } from './media/level-meter';

/** The stethoscope input level, with a clipping warning: turn the stethoscope volume down. */
export function StethoscopeMeter({ stream }: { stream: MediaStream }) {
  const m = useMessages(callMessages);
  const [level, setLevel] = useState<Level>({ peak: 0, rms: 0, clipping: false });
  useEffect(() => {
    const meter = new LevelMeter(stream);
    let clipHoldUntil = 0;
    const timer = setInterval(() => {
      const next = meter.read();
      // Hold the warning for a second so a single click is still seen.
      if (next.clipping) clipHoldUntil = Date.now() + 1000;
      setLevel({ ...next, clipping: Date.now() < clipHoldUntil });
    }, 100);
    return () => {
      clearInterval(timer);
      meter.close();
    };
  }, [stream]);
  return (
    <div className="steth-meter" data-testid="stethoscope-meter" data-clipping={String(level.clipping)}>
      <label className="steth-meter-label">
        {m.stethoscopeLevel}
        <meter min={0} max={1} low={0.7} high={0.95} optimum={0.4} value={level.peak} />
      </label>
      {level.clipping && (
        <span className="steth-meter-clip" role="alert">
          {m.clipping}
        </span>
      )}
    </div>
  );
}
