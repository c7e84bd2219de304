import { processIo } from './cli-io';
import { runStation } from './run-station';

/** Entry of the `station` command (bundled to dist/cli/station.cjs, loaded by bin/station.cjs). */
void runStation(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
