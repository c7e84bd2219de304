import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import {
  noFileLoading,
  noInsecureWebPreferences,
  noOpenExternal,
} from '../../eslint-rules/electron-security.mjs';

// The lint half of the Electron security checklist (SECURITY.md): each rule, what it lets through
// and what it stops.
const at = (file: string) => path.join(path.resolve(__dirname, '../..'), 'src', file);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('no-open-external (item 15)', noOpenExternal, {
  valid: [
    { filename: at('main/main.ts'), code: "import { app, session } from 'electron';" },
    { filename: at('renderer/x.ts'), code: 'const opened = open;' },
  ],
  invalid: [
    {
      filename: at('main/main.ts'),
      code: "import { shell } from 'electron'; void shell.openExternal(url);",
      errors: [{ messageId: 'shell' }, { messageId: 'call' }],
    },
    {
      filename: at('main/x.ts'),
      code: "import * as electron from 'electron'; electron.shell['openExternal'](u);",
      errors: [{ messageId: 'call' }],
    },
    {
      filename: at('main/x.ts'),
      code: "const { openExternal } = require('electron').shell; x.openExternal(u);",
      errors: [{ messageId: 'call' }],
    },
  ],
});

tester.run('no-insecure-web-preferences (items 2–4, 6, 8–11)', noInsecureWebPreferences, {
  valid: [
    {
      code: "const p = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' };",
    },
    { code: 'const settings = { kiosk: true, autoConnect: true };' },
  ],
  invalid: [
    ['nodeIntegration', 'true'],
    ['nodeIntegrationInWorker', 'true'],
    ['nodeIntegrationInSubFrames', 'true'],
    ['contextIsolation', 'false'],
    ['sandbox', 'false'],
    ['webSecurity', 'false'],
    ['allowRunningInsecureContent', 'true'],
    ['experimentalFeatures', 'true'],
    ['webviewTag', 'true'],
    ['enableRemoteModule', 'true'],
  ]
    .map(([key, value]) => ({
      code: `new BrowserWindow({ webPreferences: { ${key}: ${value} } });`,
      errors: [{ messageId: 'insecure' }] as { messageId: 'insecure' | 'forbidden' }[],
    }))
    .concat([
      {
        code: "const p = { enableBlinkFeatures: 'CSSVariables' };",
        errors: [{ messageId: 'forbidden' as const }],
      },
      { code: "const p = { 'sandbox': false };", errors: [{ messageId: 'insecure' as const }] },
    ]),
});

tester.run('no-file-loading (items 1, 18)', noFileLoading, {
  valid: [
    { code: 'void window.loadURL(APP_ENTRY_URL);' },
    { code: "const url = 'app://station/index.html';" },
  ],
  invalid: [
    { code: "void window.loadFile('dist/renderer/index.html');", errors: [{ messageId: 'loadFile' }] },
    { code: "void window.loadURL('file:///opt/station/index.html');", errors: [{ messageId: 'fileUrl' }] },
    { code: 'void window.loadURL(`file://${dir}/index.html`);', errors: [{ messageId: 'fileUrl' }] },
  ],
});
