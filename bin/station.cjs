#!/usr/bin/env node
'use strict';
// The `station` command. The CLI is bundled by `npm run build`; point at it, or say how to build it.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'dist', 'cli', 'station.cjs');
if (!fs.existsSync(entry)) {
  console.error('station: not built yet. Run `npm run build` in ' + path.dirname(__dirname) + ' first.');
  process.exit(1);
}
require(entry);
