import type { MetricId } from '../../shared/domain/metrics';
import { DERIVED_LIMB_LEADS, MEASURED_LIMB_LEADS } from '../ecg/derived-leads';
import { ADS1299_GAINS, CHANNELS, DEFAULT_GAIN, type Ads1299Gain } from './constants';

/**
 * Which Cyton channel carries which ECG lead is a matter of how the electrodes are wired, not of
 * the protocol: the driver takes it as configuration. Channels not in the map are not emitted.
 */
export type LeadMap = Readonly<Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, MetricId>>>;

export const DEFAULT_LEAD_MAP: LeadMap = Object.freeze({
  1: 'MDC_ECG_ELEC_POTL_I',
  2: 'MDC_ECG_ELEC_POTL_II',
  3: 'MDC_ECG_ELEC_POTL_III',
});

/**
 * A Cyton's eight channels wired for a 12-lead ECG: the two independent limb leads and the six
 * precordial leads; III, aVR, aVL and aVF are computed from I and II (`deriveLimbLeads`).
 */
export const TWELVE_LEAD_MAP: LeadMap = Object.freeze({
  1: 'MDC_ECG_ELEC_POTL_I',
  2: 'MDC_ECG_ELEC_POTL_II',
  3: 'MDC_ECG_ELEC_POTL_V1',
  4: 'MDC_ECG_ELEC_POTL_V2',
  5: 'MDC_ECG_ELEC_POTL_V3',
  6: 'MDC_ECG_ELEC_POTL_V4',
  7: 'MDC_ECG_ELEC_POTL_V5',
  8: 'MDC_ECG_ELEC_POTL_V6',
});

export interface CytonOptions {
  readonly leadMap?: LeadMap;
  /**
   * Compute III, aVR, aVL, aVF from leads I and II (which the map must carry, and none of the
   * four): with TWELVE_LEAD_MAP, a 12-lead ECG from eight channels.
   */
  readonly deriveLimbLeads?: boolean;
  /** ADS1299 gain the board's channels are set to (24 after a soft reset). */
  readonly gain?: Ads1299Gain;
}

export interface MappedLead {
  /** 0-based channel index. */
  readonly channel: number;
  readonly metric: MetricId;
}

/** Validated, channel-ordered leads; throws a TypeError on a bad map (a configuration error). */
export function mappedLeads(leadMap: LeadMap = DEFAULT_LEAD_MAP): MappedLead[] {
  const leads: MappedLead[] = [];
  for (const [key, metric] of Object.entries(leadMap)) {
    const channel = Number(key);
    if (!Number.isInteger(channel) || channel < 1 || channel > CHANNELS) {
      throw new TypeError(`Cyton lead map: channel must be 1..${CHANNELS}, got ${key}`);
    }
    if (metric === undefined) continue;
    if (!metric.startsWith('MDC_ECG_ELEC_POTL')) {
      throw new TypeError(`Cyton lead map: channel ${channel} maps to ${metric}, not an ECG lead`);
    }
    if (leads.some((lead) => lead.metric === metric)) {
      throw new TypeError(`Cyton lead map: ${metric} is mapped to two channels`);
    }
    leads.push({ channel: channel - 1, metric });
  }
  if (leads.length === 0) throw new TypeError('Cyton lead map: no channel is mapped to a lead');
  return leads.sort((a, b) => a.channel - b.channel);
}

/**
 * The leads the decoder emits, in order, each from a channel or derived: with `deriveLimbLeads`,
 * I, II, III, aVR, aVL, aVF then the other mapped leads (the usual 12-lead order); else the mapped
 * leads in channel order. Throws a TypeError when derivation lacks I or II or would repeat a lead.
 */
export function outputLeads(options: CytonOptions = {}): (MappedLead | DerivedLead)[] {
  const mapped = mappedLeads(options.leadMap);
  if (options.deriveLimbLeads !== true) return mapped;
  const find = (metric: MetricId): MappedLead => {
    const lead = mapped.find((l) => l.metric === metric);
    if (lead === undefined) throw new TypeError(`Cyton lead map: deriving limb leads needs ${metric}`);
    return lead;
  };
  const [i, ii] = MEASURED_LIMB_LEADS.map(find);
  for (const metric of DERIVED_LIMB_LEADS) {
    if (mapped.some((l) => l.metric === metric))
      throw new TypeError(`Cyton lead map: ${metric} is derived, it cannot also come from a channel`);
  }
  return [
    i,
    ii,
    ...DERIVED_LIMB_LEADS.map((metric) => ({ channel: DERIVED, metric })),
    ...mapped.filter((lead) => lead !== i && lead !== ii),
  ];
}

/** The channel index of a lead computed from others. */
export const DERIVED = -1;
export interface DerivedLead {
  readonly channel: typeof DERIVED;
  readonly metric: MetricId;
}

export function checkGain(gain: number = DEFAULT_GAIN): Ads1299Gain {
  if (!(ADS1299_GAINS as readonly number[]).includes(gain)) {
    throw new TypeError(`Cyton gain must be one of ${ADS1299_GAINS.join(', ')}, got ${gain}`);
  }
  return gain as Ads1299Gain;
}
