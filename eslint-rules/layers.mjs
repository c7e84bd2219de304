/**
 * The folder = runtime-environment table of design §2, as data. Each layer lists the src/ layers it
 * may import and the third-party packages it may use. Some packages are confined to one file so that
 * a device library or the peer library has exactly one adapter.
 */
export const LAYERS = {
  shared: { layers: [], packages: ['zod'] },
  devices: { layers: ['shared'], packages: [] },
  core: {
    layers: ['shared', 'devices'],
    packages: [
      'node:*',
      'serialport',
      'node-hid',
      'ws',
      'zod',
      'better-sqlite3-multiple-ciphers',
      'pdf-lib',
      '@pdf-lib/fontkit',
      'prom-client',
      'ioredis',
      'openid-client',
    ],
  },
  server: { layers: ['shared', 'devices', 'core'], packages: ['node:*', 'ws', 'zod'] },
  main: { layers: ['shared', 'devices', 'core'], packages: ['node:*', 'electron', 'electron-store', 'zod'] },
  // The renderer may use the pure drivers too: Bluetooth LE characteristics arrive in the page
  // (Web Bluetooth) and are decoded there by the same pure code as wired devices.
  renderer: {
    layers: ['shared', 'devices'],
    packages: [
      'react',
      'react-dom',
      'react/*',
      'react-dom/*',
      'uplot',
      'uplot/*',
      'simple-peer',
      'simple-peer/*',
      'qrcode',
      'zod',
    ],
  },
  cli: { layers: ['shared', 'devices', 'core', 'server'], packages: ['node:*', 'zod'] },
};

/** Packages allowed in one file only (path relative to src/). `import type` is allowed anywhere the layer allows the package. */
export const CONFINED_PACKAGES = {
  serialport: ['core/transports/serialport-transport.ts'],
  'node-hid': ['core/transports/node-hid-transport.ts'],
  'electron-store': ['main/electron-settings-store.ts'],
  /** The encrypted database engine has one adapter: everything else sees the records store. */
  'better-sqlite3-multiple-ciphers': ['core/records/database/sqlite-driver.ts'],
  /** Fonts reach pdf-lib through one adapter, which lays text out without shaping. */
  '@pdf-lib/fontkit': ['core/exports/report/plain-fontkit.ts'],
  /** The rendezvous node's metrics have one registry, in one file. */
  'prom-client': ['core/signaling/rendezvous-metrics.ts'],
  /** The rendezvous's shared state has one Redis adapter. */
  ioredis: ['core/signaling/rooms/redis-rooms.ts'],
  /** Pro Santé Connect's OpenID client has one adapter: the rest speaks refusal codes. */
  'openid-client': ['core/psc/psc-client.ts'],
  'simple-peer': ['renderer/features/call/peer.ts'],
  'simple-peer/*': ['renderer/features/call/peer.ts'],
  /** Runtime Electron imports stay in the shell's entry points; everything else takes fakes. */
  electron: ['main/main.ts', 'main/window.ts', 'main/preload/preload.ts', 'main/electron-runtime.ts'],
};
