import './ecg-viewer.css';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { METRICS } from '../../../shared/domain/metrics';
import { deviceDisplayName } from '../../features/devices/device-groups';
import { useStore } from '../../features/use-store';
import { useFormat, useMessages } from '../../i18n/use-messages';
import {
  amplitudeFromSamples,
  caliperAmplitude,
  caliperIntervalMs,
  moveCaliper,
  ratePerMinute,
  sampleAtX,
  xOfSample,
  type AmplitudeCalipers,
  type TimeCalipers,
} from './calipers';
import { drawEcg, valueRange, type EcgView } from './ecg-drawing';
import { HISTORY_S, type EcgHistory, type EcgLead } from './ecg-history';
import { ecgViewerMessages, type CaliperId } from './ecg-viewer-messages';
import { findRPeaks } from './r-peaks';

const HEIGHT_PX = 220;
const TIME_SCALES_S = [1, 2, 4, 6, 10] as const;
const AMPLITUDE_SCALES_MV = [0.5, 1, 1.5, 2, 4] as const;
/** Amplitude calipers move by this much per arrow key, mV (a tenth of a small square). */
const AMPLITUDE_STEP_MV = 0.01;
const PAGE_STEPS = 10;
const LIVE_LABEL_EVERY_MS = 500;

function leadKey(lead: EcgLead): string {
  return `${lead.device}\n${lead.metric}`;
}

/**
 * The doctor's ECG viewer: one lead large, live until frozen; frozen, it scrolls back over what
 * the page kept of the consultation (EcgHistory), zooms in time and amplitude, and measures with
 * two time calipers (ms, on the sample clock, snapped to samples) and two amplitude calipers (mV).
 * Every caliper is a keyboard slider: the arrows move it by one sample (or 0.01 mV).
 */
export function EcgViewer({ history }: { history: EcgHistory }) {
  const m = useMessages(ecgViewerMessages);
  const format = useFormat();
  const leads = useStore(history);
  const [chosen, setChosen] = useState<string | null>(null);
  const lead = leads.find((l) => leadKey(l) === chosen) ?? preferredLead(leads);
  const [frozenEnd, setFrozenEnd] = useState<number | null>(null);
  const [windowS, setWindowS] = useState<number>(4);
  const [halfRangeMv, setHalfRangeMv] = useState<number>(1.5);
  const [time, setTime] = useState<TimeCalipers | null>(null);
  const [amplitude, setAmplitude] = useState<AmplitudeCalipers | null>(null);
  const [selected, setSelected] = useState<CaliperId>('a');
  const [width, setWidth] = useState(600);
  const [, setLiveTick] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const dragging = useRef<CaliperId | null>(null);

  const lh = lead?.history;
  const rate = lh?.rateHz ?? 250;
  const count = Math.round(windowS * rate);
  const frozen = frozenEnd !== null;
  const millivolts = lead?.unit === 'mV';

  // Width follows the panel; the canvas is redrawn at the new size.
  useEffect(() => {
    const element = frame.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(element.clientWidth))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [lead !== undefined]); // eslint-disable-line react-hooks/exhaustive-deps

  // Live: the labels and the scroll bar follow the newest sample twice a second (the trace every frame).
  useEffect(() => {
    if (frozen || lh === undefined) return;
    const timer = setInterval(() => setLiveTick((n) => n + 1), LIVE_LABEL_EVERY_MS);
    return () => clearInterval(timer);
  }, [frozen, lh]);

  const end = frozenEnd ?? lh?.newestIndex ?? -1;
  const from = end - count + 1;
  // Read afresh on every render while frozen (a few thousand samples): the ring is mutable, so
  // nothing read from it is memoised.
  const frozenSamples = frozen && lh !== undefined ? lh.read(from, count) : null;
  const range = frozenSamples === null ? null : valueRange(frozenSamples, millivolts ? halfRangeMv : null);
  const rPeaks = frozenSamples === null ? [] : findRPeaks(frozenSamples, from, rate);

  // Drawing: every frame while live, once per change when frozen.
  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (element === null || ctx === null || ctx === undefined || lh === undefined) return;
    const dpr = window.devicePixelRatio || 1;
    element.width = Math.round(width * dpr);
    element.height = Math.round(HEIGHT_PX * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const draw = (): void => {
      const viewEnd = frozenEnd ?? lh.newestIndex;
      const samples = frozenSamples ?? lh.read(viewEnd - count + 1, count);
      const shownRange = range ?? valueRange(samples, millivolts ? halfRangeMv : null);
      const view: EcgView = {
        from: viewEnd - count + 1,
        count,
        rateHz: lh.rateHz,
        ...shownRange,
        millivolts,
      };
      drawEcg(ctx, width, HEIGHT_PX, samples, view);
    };
    if (frozen) {
      draw();
      return;
    }
    let written = -1;
    let handle = 0;
    const loop = (): void => {
      if (lh.totalWritten !== written) {
        written = lh.totalWritten;
        draw();
      }
      handle = requestAnimationFrame(loop);
    };
    loop();
    return () => cancelAnimationFrame(handle);
  }, [lh, frozen, frozenEnd, frozenSamples, range, count, width, millivolts, halfRangeMv]);

  if (lead === undefined || lh === undefined) {
    return (
      <section className="ecg-viewer" aria-labelledby="ecg-viewer-title" data-testid="ecg-viewer">
        <h2 id="ecg-viewer-title" className="ecg-viewer-title">
          {m.title}
        </h2>
        <p className="ecg-viewer-note">{m.noEcg}</p>
      </section>
    );
  }

  const view = { from, count, width };
  const shown = range ?? { low: -halfRangeMv, high: halfRangeMv };
  const yOf = (v: number): number => HEIGHT_PX - ((v - shown.low) / (shown.high - shown.low)) * HEIGHT_PX;
  const valueAtY = (y: number): number =>
    shown.low + ((HEIGHT_PX - y) / HEIGHT_PX) * (shown.high - shown.low);
  const unit = lead.unit === '1' ? '' : lead.unit;
  const leadName = (l: EcgLead): string =>
    leads.filter((other) => other.device !== l.device).length > 0
      ? `${METRICS[l.metric].label[format.locale]} · ${deviceDisplayName(l.device, undefined, format.locale)}`
      : METRICS[l.metric].label[format.locale];
  const timeText = (index: number): string => {
    const t = lh.timeOf(index);
    return t === undefined ? '--' : `${format.time(t, true)} + ${format.number(Math.round(t % 1000))} ms`;
  };

  function freeze(): void {
    if (lh === undefined || lh.newestIndex < 0) return;
    const at = lh.newestIndex;
    setFrozenEnd(at);
    const start = at - count + 1;
    setTime({
      a: Math.max(lh.oldestIndex, start + Math.round(count / 3)),
      b: Math.max(lh.oldestIndex, start + Math.round((2 * count) / 3)),
    });
    const r = valueRange(lh.read(start, count), millivolts ? halfRangeMv : null);
    const mid = (r.low + r.high) / 2;
    const quarter = (r.high - r.low) / 4;
    setAmplitude({ low: round2(mid - quarter / 2), high: round2(mid + quarter) });
  }

  function live(): void {
    setFrozenEnd(null);
  }

  /** Scrolls the frozen view so its last sample is `index` (kept within what the lead holds). */
  function scrollTo(index: number): void {
    if (lh === undefined) return;
    const lowest = Math.min(lh.newestIndex, lh.oldestIndex + count - 1);
    setFrozenEnd(Math.min(lh.newestIndex, Math.max(lowest, Math.round(index))));
  }

  function setCaliper(id: CaliperId, value: number): void {
    if (id === 'a' || id === 'b') {
      if (lh === undefined || time === null) return;
      const index = moveCaliper(value, 0, lh);
      setTime({ ...time, [id]: index });
      // A caliper moved out of the view takes the view with it.
      if (index < from) scrollTo(index + count - 1);
      else if (index > end) scrollTo(index);
    } else if (amplitude !== null) setAmplitude({ ...amplitude, [id]: round3(value) });
  }

  function onCaliperKey(id: CaliperId, event: KeyboardEvent<HTMLDivElement>): void {
    const steps =
      event.key === 'ArrowRight' || event.key === 'ArrowUp'
        ? 1
        : event.key === 'ArrowLeft' || event.key === 'ArrowDown'
          ? -1
          : event.key === 'PageUp'
            ? PAGE_STEPS
            : event.key === 'PageDown'
              ? -PAGE_STEPS
              : 0;
    if (steps === 0) return;
    event.preventDefault();
    setSelected(id);
    if (id === 'a' || id === 'b') {
      if (time !== null) setCaliper(id, time[id] + steps);
    } else if (amplitude !== null) setCaliper(id, amplitude[id] + steps * AMPLITUDE_STEP_MV);
  }

  function pointerTo(event: PointerEvent<HTMLDivElement>, id: CaliperId): void {
    const box = frame.current?.getBoundingClientRect();
    if (box === undefined) return;
    if (id === 'a' || id === 'b') setCaliper(id, sampleAtX(event.clientX - box.left, view));
    else setCaliper(id, valueAtY(event.clientY - box.top));
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>): void {
    if (!frozen) return;
    const handle = (event.target as HTMLElement).closest<HTMLElement>('[data-caliper]');
    const id = (handle?.dataset.caliper as CaliperId | undefined) ?? selected;
    setSelected(id);
    dragging.current = id;
    event.currentTarget.setPointerCapture(event.pointerId);
    pointerTo(event, id);
  }

  function calipersOnR(): void {
    // The two consecutive R peaks nearest the middle of the view.
    if (rPeaks.length < 2) return;
    const middle = from + count / 2;
    let best = 0;
    for (let i = 0; i + 1 < rPeaks.length; i++)
      if (
        Math.abs((rPeaks[i] + rPeaks[i + 1]) / 2 - middle) <
        Math.abs((rPeaks[best] + rPeaks[best + 1]) / 2 - middle)
      )
        best = i;
    setTime({ a: rPeaks[best], b: rPeaks[best + 1] });
  }

  const intervalMs = frozen && time !== null ? caliperIntervalMs(lh, time) : undefined;
  const rate60 = intervalMs === undefined ? undefined : ratePerMinute(intervalMs);
  const amplitudeValue = frozen && amplitude !== null ? caliperAmplitude(amplitude) : undefined;
  const endTime = lh.timeOf(Math.max(lh.oldestIndex, Math.min(end, lh.newestIndex)));
  const startTime = lh.timeOf(Math.max(lh.oldestIndex, from));
  const sliderMin = Math.min(lh.newestIndex, lh.oldestIndex + count - 1);
  const timeCaliper = (id: 'a' | 'b') =>
    time !== null && (
      <div
        key={id}
        className={`ecg-caliper ecg-caliper--time${selected === id ? ' ecg-caliper--selected' : ''}`}
        style={{ left: xOfSample(time[id], view) }}
        data-caliper={id}
        data-testid={`ecg-caliper-${id}`}
        role="slider"
        tabIndex={0}
        aria-label={m.caliper(id)}
        aria-orientation="horizontal"
        aria-valuemin={lh.oldestIndex}
        aria-valuemax={lh.newestIndex}
        aria-valuenow={time[id]}
        aria-valuetext={timeText(time[id])}
        onFocus={() => setSelected(id)}
        onKeyDown={(event) => onCaliperKey(id, event)}
      >
        <span className="ecg-caliper-chip" aria-hidden="true">
          {id.toUpperCase()}
        </span>
      </div>
    );
  const amplitudeCaliper = (id: 'low' | 'high') =>
    amplitude !== null && (
      <div
        key={id}
        className={`ecg-caliper ecg-caliper--amplitude${selected === id ? ' ecg-caliper--selected' : ''}`}
        style={{ top: yOf(amplitude[id]) }}
        data-caliper={id}
        data-testid={`ecg-caliper-${id}`}
        role="slider"
        tabIndex={0}
        aria-label={m.caliper(id)}
        aria-orientation="vertical"
        aria-valuemin={round3(shown.low)}
        aria-valuemax={round3(shown.high)}
        aria-valuenow={amplitude[id]}
        aria-valuetext={`${format.number(amplitude[id], 2)} ${unit}`}
        onFocus={() => setSelected(id)}
        onKeyDown={(event) => onCaliperKey(id, event)}
      >
        <span className="ecg-caliper-chip" aria-hidden="true">
          {id === 'low' ? '1' : '2'}
        </span>
      </div>
    );

  return (
    <section
      className="ecg-viewer"
      aria-labelledby="ecg-viewer-title"
      data-testid="ecg-viewer"
      data-frozen={frozen}
    >
      <div className="ecg-viewer-header">
        <h2 id="ecg-viewer-title" className="ecg-viewer-title">
          {m.title}
        </h2>
        <label className="ecg-viewer-field">
          {m.lead}
          <select
            value={leadKey(lead)}
            data-testid="ecg-lead"
            onChange={(event) => {
              setChosen(event.target.value);
              setFrozenEnd(null);
            }}
          >
            {leads.map((l) => (
              <option key={leadKey(l)} value={leadKey(l)}>
                {leadName(l)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          aria-pressed={frozen}
          data-testid="ecg-freeze"
          onClick={() => (frozen ? live() : freeze())}
        >
          {frozen ? m.live : m.freeze}
        </button>
        <label className="ecg-viewer-field">
          {m.timeScale}
          <select
            value={windowS}
            data-testid="ecg-time-scale"
            onChange={(event) => setWindowS(Number(event.target.value))}
          >
            {TIME_SCALES_S.map((s) => (
              <option key={s} value={s}>
                {m.seconds(s)}
              </option>
            ))}
          </select>
        </label>
        {millivolts && (
          <label className="ecg-viewer-field">
            {m.amplitudeScale}
            <select
              value={halfRangeMv}
              data-testid="ecg-amplitude-scale"
              onChange={(event) => setHalfRangeMv(Number(event.target.value))}
            >
              {AMPLITUDE_SCALES_MV.map((mv) => (
                <option key={mv} value={mv}>
                  {m.plusMinus(format.number(mv, mv % 1 === 0 ? 0 : 1), unit)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div
        ref={frame}
        className="ecg-viewer-frame"
        style={{ height: HEIGHT_PX }}
        data-testid="ecg-viewer-trace"
        data-rate-hz={lh.rateHz}
        data-view-from={from}
        data-view-count={count}
        data-r-peaks={rPeaks.join(',')}
        onPointerDown={onPointerDown}
        onPointerMove={(event) => dragging.current !== null && pointerTo(event, dragging.current)}
        onPointerUp={() => (dragging.current = null)}
      >
        <canvas
          ref={canvas}
          className="ecg-viewer-canvas"
          style={{ width, height: HEIGHT_PX }}
          role="img"
          aria-label={m.trace(
            leadName(lead),
            startTime === undefined ? '--' : format.time(startTime, true),
            endTime === undefined ? '--' : format.time(endTime, true),
          )}
        />
        {frozen && timeCaliper('a')}
        {frozen && timeCaliper('b')}
        {frozen && millivolts && amplitudeCaliper('low')}
        {frozen && millivolts && amplitudeCaliper('high')}
      </div>
      <div className="ecg-viewer-scroll">
        <button
          type="button"
          className="button"
          data-testid="ecg-earlier"
          onClick={() => (frozen ? scrollTo(end - count / 2) : freeze())}
        >
          {m.earlier}
        </button>
        <input
          type="range"
          className="ecg-viewer-position"
          aria-label={m.position}
          aria-valuetext={endTime === undefined ? '--' : format.time(endTime, true)}
          data-testid="ecg-position"
          min={sliderMin}
          max={Math.max(sliderMin, lh.newestIndex)}
          step={1}
          value={Math.max(sliderMin, end)}
          onChange={(event) => {
            if (!frozen) freeze();
            scrollTo(Number(event.target.value));
          }}
        />
        <button
          type="button"
          className="button"
          data-testid="ecg-later"
          disabled={!frozen}
          onClick={() => scrollTo(end + count / 2)}
        >
          {m.later}
        </button>
      </div>
      {frozen && (
        <div className="ecg-viewer-readings">
          <p
            aria-live="polite"
            className="ecg-viewer-reading"
            data-testid="ecg-interval"
            data-ms={intervalMs ?? ''}
          >
            {intervalMs === undefined
              ? m.intervalNone
              : m.interval(
                  format.number(Math.round(intervalMs)),
                  rate60 === undefined ? '--' : format.number(Math.round(rate60)),
                )}
          </p>
          {millivolts && amplitudeValue !== undefined && (
            <p
              aria-live="polite"
              className="ecg-viewer-reading"
              data-testid="ecg-amplitude"
              data-value={amplitudeValue}
            >
              {m.amplitude(format.number(amplitudeValue, 2), unit)}
            </p>
          )}
          <button
            type="button"
            className="button"
            data-testid="ecg-calipers-on-r"
            disabled={rPeaks.length < 2}
            onClick={calipersOnR}
          >
            {m.onR}
          </button>
          {millivolts && (
            <button
              type="button"
              className="button"
              data-testid="ecg-amplitude-from-time"
              onClick={() => {
                const set = time === null ? undefined : amplitudeFromSamples(lh, time);
                if (set !== undefined) setAmplitude({ low: round3(set.low), high: round3(set.high) });
              }}
            >
              {m.fromTime}
            </button>
          )}
        </div>
      )}
      <p className="ecg-viewer-note">{m.keys}</p>
      <p className="ecg-viewer-note">{m.kept(HISTORY_S / 60)}</p>
    </section>
  );
}

/** Lead II when there is one (the usual rhythm strip), else the first. */
function preferredLead(leads: readonly EcgLead[]): EcgLead | undefined {
  return leads.find((l) => l.metric === 'MDC_ECG_ELEC_POTL_II') ?? leads[0];
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
