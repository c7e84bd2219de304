import type { BrowserType } from 'playwright-core';
import type { StationHost } from '../../station-host';
import { launchLabBrowsers, type LabBrowsers } from './browsers';
import { makeCertificate, type LabCertificate } from './certificate';
import { startLabCoturn, type LabCoturn } from './lab-coturn';
import { startLabHost } from './lab-host';
import { impairmentOf, type LinkImpairment } from './link-impairment';
import { createNetLab, type NetLab } from './netns';

/**
 * Everything a network scenario needs, built in order and torn down in reverse, even when a step
 * fails half way: the namespace and veth, the certificate, coturn, the station's host, the two
 * Chromiums.
 */
export interface LabEnv {
  readonly lab: NetLab;
  readonly link: LinkImpairment;
  readonly certificate: LabCertificate;
  readonly coturn: LabCoturn;
  readonly host: StationHost;
  readonly browsers: LabBrowsers;
  /** The host's https port, for firewalls that let only it and TURN through. */
  readonly hostPort: number;
  destroy(): Promise<void>;
}

export async function createLabEnv(chromium: BrowserType): Promise<LabEnv> {
  const undo: (() => Promise<unknown>)[] = [];
  const destroy = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const step of undo.splice(0).reverse()) await step().catch((error: unknown) => errors.push(error));
    if (errors.length > 0) throw new AggregateError(errors, 'network lab teardown');
  };
  try {
    const lab = await createNetLab();
    undo.push(() => lab.destroy());
    const link = await impairmentOf(lab);
    const certificate = await makeCertificate(lab.hostAddress);
    undo.push(() => certificate.remove());
    const coturn = await startLabCoturn(lab.hostAddress, [lab.hostAddress, lab.doctorAddress], certificate);
    undo.push(() => coturn.stop());
    const host = await startLabHost(lab.hostAddress, certificate, coturn);
    undo.push(() => host.stop());
    const browsers = await launchLabBrowsers(chromium, lab);
    undo.push(() => browsers.close());
    const hostPort = Number(new URL(host.url).port);
    return { lab, link, certificate, coturn, host, browsers, hostPort, destroy };
  } catch (error) {
    await destroy().catch(() => undefined);
    throw error;
  }
}
