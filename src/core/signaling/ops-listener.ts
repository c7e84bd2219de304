import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeHttp, listen, listeningUrl } from './http-listen';
import type { OpsEndpoints } from './ops-endpoints';

/**
 * A second, plain-HTTP listener for the operations endpoints only (/healthz, /readyz, /metrics):
 * bound to loopback or a private interface, it lets Prometheus scrape a node without /metrics ever
 * being reachable from the internet on the node's public port. Every other path is a 404.
 */
export interface RunningOpsListener {
  readonly url: string;
  close(): Promise<void>;
}

export async function startOpsListener(options: {
  readonly host: string;
  readonly port: number;
  readonly ops: OpsEndpoints;
}): Promise<RunningOpsListener> {
  const server = createServer((request, response) => {
    if (options.ops(request, response)) return;
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end('Not Found');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await listen(server, options.host, options.port);
  return { url: listeningUrl(server.address() as AddressInfo), close: () => closeHttp(server) };
}
