import type { DiscoveredPort, PortLister } from '../discovery/discovered-port';
import { candidatesForPort } from '../discovery/port-candidates';
import { DEFAULT_PORT_LISTERS } from '../discovery/serial-port-lister';

/** A port some bus reports, with the protocols whose drivers may match its USB ids. */
export interface ListedPort extends DiscoveredPort {
  readonly candidates: readonly string[];
}

/** Ports of every bus with their candidate drivers (registry lookup): `station devices`. */
export async function listPortsWithCandidates(
  listers: readonly PortLister[] = DEFAULT_PORT_LISTERS,
): Promise<ListedPort[]> {
  const lists = await Promise.all(listers.map((lister) => lister()));
  return lists.flat().map((port) => ({
    ...port,
    candidates: candidatesForPort(port).map((driver) => driver.protocol),
  }));
}
