import { WebSocket } from 'ws';
import { CONSULTATION_START } from '../../../helpers/consultation-start';
import { apiSocketUrl, startStationHost, type StationHost } from '../../station-host';
import type { LabCertificate } from './certificate';
import type { LabCoturn } from './lab-coturn';

/**
 * The station's Node host on the lab's host address, over TLS (it serves nothing beyond loopback
 * in clear), with a simulated oximeter, the lab coturn's URLs and secret, and a consultation open
 * (no consent, no call). Both pages load from it: the station's, and the doctor's invite page.
 */
export async function startLabHost(
  hostAddress: string,
  certificate: LabCertificate,
  coturn: LabCoturn,
): Promise<StationHost> {
  // The host reads the TURN secret from its environment only (never a command line).
  process.env['STATION_TURN_SECRET'] = coturn.secret;
  let host: StationHost;
  try {
    host = await startStationHost([
      '--simulate',
      '--host',
      hostAddress,
      '--cert',
      certificate.certFile,
      '--key',
      certificate.keyFile,
    ]);
  } finally {
    delete process.env['STATION_TURN_SECRET'];
  }
  try {
    await callLabHostApi(host.url, certificate, 'settings.update', { turnUrls: coturn.urls });
    await callLabHostApi(host.url, certificate, 'consultation.start', CONSULTATION_START);
  } catch (error) {
    await host.stop();
    throw error;
  }
  return host;
}

/** One backend API call over the host's WebSocket, trusting exactly the lab's certificate. */
export async function callLabHostApi(
  pageUrl: string,
  certificate: LabCertificate,
  method: string,
  params: object,
): Promise<unknown> {
  const socket = new WebSocket(apiSocketUrl(pageUrl), {
    origin: new URL(pageUrl).origin,
    ca: certificate.pem,
  });
  await new Promise((done, fail) => socket.once('open', done).once('error', fail));
  try {
    const reply = new Promise<{ result: { ok: boolean; value?: unknown; error?: unknown } }>((done) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { id?: number };
        if (message.id === 1) done(message as { result: { ok: boolean; value?: unknown } });
      }),
    );
    socket.send(JSON.stringify({ id: 1, method, params }));
    const { result } = await reply;
    if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  } finally {
    socket.close();
  }
}
