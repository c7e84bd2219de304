import { useEffect, useMemo, useRef } from 'react';
import { METRICS, type MetricId } from '../../../shared/domain/metrics';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { scaleFor, scaleText } from './auto-scale';
import { SweepRenderer } from './sweep-renderer';
import type { WaveformStore } from './waveform-store';
import { waveformsMessages } from './waveforms-messages';

interface WaveformCanvasProps {
  readonly store: WaveformStore;
  /** The device whose trace this is: two devices' pleths are two canvases. */
  readonly device: string;
  readonly metric: MetricId;
  /** Seconds across the full width. */
  readonly windowS: number;
}

/**
 * A monitor-style sweeping trace. React mounts the canvas; SweepRenderer draws it in the page's
 * one frame loop for traces.
 */
export function WaveformCanvas({ store, device, metric, windowS }: WaveformCanvasProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const m = useMessages(waveformsMessages);
  const { locale } = useFormat();
  const label = METRICS[metric].label[locale];
  const scale = useMemo(() => scaleFor(metric), [metric]);

  useEffect(() => {
    const canvas = canvasRef.current;
    // Opaque: the compositor copies the trace instead of blending it over the panel, every frame.
    const context = canvas?.getContext('2d', { alpha: false }) ?? null;
    if (canvas === null || context === null) return;
    const renderer = new SweepRenderer(canvas, context, {
      getChannel: () => store.channel(device, metric),
      windowS,
      scale,
    });
    renderer.start();
    return () => renderer.stop();
  }, [store, device, metric, windowS, scale]);

  return (
    <figure className="waveform" data-metric={metric}>
      <figcaption className="waveform-label">
        {label} <span className="waveform-scale">{scaleText(metric, scale, locale)}</span>
      </figcaption>
      <canvas
        ref={canvasRef}
        className="waveform-canvas"
        data-testid={`waveform-${metric}`}
        data-device={device}
        role="img"
        aria-label={m.traceLabel(label, windowS)}
      />
    </figure>
  );
}
