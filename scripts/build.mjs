// Bundles the Node-side entry points with esbuild. Native modules (serialport, node-hid) stay
// external: they load their N-API prebuilds at run time, in Node and in Electron alike.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const external = [
  'electron',
  'serialport',
  'node-hid',
  '@serialport/*',
  'bufferutil',
  'utf-8-validate',
  // The encrypted records engine (SQLCipher) is native too: `bindings` finds its .node file from
  // the package folder, which a bundle would lose.
  'better-sqlite3-multiple-ciphers',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

const entries = [
  { in: 'src/server/main.ts', out: 'dist/server/main.cjs' },
  { in: 'src/cli/station.ts', out: 'dist/cli/station.cjs' },
  { in: 'src/main/main.ts', out: 'dist/main/main.cjs' },
  { in: 'bench/bench.ts', out: 'dist/bench/bench.cjs' },
];

await Promise.all([
  ...entries
    .filter((e) => existsSync(e.in))
    .map((e) => build({ ...common, entryPoints: [e.in], outfile: e.out, external })),
  // The sandboxed preload can require only `electron` and a few built-ins: everything else is inlined
  // into this one file.
  existsSync('src/main/preload/preload.ts')
    ? build({
        ...common,
        entryPoints: ['src/main/preload/preload.ts'],
        outfile: 'dist/main/preload.cjs',
        external: ['electron'],
        platform: 'browser',
        format: 'cjs',
      })
    : Promise.resolve(),
]);
