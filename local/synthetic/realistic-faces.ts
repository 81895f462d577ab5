import { mulberry32 } from '../../functions/sbms/domain/random';
import { gaussianSource, mix } from './biometrics';

/**
 * Seeded face embeddings shaped like a real extractor's, for `bench sbms --data realistic` and the
 * calibration: not isotropic Gaussians.
 * - **Anisotropic, with a shared mean.** A person's identity vector is `mean + basis * (sqrt(spectrum) * g)`:
 *   a random orthonormal basis of `components` directions, a spectrum decaying as exp(-j / decay)
 *   (effective dimension (sum l)^2 / sum l^2 ~ 2 * decay), and a mean direction shared by everyone, so that
 *   two different persons' templates have cosines of mean ~0.1 and sd ~0.08.
 * - **Enrolment** (a passport or visa photo): the identity vector plus a little isotropic noise (cosine ~0.96).
 * - **Live captures** at a border: a chosen cosine to the enrolled template, drawn from 0.25-0.9 (a quarter of
 *   them poor captures at 0.25-0.5), the rest of the vector capture noise: anisotropic (a second basis and
 *   spectrum of its own, partly in the identity directions) plus isotropic noise.
 * - **Lookalikes**: a share of enrolled persons resembles another enrolled person (templates at cosine
 *   ~0.4-0.6), and a share of the non-enrolled probes resembles an enrolled person.
 * Everything is a pure function of (seed, person, capture number).
 */
export interface RealisticFaceOptions {
  dim: number;
  seed: number;
  /** Enrolled persons are 0..gallerySize-1; non-enrolled probes are persons from gallerySize on. */
  gallerySize: number;
}

export interface MatedCapture {
  vector: Float32Array;
  /** Cosine of this capture to the person's enrolled template. */
  mateCosine: number;
}

export interface RealisticFaces {
  readonly parameters: Record<string, number>;
  /** The enrolled template (unit length) of person `id`. */
  enrolled(id: number): Float32Array;
  /** Live capture number `capture` of enrolled person `id`. */
  mated(id: number, capture: number): MatedCapture;
  /** Live capture of non-enrolled person `k` (k = 0, 1, ...); some resemble an enrolled person. */
  nonMated(k: number): Float32Array;
}

const PARAMETERS = {
  components: 192,
  decay: 60,
  sharedMeanSquared: 0.12,
  enrolmentNoise: 0.08,
  poorCaptureShare: 0.25,
  poorCosine: [0.25, 0.5],
  goodCosine: [0.5, 0.9],
  noiseInIdentityDirections: 0.1,
  noiseAnisotropicShare: 0.6,
  noiseDecay: 100,
  galleryLookalikeShare: 0.02,
  nonMatedLookalikeShare: 0.05,
  lookalikeCorrelation: [0.36, 0.61],
} as const;

export function createRealisticFaces(options: RealisticFaceOptions): RealisticFaces {
  const { dim, seed, gallerySize } = options;
  const p = PARAMETERS;
  const components = Math.min(dim, p.components);
  const spectrum = decayingSpectrum(components, p.decay);
  const noiseSpectrum = decayingSpectrum(components, p.noiseDecay);
  const identityBasis = orthonormalBasis(dim, components, mix(seed, 0xba5e));
  const noiseBasis = orthonormalBasis(dim, components, mix(seed, 0x0153));
  const meanDirection = unit(gaussians(dim, mix(seed, 0x3ea7)));
  const mean = meanDirection.map((x) => x * Math.sqrt(p.sharedMeanSquared));

  /** Identity coefficients (whitened) of person `id`; lookalikes share part of them with a partner. */
  const coefficients = (id: number, depth = 0): Float32Array => {
    const own = gaussians(components, mix(seed, id, 0x1d));
    const random = mulberry32(mix(seed, id, 0x100c));
    const isLookalike = id < gallerySize && id > 0 && random() < p.galleryLookalikeShare;
    if (!isLookalike || depth > 0) return own;
    return blend(coefficients(id - 1, 1), own, between(random(), p.lookalikeCorrelation));
  };
  const identity = (z: Float32Array) => {
    const out = Float32Array.from(mean);
    combine(identityBasis, z, spectrum, out);
    return out;
  };
  const enrolledOf = (id: number, z: Float32Array) => {
    const s = identity(z);
    addIsotropic(s, Math.sqrt(p.enrolmentNoise * squaredNorm(s)), mix(seed, id, 0xe0));
    return unit(s);
  };
  /** A capture of the person enrolled as `template` with cosine `cosine` to it. */
  const capture = (template: Float32Array, cosine: number, noiseSeed: number) => {
    const noise = new Float32Array(dim);
    const structured = gaussians(components, mix(noiseSeed, 1));
    combine(noiseBasis, structured, noiseSpectrum, noise, Math.sqrt(p.noiseAnisotropicShare));
    const inIdentity = gaussians(components, mix(noiseSeed, 2));
    combine(identityBasis, inIdentity, spectrum, noise, Math.sqrt(p.noiseInIdentityDirections));
    const isotropicShare = 1 - p.noiseAnisotropicShare - p.noiseInIdentityDirections;
    addIsotropic(noise, Math.sqrt(isotropicShare), mix(noiseSeed, 3));
    const along = dot(noise, template);
    for (let i = 0; i < dim; i++) noise[i]! -= along * template[i]!;
    const direction = unit(noise);
    const sine = Math.sqrt(1 - cosine * cosine);
    return Float32Array.from(template, (x, i) => cosine * x + sine * direction[i]!);
  };
  const drawCosine = (random: () => number) =>
    between(random(), random() < p.poorCaptureShare ? p.poorCosine : p.goodCosine);

  return {
    parameters: {
      components,
      effectiveDimension: effectiveDimension(spectrum),
      noiseEffectiveDimension: effectiveDimension(noiseSpectrum),
      sharedMeanSquared: p.sharedMeanSquared,
      poorCaptureShare: p.poorCaptureShare,
      galleryLookalikeShare: p.galleryLookalikeShare,
      nonMatedLookalikeShare: p.nonMatedLookalikeShare,
    },
    enrolled: (id) => enrolledOf(id, coefficients(id)),
    mated(id, number) {
      const random = mulberry32(mix(seed, id, 0xca9, number));
      const mateCosine = drawCosine(random);
      const template = enrolledOf(id, coefficients(id));
      return { vector: capture(template, mateCosine, mix(seed, id, 0x5e55, number)), mateCosine };
    },
    nonMated(k) {
      const id = gallerySize + k;
      const random = mulberry32(mix(seed, id, 0xca9));
      let z = gaussians(components, mix(seed, id, 0x1d));
      if (gallerySize > 0 && random() < p.nonMatedLookalikeShare) {
        const partner = Math.floor(random() * gallerySize);
        z = blend(coefficients(partner), z, between(random(), p.lookalikeCorrelation));
      }
      return capture(enrolledOf(id, z), drawCosine(random), mix(seed, id, 0x5e55));
    },
  };
}

const between = (u: number, [low, high]: readonly [number, number]) => low + (high - low) * u;

function decayingSpectrum(count: number, decay: number): Float64Array {
  const values = Float64Array.from({ length: count }, (_, j) => Math.exp(-j / decay));
  const total = values.reduce((a, b) => a + b, 0);
  return values.map((v) => v / total);
}

function effectiveDimension(spectrum: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const v of spectrum) {
    sum += v;
    squares += v * v;
  }
  return Math.round((sum * sum) / squares);
}

/** `correlation * a + sqrt(1 - correlation^2) * b` (whitened coefficients stay whitened). */
function blend(a: Float32Array, b: Float32Array, correlation: number): Float32Array {
  const rest = Math.sqrt(1 - correlation * correlation);
  return a.map((x, i) => correlation * x + rest * b[i]!);
}

/** out += scale * basis * (sqrt(spectrum) * z); the basis is stored column by column. */
function combine(
  basis: Float32Array,
  z: Float32Array,
  spectrum: Float64Array,
  out: Float32Array,
  scale = 1,
): void {
  const dim = out.length;
  for (let j = 0; j < z.length; j++) {
    const weight = scale * Math.sqrt(spectrum[j]!) * z[j]!;
    const base = j * dim;
    for (let i = 0; i < dim; i++) out[i]! += weight * basis[base + i]!;
  }
}

/** `count` orthonormal columns of length `dim` (Gram-Schmidt on Gaussian columns). */
function orthonormalBasis(dim: number, count: number, seed: number): Float32Array {
  const basis = new Float32Array(dim * count);
  const column = new Float64Array(dim);
  const draw = gaussianSource(seed);
  for (let j = 0; j < count; j++) {
    for (let i = 0; i < dim; i++) column[i] = draw();
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let projection = 0;
        for (let i = 0; i < dim; i++) projection += column[i]! * basis[k * dim + i]!;
        for (let i = 0; i < dim; i++) column[i]! -= projection * basis[k * dim + i]!;
      }
    }
    const norm = Math.hypot(...column);
    for (let i = 0; i < dim; i++) basis[j * dim + i] = column[i]! / norm;
  }
  return basis;
}

function addIsotropic(out: Float32Array, norm: number, seed: number): void {
  const draw = gaussianSource(seed);
  const scale = norm / Math.sqrt(out.length);
  for (let i = 0; i < out.length; i++) out[i]! += scale * draw();
}

function gaussians(count: number, seed: number): Float32Array {
  const draw = gaussianSource(seed);
  return Float32Array.from({ length: count }, draw);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

const squaredNorm = (v: Float32Array) => dot(v, v);

function unit(v: Float32Array): Float32Array {
  const norm = Math.sqrt(squaredNorm(v));
  return v.map((x) => x / norm);
}
