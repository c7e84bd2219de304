import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { importBoundaries } from '../../eslint-rules/import-boundaries.mjs';

// The boundary table is the architecture; this pins it so a rule change cannot quietly open a hole.
const root = path.resolve(__dirname, '../..');
const at = (file: string) => path.join(root, 'src', file);

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('import-boundaries', importBoundaries, {
  valid: [
    { filename: at('devices/x/decoder.ts'), code: "import { z } from '../../shared/domain/readings';" },
    { filename: at('core/devices/session.ts'), code: "import type { Decoder } from '../../devices/driver';" },
    {
      filename: at('core/transports/serialport-transport.ts'),
      code: "import { SerialPort } from 'serialport';",
    },
    { filename: at('core/backend.ts'), code: "import { readFile } from 'node:fs/promises';" },
    { filename: at('main/ipc-bridge.ts'), code: "import type { IpcMain } from 'electron';" },
    { filename: at('main/window.ts'), code: "import { BrowserWindow } from 'electron';" },
    {
      filename: at('renderer/features/call/peer.ts'),
      code: "import Peer from 'simple-peer/simplepeer.min.js';",
    },
    { filename: at('renderer/App.tsx'), code: "import { useState } from 'react';" },
    { filename: at('shared/api.ts'), code: "import { z } from 'zod';" },
    {
      filename: at('renderer/features/bluetooth/x.ts'),
      code: "import { BLE_PROFILES } from '../../../devices/ble';",
    },
  ],
  invalid: [
    {
      filename: at('shared/api.ts'),
      code: "import { x } from '../core/backend';",
      errors: [{ messageId: 'layer' }],
    },
    { filename: at('shared/api.ts'), code: "import fs from 'node:fs';", errors: [{ messageId: 'package' }] },
    {
      filename: at('devices/x/decoder.ts'),
      code: "import { x } from '../../core/backend';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('renderer/App.tsx'),
      code: "import { x } from '../core/backend';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('renderer/App.tsx'),
      code: "import { ipcRenderer } from 'electron';",
      errors: [{ messageId: 'package' }],
    },
    {
      filename: at('renderer/App.tsx'),
      code: "import Peer from 'simple-peer';",
      errors: [{ messageId: 'confined' }],
    },
    {
      filename: at('core/devices/session.ts'),
      code: "import { SerialPort } from 'serialport';",
      errors: [{ messageId: 'confined' }],
    },
    {
      filename: at('core/backend.ts'),
      code: "import { app } from 'electron';",
      errors: [{ messageId: 'package' }],
    },
    {
      filename: at('main/ipc-bridge.ts'),
      code: "import { ipcMain } from 'electron';",
      errors: [{ messageId: 'confined' }],
    },
    {
      filename: at('main/main.ts'),
      code: "import { x } from '../renderer/App';",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('main/main.ts'),
      code: "const s = require('../server/start');",
      errors: [{ messageId: 'layer' }],
    },
    {
      filename: at('core/backend.ts'),
      code: "export * from '../../test/x';",
      errors: [{ messageId: 'outside' }],
    },
  ],
});
