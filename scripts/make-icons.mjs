// Draws the application icon (issue 7) from one geometry, with no image library: the same shapes
// are written as assets/icons/icon.svg and rasterised here into the PNG set electron-builder's
// Linux targets take from a folder of NxN.png files, icon.png, and the Windows icon.ico.
//
//   node scripts/make-icons.mjs              # rewrite assets/icons/
//   node scripts/make-icons.mjs --out DIR    # write elsewhere (test/assets/icons.test.ts compares)
//
// Deterministic on purpose: only + - * / and sqrt (correctly rounded in IEEE 754), fixed zlib
// options, no timestamps (no tIME chunk), so a re-run reproduces the committed files byte-for-byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

// ---------------------------------------------------------------------------------------------
// Geometry, in a 1024×1024 design space (the SVG viewBox).

const UNITS = 1024;
/** Rounded square, inset a little so the corners are not clipped by shells that add a mask. */
const TILE = { x0: 32, y0: 32, x1: 992, y1: 992, r: 208 };
/** Teal-blue, lighter at the top: calm, clinical, and readable behind a white mark. */
const TOP = [0x19, 0xb3, 0xab];
const BOTTOM = [0x0b, 0x6c, 0x78];
const WHITE = [0xff, 0xff, 0xff];
/**
 * The cross: two bars of equal thickness, softly rounded. Every edge is a multiple of 64 units, so
 * it falls on whole pixels at 16 px and above: the cross stays crisp at the sizes shells use most.
 */
const CROSS = [
  { x0: 384, y0: 192, x1: 640, y1: 832, r: 64 },
  { x0: 192, y0: 384, x1: 832, y1: 640, r: 64 },
];
/**
 * The horizontal bar carries an ECG beat (baseline, Q dip, R spike, back to baseline). The spike
 * stays inside the vertical bar and the baseline inside the horizontal one, so the trace is always
 * drawn on white, with a margin of at least one stroke half-width.
 */
const TRACE = [
  [248, 512],
  [392, 512],
  [436, 436],
  [500, 700],
  [572, 300],
  [620, 512],
  [776, 512],
];
const TRACE_WIDTH = 56;
/**
 * Small sizes are drawn for legibility (font-hinting style), the SVG carries the master: below
 * 48 px a 56-unit stroke is under two pixels wide and turns to mush, so 32 px gets a bolder trace;
 * below 32 px no trace reads at all, and a plain white cross is the recognisable mark.
 */
const traceWidthAt = (size) => (size >= 48 ? TRACE_WIDTH : size >= 32 ? 88 : 0);

/** PNG sizes of the Linux set (hicolor NxN); icon.png is the 512 one. */
export const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
/** Sizes in icon.ico: the Windows shell set, bitmaps below 256 and a PNG at 256. */
const ICO_SIZES = [16, 24, 32, 48, 64, 256];

// ---------------------------------------------------------------------------------------------
// Signed distance functions (negative inside), in design units.

function roundedRect(px, py, { x0, y0, x1, y1, r }) {
  const qx = Math.abs(px - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - r;
}

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const ex = px - ax - t * dx;
  const ey = py - ay - t * dy;
  return Math.sqrt(ex * ex + ey * ey);
}

const tile = (x, y) => roundedRect(x, y, TILE);
const cross = (x, y) => Math.min(roundedRect(x, y, CROSS[0]), roundedRect(x, y, CROSS[1]));
/** Polyline with round caps and joins: the union of capsules around each segment. */
const trace = (width) => (x, y) => {
  let d = Infinity;
  for (let i = 1; i < TRACE.length; i++) d = Math.min(d, segmentDistance(x, y, TRACE[i - 1], TRACE[i]));
  return d - width / 2;
};

function gradientAt(y) {
  const t = Math.min(1, Math.max(0, (y - TILE.y0) / (TILE.y1 - TILE.y0)));
  return TOP.map((top, i) => top + (BOTTOM[i] - top) * t);
}

// ---------------------------------------------------------------------------------------------
// Rasteriser: exact coverage far from an edge, 8×8 supersampling within a pixel of one.

const GRID = 8;

function coverage(sdf, cx, cy, unitsPerPixel) {
  const d = sdf(cx, cy);
  // The SDFs never overstate the distance to the edge, so beyond half a pixel diagonal the
  // whole pixel is on one side.
  const reach = unitsPerPixel * 0.75;
  if (d >= reach) return 0;
  if (d <= -reach) return 1;
  let inside = 0;
  for (let j = 0; j < GRID; j++) {
    const sy = cy + ((j + 0.5) / GRID - 0.5) * unitsPerPixel;
    for (let i = 0; i < GRID; i++) {
      const sx = cx + ((i + 0.5) / GRID - 0.5) * unitsPerPixel;
      if (sdf(sx, sy) < 0) inside++;
    }
  }
  return inside / (GRID * GRID);
}

/** Renders the icon at size×size into straight (non-premultiplied) RGBA bytes. */
export function render(size) {
  const k = UNITS / size;
  const traceWidth = traceWidthAt(size);
  const layers = [[tile, 'teal'], [cross, 'white'], ...(traceWidth > 0 ? [[trace(traceWidth), 'teal']] : [])];
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    const cy = (py + 0.5) * k;
    const teal = gradientAt(cy);
    for (let px = 0; px < size; px++) {
      const cx = (px + 0.5) * k;
      // Painter's order, premultiplied "over": tile, white cross, teal trace.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [sdf, paint] of layers) {
        const c = coverage(sdf, cx, cy, k);
        const colour = paint === 'white' ? WHITE : teal;
        if (c === 0) continue;
        r = colour[0] * c + r * (1 - c);
        g = colour[1] * c + g * (1 - c);
        b = colour[2] * c + b * (1 - c);
        a = c + a * (1 - c);
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round(a * 255);
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG encoder (RGBA, 8 bits per channel).

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Per-row filter chosen by the usual minimum-sum-of-absolute-differences heuristic (libpng's):
 * flat tiles and gradients compress far better than unfiltered.
 */
function filterRows(rgba, size) {
  const stride = size * 4;
  const out = Buffer.alloc((stride + 1) * size);
  const zero = Buffer.alloc(stride);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < size; y++) {
    const row = rgba.subarray(y * stride, (y + 1) * stride);
    const up = y === 0 ? zero : rgba.subarray((y - 1) * stride, y * stride);
    let best = -1;
    let bestScore = Infinity;
    for (let type = 0; type < 5; type++) {
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const left = i >= 4 ? row[i - 4] : 0;
        const upLeft = i >= 4 ? up[i - 4] : 0;
        const predictor = [0, left, up[i], (left + up[i]) >> 1, paeth(left, up[i], upLeft)][type];
        const value = (row[i] - predictor) & 0xff;
        candidate[i] = value;
        score += value < 128 ? value : 256 - value;
      }
      if (score < bestScore) {
        bestScore = score;
        best = type;
        out[y * (stride + 1)] = type;
        candidate.copy(out, y * (stride + 1) + 1);
      }
    }
    if (best < 0) throw new Error('unreachable: no PNG filter chosen');
  }
  return out;
}

export function encodePng(rgba, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter method, interlace: 0 (deflate, adaptive, none)
  const idat = deflateSync(filterRows(rgba, size), { level: 9, memLevel: 9, strategy: 0 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // sRGB, rendering intent perceptual: the colours above are sRGB values.
    chunk('sRGB', Buffer.from([0])),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// ICO: 32-bit BMP (DIB) images below 256, which every Windows and NSIS reads, and the PNG at 256
// (Vista and later), which keeps the file small.

function dib(rgba, size) {
  const maskStride = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskStride * size);
  out.writeUInt32LE(40, 0); // BITMAPINFOHEADER
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // colour rows + AND-mask rows
  out.writeUInt16LE(1, 12); // planes
  out.writeUInt16LE(32, 14); // bits per pixel (BGRA)
  out.writeUInt32LE(size * size * 4 + maskStride * size, 20); // image size (compression 0 = BI_RGB)
  const maskStart = 40 + size * size * 4;
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y; // bottom-up
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const o = 40 + (row * size + x) * 4;
      out[o] = rgba[i + 2];
      out[o + 1] = rgba[i + 1];
      out[o + 2] = rgba[i];
      out[o + 3] = rgba[i + 3];
      // Legacy AND mask: 1 where fully transparent (ignored where the alpha channel is honoured).
      if (rgba[i + 3] === 0) out[maskStart + row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

export function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, n) => {
    const e = 6 + 16 * n;
    header[e] = size >= 256 ? 0 : size; // 0 means 256
    header[e + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, e + 4); // planes
    header.writeUInt16LE(32, e + 6); // bits per pixel
    header.writeUInt32LE(data.length, e + 8);
    header.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

// ---------------------------------------------------------------------------------------------
// SVG master, from the same constants.

export function svg() {
  const rect = ({ x0, y0, x1, y1, r }) =>
    `x="${x0}" y="${y0}" width="${x1 - x0}" height="${y1 - y0}" rx="${r}"`;
  const hex = (rgb) => `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${UNITS}" height="${UNITS}" viewBox="0 0 ${UNITS} ${UNITS}">`,
    '  <title>Teleconsult Station</title>',
    '  <!-- Generated by scripts/make-icons.mjs: edit the geometry there, then re-run it. -->',
    '  <defs>',
    `    <linearGradient id="teal" gradientUnits="userSpaceOnUse" x1="0" y1="${TILE.y0}" x2="0" y2="${TILE.y1}">`,
    `      <stop offset="0" stop-color="${hex(TOP)}"/>`,
    `      <stop offset="1" stop-color="${hex(BOTTOM)}"/>`,
    '    </linearGradient>',
    '  </defs>',
    `  <rect ${rect(TILE)} fill="url(#teal)"/>`,
    ...CROSS.map((bar) => `  <rect ${rect(bar)} fill="#ffffff"/>`),
    `  <polyline points="${TRACE.map(([x, y]) => `${x},${y}`).join(' ')}" fill="none" stroke="url(#teal)"` +
      ` stroke-width="${TRACE_WIDTH}" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</svg>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Every file of assets/icons/, by name. */
export function makeIcons() {
  const sizes = [...new Set([...PNG_SIZES, ...ICO_SIZES])].sort((a, b) => a - b);
  const rendered = new Map(sizes.map((size) => [size, render(size)]));
  const png = new Map(PNG_SIZES.map((size) => [size, encodePng(rendered.get(size), size)]));
  const files = new Map([['icon.svg', Buffer.from(svg(), 'utf8')]]);
  for (const size of PNG_SIZES) files.set(`${size}x${size}.png`, png.get(size));
  files.set('icon.png', png.get(512));
  files.set(
    'icon.ico',
    encodeIco(
      ICO_SIZES.map((size) => ({
        size,
        data: size >= 256 ? png.get(size) : dib(rendered.get(size), size),
      })),
    ),
  );
  return files;
}

function main(argv) {
  const at = argv.indexOf('--out');
  const outDir =
    at >= 0 && argv[at + 1]
      ? path.resolve(argv[at + 1])
      : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
  mkdirSync(outDir, { recursive: true });
  for (const [name, bytes] of makeIcons()) {
    writeFileSync(path.join(outDir, name), bytes);
    console.log(`${path.relative(process.cwd(), path.join(outDir, name))}  ${bytes.length} bytes`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
