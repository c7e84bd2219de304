import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter';

/**
 * The application icons (issue 7): the committed files in assets/icons/ are valid PNG/ICO/SVG,
 * the names say the truth about the sizes, electron-builder (the installed version's own icon
 * resolver) finds the Linux set and the Windows .ico where electron-builder.yml points, and
 * scripts/make-icons.mjs reproduces every file byte-for-byte.
 */
const ROOT = path.join(__dirname, '..', '..');
const ICONS = path.join(ROOT, 'assets', 'icons');
const PNG_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const read = (name: string) => readFileSync(path.join(ICONS, name));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
}
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Splits a PNG into chunks, failing on a bad signature, a truncated chunk or a wrong CRC. */
function chunks(png: Buffer): Chunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  const out: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error(`truncated chunk header at ${offset}`);
    const length = png.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > png.length) throw new Error(`truncated chunk at ${offset}`);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const crc = png.readUInt32BE(end - 4);
    if (crc32(png.subarray(offset + 4, end - 4)) !== crc) throw new Error(`bad CRC in ${type} at ${offset}`);
    out.push({ type, data: png.subarray(offset + 8, end - 4) });
    offset = end;
  }
  return out;
}

/** The scanlines (filter byte + RGBA row each) of an 8-bit RGBA, non-interlaced PNG. */
function scanlines(png: Buffer): { size: number; raw: Buffer } {
  const parts = chunks(png);
  const size = parts[0].data.readUInt32BE(0);
  const raw = inflateSync(Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  if (raw.length !== (size * 4 + 1) * size) throw new Error(`IDAT holds ${raw.length} bytes`);
  return { size, raw };
}

/** Decodes such a PNG into RGBA bytes (undoing the per-row filters). */
function decode(png: Buffer): { size: number; rgba: Buffer } {
  const { size, raw } = scanlines(png);
  const stride = size * 4;
  const rgba = Buffer.alloc(stride * size);
  for (let y = 0; y < size; y++) {
    const filter = raw[y * (stride + 1)];
    if (filter > 4) throw new Error(`bad filter type ${filter} on row ${y}`);
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4] : 0;
      const up = y > 0 ? rgba[(y - 1) * stride + i] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = (left + up) >> 1;
      else if (filter === 4) {
        const upLeft = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4] : 0;
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      rgba[y * stride + i] = (raw[y * (stride + 1) + 1 + i] + predictor) & 0xff;
    }
  }
  return { size, rgba };
}

describe('PNG set', () => {
  it.each(PNG_SIZES.map((size) => [`${size}x${size}.png`, size] as const))(
    '%s is a valid RGBA PNG of that size',
    (name, size) => {
      const parts = chunks(read(name));
      expect(parts[0].type).toBe('IHDR');
      const header = parts[0].data;
      expect(header.length).toBe(13);
      expect([header.readUInt32BE(0), header.readUInt32BE(4)]).toEqual([size, size]);
      expect([...header.subarray(8)]).toEqual([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no interlace
      expect(parts.at(-1)).toEqual({ type: 'IEND', data: Buffer.alloc(0) });
      expect(parts.some((c) => c.type === 'IDAT')).toBe(true);
      expect(scanlines(read(name)).raw.length).toBe((size * 4 + 1) * size);
    },
  );

  it('icon.png is the 512 px image (the size electron-builder documents as the minimum for macOS)', () => {
    expect(read('icon.png').equals(read('512x512.png'))).toBe(true);
  });

  it('draws the mark: transparent corners, teal tile, white cross, teal trace on the cross', () => {
    const { size, rgba } = decode(read('256x256.png'));
    const at = (x: number, y: number) => {
      const o = (Math.floor((y / 1024) * size) * size + Math.floor((x / 1024) * size)) * 4;
      return [...rgba.subarray(o, o + 4)];
    };
    const isTeal = ([r, g, b, a]: number[]) => a === 255 && g > r + 60 && b > r + 60;
    expect(at(0, 0)[3]).toBe(0);
    expect(at(1020, 1020)[3]).toBe(0);
    expect(isTeal(at(100, 512))).toBe(true);
    expect(isTeal(at(900, 512))).toBe(true);
    expect(at(512, 260)).toEqual([255, 255, 255, 255]); // top arm, above the R spike
    expect(at(512, 780)).toEqual([255, 255, 255, 255]); // bottom arm
    expect(isTeal(at(300, 512))).toBe(true); // the trace's baseline
  });

  it('stays a plain cross at 16 px, where a trace would not read', () => {
    const { rgba } = decode(read('16x16.png'));
    for (let x = 4; x < 12; x++) {
      const o = (8 * 16 + x) * 4;
      expect([...rgba.subarray(o, o + 4)]).toEqual([255, 255, 255, 255]);
    }
  });
});

describe('icon.ico', () => {
  const ico = read('icon.ico');
  const count = ico.readUInt16LE(4);
  const entries = Array.from({ length: count }, (_, n) => {
    const e = 6 + 16 * n;
    return {
      size: ico[e] || 256,
      height: ico[e + 1] || 256,
      bits: ico.readUInt16LE(e + 6),
      data: ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)),
      end: ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8),
    };
  });

  it('is an icon directory of the Windows shell sizes up to 256, payloads inside the file', () => {
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 256]);
    for (const e of entries) {
      expect(e.height).toBe(e.size);
      expect(e.bits).toBe(32);
      expect(e.end).toBeLessThanOrEqual(ico.length);
    }
    expect(Math.max(...entries.map((e) => e.end))).toBe(ico.length);
  });

  it('holds 32-bit bitmaps below 256 and the 256 px PNG itself', () => {
    for (const e of entries.filter((entry) => entry.size < 256)) {
      const maskBytes = Math.ceil(e.size / 32) * 4 * e.size;
      expect(e.data.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
      expect([e.data.readInt32LE(4), e.data.readInt32LE(8)]).toEqual([e.size, 2 * e.size]);
      expect(e.data.readUInt16LE(14)).toBe(32);
      expect(e.data.length).toBe(40 + e.size * e.size * 4 + maskBytes);
    }
    expect(entries.at(-1)!.data.equals(read('256x256.png'))).toBe(true);
  });
});

describe('icon.svg', () => {
  it('is the 1024-unit master with the tile, the two bars and the trace', () => {
    const svg = read('icon.svg').toString('utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 1024 1024">/);
    expect(svg.match(/<rect /g)).toHaveLength(3);
    expect(svg).toMatch(/<polyline points="[\d, ]+"[^>]*stroke-linecap="round"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });
});

describe('electron-builder.yml', () => {
  const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  /** The `icon:` of a top-level section (linux, win, mac), relative to buildResources (assets). */
  function iconOf(section: string): string {
    const body = yml.split(/^(?=\S)/m).find((block) => block.startsWith(`${section}:`));
    const icon = body?.match(/^ {2}icon: (\S+)$/m)?.[1];
    if (icon === undefined) throw new Error(`no ${section}.icon in electron-builder.yml`);
    return icon;
  }
  // The installed electron-builder's own resolver: the assertions hold for the version we ship.
  const resolve = (source: string, format: 'set' | 'ico') =>
    convertIcon({
      sources: [source],
      fallbackSources: [],
      roots: [path.join(ROOT, 'assets'), ROOT],
      format,
      // Only written when a conversion is needed, which these sources never need.
      outDir: path.join(tmpdir(), 'teleconsult-icons-unused'),
    });

  it('gives Linux the whole NxN.png set from the folder', async () => {
    const { icons, isFallback } = await resolve(iconOf('linux'), 'set');
    expect(isFallback).toBe(false);
    expect(icons.map((icon) => [path.relative(ICONS, icon.file), icon.size])).toEqual(
      PNG_SIZES.map((size) => [`${size}x${size}.png`, size]),
    );
  });

  it('gives Windows the prebuilt .ico, used as is (256 px, no conversion)', async () => {
    const { icons } = await resolve(iconOf('win'), 'ico');
    expect(icons).toEqual([{ file: path.join(ICONS, 'icon.ico'), size: 256 }]);
  });

  it('gives macOS a PNG of at least 512 px to derive the .icns from', () => {
    const png = readFileSync(path.join(ROOT, 'assets', iconOf('mac')));
    expect(chunks(png)[0].data.readUInt32BE(0)).toBeGreaterThanOrEqual(512);
  });
});

describe('scripts/make-icons.mjs', () => {
  it('reproduces every committed file byte-for-byte (deterministic, nothing stale)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'icons-'));
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'make-icons.mjs'), '--out', out], {
        stdio: 'pipe',
      });
      const generated = readdirSync(out).sort();
      expect(readdirSync(ICONS).sort()).toEqual(generated);
      for (const name of generated) {
        const fresh = readFileSync(path.join(out, name));
        const same = fresh.equals(read(name));
        // On a difference, say whether the drawing changed or only the compression (another zlib).
        const samePixels =
          same || !name.endsWith('.png') ? same : scanlines(fresh).raw.equals(scanlines(read(name)).raw);
        expect({ name, same, samePixels }).toEqual({ name, same: true, samePixels: true });
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
