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

/** How many pixels of the canvas have been drawn on (alpha > 0). */
export function canvasInkedPixels(testId: string): string {
  return `(() => {
    const c = ${byTestId(testId)};
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    return inked;
  })()`;
}

export function fontSizePx(testId: string): string {
  return `parseFloat(getComputedStyle(${byTestId(testId)}).fontSize)`;
}
