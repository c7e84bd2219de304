import { A4_LANDSCAPE, COLORS, mm } from './pdf-units';
import { deviceLabel, type ReportContext } from './report-context';
import { metricLabel } from './report-data';
import { fitText } from './text-wrap';
import { drawStrip, PAPER_SPEED_MM_PER_S, planStrips, STRIP_SECONDS, stripGeometry } from './waveform-strip';

const LABEL_PT = 8;
const GUTTER_MM = 9;

/**
 * The waveform strips, on landscape A4 pages: 10 s at 25 mm/s is 250 mm, wider than a portrait
 * page. Each strip has a label line (channel, device, time window, scale) over its grid.
 */
export function stripsSection(context: ReportContext): void {
  const { t, layout, source, language } = context;
  const plans = planStrips(source);
  if (plans.length === 0) return;
  layout.newPage(A4_LANDSCAPE);
  layout.heading(t.strips);
  layout.paragraph(t.stripsNote, { size: 8, color: COLORS.muted });
  layout.space(4);
  const font = layout.fonts.regular;
  const bold = layout.fonts.bold;
  const widthPt = mm(STRIP_SECONDS * PAPER_SPEED_MM_PER_S);
  for (const plan of plans) {
    const geometry = stripGeometry(plan);
    const bottom = layout.reserve(LABEL_PT * 1.6 + mm(geometry.heightMm) + mm(4));
    const page = layout.currentPage;
    const x = layout.left + mm(GUTTER_MM);
    const y = bottom + mm(4);
    const labelY = y + mm(geometry.heightMm) + LABEL_PT * 0.5;
    const name = `${metricLabel(plan.channel.metric, language)} — ${deviceLabel(context, plan.channel.device)}`;
    const window =
      plan.range === null
        ? t.stripNoData
        : t.stripWindow(context.times.at(plan.fromMs), context.times.at(plan.toMs));
    const scale = plan.millivoltsPerUnit === null ? t.stripScaledScale : t.stripEcgScale;
    const right = layout.printable(`${window} · ${scale}`, font, name);
    const rightWidth = font.widthOfTextAtSize(right, LABEL_PT);
    page.drawText(
      fitText(layout.printable(name, bold), widthPt - rightWidth - 12, (s) =>
        bold.widthOfTextAtSize(s, LABEL_PT),
      ),
      { x, y: labelY, size: LABEL_PT, font: bold, color: COLORS.text },
    );
    page.drawText(right, {
      x: x + widthPt - rightWidth,
      y: labelY,
      size: LABEL_PT,
      font,
      color: COLORS.muted,
    });
    drawStrip(page, plan, { x, y });
  }
}
