import type { SettingsStore } from '../settings/settings-store';
import { originOfRendezvousUrl } from '../signaling/call-service';
import type { CheckConfig } from './backend-check';

/**
 * The check's view of a host's signaling setup, the same choice the invites make: the rendezvous
 * server named in the settings, else the embedded one (this host, or null when it is not running);
 * TURN URLs from the settings plus the host's own, with the host's secret.
 */
export function hostCheckConfig(deps: {
  readonly settings: SettingsStore;
  /** The embedded rendezvous server's URL, or null when none runs. May throw before it listens. */
  readonly embeddedUrl: () => string | null;
  readonly turnUrls?: readonly string[];
  readonly turnSecret?: string;
}): CheckConfig {
  return {
    rendezvousOrigin() {
      const external = deps.settings.get().rendezvousUrl;
      if (external !== '') return originOfRendezvousUrl(external);
      const embedded = deps.embeddedUrl();
      return embedded === null ? null : new URL(embedded).origin;
    },
    turn() {
      const urls = [...new Set([...deps.settings.get().turnUrls, ...(deps.turnUrls ?? [])])];
      return { urls, ...(deps.turnSecret === undefined ? {} : { secret: deps.turnSecret }) };
    },
  };
}
