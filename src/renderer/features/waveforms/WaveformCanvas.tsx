import { useEffect, useRef } from 'react';
import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { SweepRenderer } from './sweep-renderer';
import type { WaveformStore } from './waveform-store';

interface WaveformCanvasProps {
  readonly store: WaveformStore;
  readonly metric: MetricId;
  /** Seconds across the full width. */
  readonly windowS: number;
}

/** A monitor-style sweeping trace. React mounts the canvas; SweepRenderer draws every frame. */
export function WaveformCanvas({ store, metric, windowS }: WaveformCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const info = METRICS[metric];

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d') ?? null;
    if (canvas === null || context === null) return;
    const renderer = new SweepRenderer(canvas, context, {
      getChannel: () => store.channel(metric),
      windowS,
      range: info.displayRange,
    });
    renderer.start();
    return () => renderer.stop();
  }, [store, metric, windowS, info.displayRange]);

  return (
    <figure className="waveform">
      <figcaption className="waveform-label">{info.label.en}</figcaption>
      <canvas
        ref={canvasRef}
        className="waveform-canvas"
        data-testid={`waveform-${metric}`}
        role="img"
        aria-label={`${info.label.en} waveform, last ${windowS} seconds`}
      />
    </figure>
  );
}
