/**
 * In-page probes, as script strings: the e2e tests typecheck under the Node tsconfig (no DOM lib),
 * so what runs inside Chromium is written as plain expressions and returns plain values.
 */
function byTestId(testId: string): string {
  return `document.querySelector('[data-testid=${JSON.stringify(testId)}]')`;
}

/** The canvas as a PNG data URL: equal strings mean identical pixels. */
export function canvasPng(testId: string): string {
  return `${byTestId(testId)}.toDataURL('image/png')`;
}

/** How many pixels of the canvas have been drawn on: any colour but its background. */
export function canvasInkedPixels(testId: string): string {
  // Traces are drawn on opaque canvases (their panel's colour painted, not cleared): ink is any
  // pixel other than the background, taken as the canvas's most common colour.
  return `(() => {
    const c = ${byTestId(testId)};
    const data = new Uint32Array(c.getContext('2d').getImageData(0, 0, c.width, c.height).data.buffer);
    const counts = new Map();
    for (const pixel of data) counts.set(pixel, (counts.get(pixel) ?? 0) + 1);
    const background = Math.max(0, ...counts.values());
    return data.length - background;
  })()`;
}

export function fontSizePx(testId: string): string {
  return `parseFloat(getComputedStyle(${byTestId(testId)}).fontSize)`;
}
