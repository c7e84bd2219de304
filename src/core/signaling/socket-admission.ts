/**
 * Which sockets the rendezvous keeps: at most `maxSockets` in all and `maxPerClient` per client
 * (an IPv4 address or an IPv6 /64, see client-key.ts), so one client cannot fill the server for
 * everyone else. Only admitted sockets are counted; a refused one is never, so a burst of refusals
 * leaves nothing behind. Each admission is released exactly once, however the socket ends.
 */
export interface AdmissionLimits {
  readonly maxSockets: number;
  readonly maxPerClient: number;
}

export type Admission = { readonly admitted: true; release(): void } | { readonly admitted: false };

export class SocketAdmission {
  private readonly perClient = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  get size(): number {
    return this.total;
  }

  countOf(client: string): number {
    return this.perClient.get(client) ?? 0;
  }

  wouldAdmit(client: string): boolean {
    return this.total < this.limits.maxSockets && this.countOf(client) < this.limits.maxPerClient;
  }

  admit(client: string): Admission {
    if (!this.wouldAdmit(client)) return { admitted: false };
    const count = this.countOf(client);
    this.perClient.set(client, count + 1);
    this.total += 1;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.total -= 1;
        const left = this.countOf(client) - 1;
        if (left > 0) this.perClient.set(client, left);
        else this.perClient.delete(client);
      },
    };
  }
}
