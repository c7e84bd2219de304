import type { BackendClient } from '../../backend-client/backend-client';
import type { CallCredentials } from './call-session';

/** The station's side of the backend call API: its own rendezvous token, and consultant invites. */
export interface Invite {
  readonly consultantUrl: string;
  readonly expiresAt: string;
}

export async function stationCredentials(client: BackendClient): Promise<CallCredentials> {
  const { signalingUrl, token } = await client.call('call.join', {});
  return { signalingUrl, token };
}

export async function createInvite(client: BackendClient): Promise<Invite> {
  const invite = await client.call('call.invite', {});
  return { consultantUrl: invite.consultantUrl, expiresAt: String(invite.expiresAt) };
}
