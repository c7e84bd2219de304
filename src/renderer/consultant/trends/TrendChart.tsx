import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { METRICS } from '../../../shared/domain/metrics';
import type { Formatter } from '../../../shared/i18n';
import { deviceDisplayName } from '../../features/devices/device-groups';
import { useFormat, useMessages } from '../../i18n/use-messages';
import { alignLines } from './aligned-lines';
import { scoringIntervals, type News2Score } from './news2-bands';
import { chartRange, type TrendChartDefinition } from './trend-charts';
import type { TrendLine } from './trend-history';
import { trendsMessages } from './trends-messages';

const HEIGHT_PX = 120;
/** Light on the dark panel, like the tiles' colours (styles.css). */
const LINE_COLOURS = ['#4fd8ff', '#5cf08f', '#f3d36b', '#d9a7ff'];
const AXIS = '#9aabbd';
const GRID = 'rgba(232, 238, 245, 0.08)';
/** Darker for a higher NEWS2 score; light enough that the lines stay readable over them. */
const BAND_FILL: Readonly<Record<Exclude<News2Score, 0>, string>> = {
  1: 'rgba(243, 211, 107, 0.12)',
  2: 'rgba(255, 179, 71, 0.18)',
  3: 'rgba(255, 107, 107, 0.26)',
};

interface TrendChartProps {
  readonly chart: TrendChartDefinition;
  readonly lines: readonly TrendLine[];
}

/**
 * One trend (uPlot) with its NEWS2 bands shaded behind the lines, a text summary for screen
 * readers, and a legend naming each line's device. Continuous values are lines, episodic ones
 * (a cuff's results) points.
 */
export function TrendChart({ chart, lines }: TrendChartProps) {
  const m = useMessages(trendsMessages);
  const format = useFormat();
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // The series set (which devices and metrics) decides the chart's shape: a new one rebuilds it.
  const shape = lines.map((line) => `${line.device}/${line.metric}/${line.episodic}`).join('|');
  const name = m.chart(chart.id);

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const u = new uPlot(chartOptions(chart, lines, element.clientWidth, format), alignLines(lines), element);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: element.clientWidth, height: HEIGHT_PX }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // Rebuilt on a new shape or language only; new points go through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shape, format]);

  useEffect(() => {
    const u = plot.current;
    if (u === null) return;
    u.setData(alignLines(lines));
    const [min, max] = chartRange(
      chart,
      lines.flatMap((line) => line.values),
    );
    u.setScale('y', { min, max });
  }, [chart, lines]);

  const latest = newestPoint(lines);
  const points = lines.reduce((n, line) => n + line.timesMs.length, 0);
  return (
    <figure className="trend-chart" data-testid={`trend-chart-${chart.id}`} data-points={points}>
      <figcaption className="trend-chart-caption">
        <span className="trend-chart-name">{name}</span>
        <ul className="trend-legend">
          {lines.map((line, i) => (
            <li key={`${line.device}/${line.metric}`}>
              <span
                className={`trend-swatch${line.episodic ? ' trend-swatch--point' : ''}`}
                style={{ background: LINE_COLOURS[i % LINE_COLOURS.length] }}
                aria-hidden="true"
              />
              {METRICS[line.metric].label[format.locale]} ·{' '}
              {deviceDisplayName(line.device, undefined, format.locale)}
              {line.episodic ? ` (${m.episodic})` : ''}
            </li>
          ))}
        </ul>
        {latest !== null && (
          <span className="visually-hidden">
            {m.summary(
              name,
              format.metricNumber(latest.metric, latest.value),
              format.time(latest.timeMs, true),
              points,
            )}
          </span>
        )}
      </figcaption>
      <div ref={host} className="trend-chart-plot" aria-hidden="true" />
    </figure>
  );
}

function newestPoint(
  lines: readonly TrendLine[],
): { metric: TrendLine['metric']; value: number; timeMs: number } | null {
  let best: { metric: TrendLine['metric']; value: number; timeMs: number } | null = null;
  for (const line of lines)
    line.timesMs.forEach((timeMs, i) => {
      const value = line.values[i];
      if (value !== null && value !== undefined && (best === null || timeMs > best.timeMs))
        best = { metric: line.metric, value, timeMs };
    });
  return best;
}

function chartOptions(
  chart: TrendChartDefinition,
  lines: readonly TrendLine[],
  width: number,
  format: Formatter,
): uPlot.Options {
  const bands = scoringIntervals(chart.bands);
  return {
    width: Math.max(width, 200),
    height: HEIGHT_PX,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { auto: false, range: chart.range as uPlot.Range.MinMax } },
    axes: [
      {
        values: (_u, splits) => splits.map((s) => format.time(s * 1000)),
        size: 28,
        font: '11px sans-serif',
        stroke: AXIS,
        grid: { stroke: GRID },
        ticks: { stroke: GRID },
      },
      {
        values: (_u, splits) => splits.map((v) => format.number(v)),
        size: 40,
        font: '11px sans-serif',
        stroke: AXIS,
        grid: { stroke: GRID },
        ticks: { stroke: GRID },
      },
    ],
    series: [
      {},
      ...lines.map((line, i): uPlot.Series => {
        const colour = LINE_COLOURS[i % LINE_COLOURS.length];
        return line.episodic
          ? { stroke: colour, fill: colour, paths: () => null, points: { show: true, size: 8, fill: colour } }
          : { stroke: colour, width: 2, points: { show: false } };
      }),
    ],
    hooks: {
      // The bands go under everything else, so they are drawn right after the canvas is cleared.
      drawClear: [
        (u) => {
          const { ctx, bbox } = u;
          let drawn = 0;
          ctx.save();
          for (const band of bands) {
            const yMin = u.scales.y?.min ?? chart.range[0];
            const yMax = u.scales.y?.max ?? chart.range[1];
            const from = Math.max(band.from, yMin);
            const to = Math.min(band.to, yMax);
            if (!(to > from)) continue;
            const top = u.valToPos(to, 'y', true);
            const bottom = u.valToPos(from, 'y', true);
            ctx.fillStyle = BAND_FILL[band.score as Exclude<News2Score, 0>];
            ctx.fillRect(bbox.left, top, bbox.width, bottom - top);
            drawn += 1;
          }
          ctx.restore();
          u.root.closest('.trend-chart')?.setAttribute('data-bands', String(drawn));
        },
      ],
    },
  };
}
