import { cpus } from 'node:os';
import { benchBleDecoders, printBleDecoders } from './ble-decoders';
import { benchCallLatency, printCallLatency } from './call-latency';
import { benchDecoderThroughput, printDecoderThroughput } from './decoder-throughput';
import { benchExportFhir, printExportFhir } from './export-fhir';
import { benchExportPdf, printExportPdf } from './export-pdf';
import { benchLatency, printLatency } from './latency';
import { benchMemory, printMemory } from './memory';
import { benchMultiDevice, printMultiDevice } from './multi-device';
import { benchNetwork, printNetwork } from './network';
import { benchProbe, printProbe } from './probe';
import { benchRecords, printRecords } from './records';
import { benchRenderer, printRenderer } from './renderer';
import { benchRendezvous, printRendezvous } from './rendezvous';
import { benchVitalsChannel, printVitalsChannel, printVitalsWindows } from './vitals-channel';

/**
 * `npm run bench`: the figures the issues name, measured on this machine. Never a timed test: the
 * numbers are printed for the notes, and the process fails only if a measurement cannot be taken.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  console.log(
    `Teleconsult Station benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
  );
  if (want('decoders')) printDecoderThroughput(benchDecoderThroughput());
  if (want('probe')) printProbe(await benchProbe());
  if (want('ble')) printBleDecoders(benchBleDecoders());
  if (want('latency')) printLatency(await benchLatency());
  if (want('vitals')) {
    const vitals = benchVitalsChannel();
    printVitalsChannel(vitals);
    printVitalsWindows(vitals);
  }
  if (want('call')) printCallLatency(await benchCallLatency());
  if (want('memory')) printMemory(await benchMemory());
  if (want('multi')) printMultiDevice(await benchMultiDevice());
  if (want('records')) printRecords([await benchRecords(30, true), await benchRecords(30, false)]);
  if (want('report')) printExportPdf(await benchExportPdf());
  if (want('fhir')) printExportFhir(benchExportFhir());
  if (want('renderer')) printRenderer(await benchRenderer());
  // Thousands of sockets and four processes: only when named (`npm run bench -- rendezvous`).
  if (only.includes('rendezvous')) printRendezvous(await benchRendezvous());
  // The network lab needs root and ~15 minutes: only when named (`npm run bench -- network`).
  if (only.includes('network')) {
    const profile = process.env['NETLAB_PROFILE'] === 'short' ? 'short' : 'full';
    printNetwork(profile, await benchNetwork(profile));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
