import { listPortsWithCandidates, type ListedPort } from '../../core/devices/port-listing';
import { parseCommandArgs } from '../args';
import { EXIT_OK } from '../cli-io';
import type { Command } from '../command';

const USAGE = `Usage: station devices [--json]

Lists the serial ports (and USB HID devices, where that lister is available) the OS reports, with
USB VID:PID and the drivers that may match. A match is a candidate: \`station probe PATH\` says which
protocol actually answers. (Pseudo-terminals such as \`station simulate\` creates are not listed.)

Options:
  --json       print a JSON array instead of a table
  -h, --help   show this help`;

export const devicesCommand: Command = {
  name: 'devices',
  summary: 'list serial and HID devices with VID:PID and candidate drivers',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { json: { type: 'boolean' } }, 0);
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const ports = await listPortsWithCandidates();
    if (values.json) {
      io.stdout.write(`${JSON.stringify(ports, null, 2)}\n`);
      return EXIT_OK;
    }
    if (ports.length === 0) {
      io.stdout.write('no serial or HID devices found\n');
      return EXIT_OK;
    }
    for (const port of ports) io.stdout.write(`${formatPort(port)}\n`);
    return EXIT_OK;
  },
};

export function formatPort(port: ListedPort): string {
  const usb =
    port.vendorId === undefined || port.productId === undefined
      ? '----:----'
      : `${hex4(port.vendorId)}:${hex4(port.productId)}`;
  const label = [port.manufacturer, port.product].filter(Boolean).join(' ');
  const serial = port.serialNumber ? ` #${port.serialNumber}` : '';
  const drivers = port.candidates.length > 0 ? port.candidates.join(', ') : 'no known driver';
  return `${port.transport.padEnd(6)} ${port.path}  ${usb}${label ? `  ${label}` : ''}${serial}  → ${drivers}`;
}

function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
