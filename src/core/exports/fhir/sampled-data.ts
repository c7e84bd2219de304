import { UCUM_SYSTEM } from './codes';
import type { FhirObject } from './types';

/**
 * FHIR R4 SampledData for one contiguous run of samples. To keep 5 M samples compact, values are
 * written as integers: `factor` is the largest power of ten (10⁰ … 10⁻⁶) that makes every sample an
 * integer multiple of it, with origin 0 (value = origin + factor × datum). Samples the device
 * flagged invalid are written `E`. If no such factor exists the decimals are written as they are.
 */

const MAX_DECIMALS = 6;

export function sampledData(samples: readonly (number | null)[], rateHz: number, unit: string): FhirObject {
  const decimals = decimalsNeeded(samples);
  const scale = decimals === null ? 1 : 10 ** decimals;
  const data = new Array<string>(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i];
    if (sample == null || !Number.isFinite(sample)) data[i] = 'E';
    else data[i] = decimals === null ? String(sample) : String(Math.round(sample * scale));
  }
  return {
    origin: { value: 0, unit, system: UCUM_SYSTEM, code: unit },
    period: 1000 / rateHz,
    // factor 10^-d written exactly as a decimal ("0.001"), never as 0.0010000000000000002.
    ...(decimals === null || decimals === 0 ? {} : { factor: Number(`1e-${decimals}`) }),
    dimensions: 1,
    data: data.join(' '),
  };
}

/** The fewest decimals that represent every finite sample exactly; null if more than 6 are needed. */
function decimalsNeeded(samples: readonly (number | null)[]): number | null {
  let decimals = 0;
  let scale = 1;
  for (const sample of samples) {
    if (sample == null || !Number.isFinite(sample)) continue;
    while (Math.round(sample * scale) / scale !== sample) {
      if (decimals === MAX_DECIMALS) return null;
      decimals++;
      scale *= 10;
    }
  }
  return decimals;
}

/**
 * Decodes SampledData.data back to values (for tests and any reader of our bundles). A factor of
 * 10⁻ᵈ is applied as a division by 10ᵈ, which gives back exactly the decimals that were recorded
 * (1100 / 1000 is 1.1; 1100 × 0.001 is 1.1000000000000001).
 */
export function decodeSampledData(data: string, origin: number, factor = 1): (number | null)[] {
  const inverse = Math.round(1 / factor);
  const divide = factor < 1 && Math.abs(1 / factor - inverse) < 1e-9;
  return data.split(' ').map((datum) => {
    if (datum === 'E' || datum === 'L' || datum === 'U') return null;
    return origin + (divide ? Number(datum) / inverse : factor * Number(datum));
  });
}
