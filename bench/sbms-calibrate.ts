// `npm run bench -- sbms-calibrate [--persons 4000] [--impostor-pairs 400000] [--seed 7] [--verify-fmr 0.0001] [--identify-fmr 1e-9] [--face-data realistic]`
// Fits the per-modality genuine/impostor score distributions on synthetic captures (faces from bench sbms's
// realistic data by default: enrolled templates against live captures; fingers from the platform's synthetic
// biometrics, the only finger data there is), sets the decision
// thresholds from measured fused scores (fit and threshold on disjoint halves) and writes the calibration file.
// The 1:N threshold must hold in galleries far larger than any measurable impostor set, so it extrapolates the
// fitted impostor tail: the highest single-modality LLR an impostor reaches at `--identify-fmr` (default 1e-9
// per comparison: ~1% false positive identifications in a 10M gallery), and never below every measured impostor.
import { writeFile } from 'node:fs/promises';
import { DEFAULT_SBMS_CONFIG } from '../functions/sbms/domain/config';
import type { Calibration, ModalityCalibration } from '../functions/sbms/domain/fusion';
import {
  createScoreFusion,
  fitDistribution,
  rateAtOrAbove,
  thresholdAtFalseMatchRate,
} from '../functions/sbms/domain/fusion';
import { checkTemplate } from '../functions/sbms/domain/quality-gate';
import { mulberry32 } from '../functions/sbms/domain/random';
import type { ModalityKey, ModalityScores } from '../functions/sbms/domain/types';
import { MODALITY_KEYS } from '../functions/sbms/domain/types';
import { numberArg, type Options, progress } from '../local/cli';
import { createBiometricGenerator } from '../local/synthetic/biometrics';
import { createRealisticFaces } from '../local/synthetic/realistic-faces';
import { FACE_DATA, type FaceData } from './sbms-data';

export const CALIBRATION_FILE = 'functions/sbms/domain/calibration.json';

/** Probe compositions the thresholds must serve (finger 2 = right index, 7 = left index). */
const COMBINATIONS: Record<string, readonly ModalityKey[]> = {
  face: ['FACE'],
  twoIndexFingers: ['FP02', 'FP07'],
  tenFingers: MODALITY_KEYS.filter((m) => m !== 'FACE'),
  faceAndTenFingers: MODALITY_KEYS,
};

type Captures = Record<ModalityKey, Float32Array>[];

export const summary =
  'Fits the sBMS score distributions on synthetic captures and writes the decision thresholds.';

export const options: Options = {
  persons: { type: 'string', value: 'N', description: 'synthetic persons', default: '4000' },
  'impostor-pairs': { type: 'string', value: 'N', description: 'impostor comparisons', default: '400000' },
  seed: { type: 'string', value: 'S', description: 'random seed', default: '7' },
  'verify-fmr': { type: 'string', value: 'RATE', description: '1:1 false match rate', default: '0.0001' },
  'identify-fmr': {
    type: 'string',
    value: 'RATE',
    description: '1:N false match rate per comparison',
    default: '1e-9',
  },
  'face-data': {
    type: 'string',
    value: FACE_DATA.join('|'),
    description: 'face data the face scores are fitted on',
    default: 'realistic',
  },
  out: {
    type: 'string',
    value: 'FILE',
    description: 'calibration file',
    default: 'the sBMS calibration file',
  },
};

export async function run(args: Record<string, string>): Promise<object> {
  const persons = numberArg(args, 'persons', 4000);
  const impostorPairs = numberArg(args, 'impostor-pairs', 400_000);
  const seed = numberArg(args, 'seed', 7);
  const verifyFalseMatchRate = numberArg(args, 'verify-fmr', 1e-4);
  const identifyFalseMatchRate = numberArg(args, 'identify-fmr', 1e-9);
  const faceData = (args['face-data'] ?? 'realistic') as FaceData;
  if (!FACE_DATA.includes(faceData)) throw new Error(`--face-data must be one of ${FACE_DATA.join(', ')}`);
  const config = DEFAULT_SBMS_CONFIG;
  const generator = createBiometricGenerator(seed, config.dimensions);
  const faces = createRealisticFaces({ dim: config.dimensions.face, seed, gallerySize: persons });

  progress(`capturing ${persons} persons x ${MODALITY_KEYS.length} modalities, two sessions`);
  const capturesOf = (session: number): Captures =>
    Array.from({ length: persons }, (_, id) => {
      const person = generator.person(id);
      const out = {} as Record<ModalityKey, Float32Array>;
      for (const modality of MODALITY_KEYS) {
        if (modality === 'FACE' && faceData === 'realistic') {
          out.FACE = session === 0 ? faces.enrolled(id) : faces.mated(id, session).vector;
          continue;
        }
        const check = checkTemplate(modality, generator.capture(person, modality, { session }), config);
        if (!check.ok) throw new Error(`synthetic capture refused: ${check.refusal.detail}`);
        out[modality] = check.template.vector;
      }
      return out;
    });
  const enrolled = capturesOf(0);
  const probes = capturesOf(1);

  const random = mulberry32(seed);
  const pairs = Array.from({ length: impostorPairs }, () => {
    const a = Math.floor(random() * persons);
    const b = (a + 1 + Math.floor(random() * (persons - 1))) % persons;
    return [a, b] as const;
  });
  const scoresOf = (list: readonly (readonly [number, number])[]): ModalityScores[] =>
    list.map(([a, b]) => {
      const scores: ModalityScores = {};
      for (const modality of MODALITY_KEYS)
        scores[modality] = dot(enrolled[a]![modality], probes[b]![modality]);
      return scores;
    });
  progress(`scoring ${persons} genuine and ${impostorPairs} impostor pairs`);
  const genuine = scoresOf(Array.from({ length: persons }, (_, p) => [p, p] as const));
  const impostor = scoresOf(pairs);
  const half = <T>(list: readonly T[], part: 0 | 1) => list.filter((_, i) => i % 2 === part);

  const modalities = {} as Record<ModalityKey, ModalityCalibration>;
  for (const modality of MODALITY_KEYS) {
    modalities[modality] = {
      genuine: fitDistribution(half(genuine, 0).map((s) => s[modality]!)),
      impostor: fitDistribution(half(impostor, 0).map((s) => s[modality]!)),
    };
  }
  const fusion = createScoreFusion({ modalities, thresholds: { verify: 0, identify: 0 }, measured: {} });
  const fused = (scores: readonly ModalityScores[], combination: readonly ModalityKey[]) =>
    scores.map((s) => fusion.fuse(Object.fromEntries(combination.map((m) => [m, s[m]!]))));

  const evaluation = Object.entries(COMBINATIONS).map(([name, combination]) => ({
    name,
    genuine: fused(half(genuine, 1), combination),
    impostor: fused(half(impostor, 1), combination),
  }));
  const verify = Math.max(
    ...evaluation.map((e) => thresholdAtFalseMatchRate(e.impostor, verifyFalseMatchRate)),
  );
  const aboveEveryImpostor = Math.max(...evaluation.map((e) => thresholdAtFalseMatchRate(e.impostor, 0)));
  const z = normalUpperQuantile(identifyFalseMatchRate);
  const tail = Math.max(
    ...MODALITY_KEYS.map((m) => fusion.llr(m, modalities[m].impostor.mean + z * modalities[m].impostor.sd)),
  );
  const identify = Math.max(tail, aboveEveryImpostor);

  const measured: Record<string, number | string> = {
    command: `npm run bench -- sbms-calibrate --persons ${persons} --impostor-pairs ${impostorPairs} --seed ${seed} --verify-fmr ${verifyFalseMatchRate} --identify-fmr ${identifyFalseMatchRate} --face-data ${faceData}`,
    faceData:
      faceData === 'realistic'
        ? 'realistic: local/synthetic/realistic-faces.ts (bench sbms --data realistic), enrolled templates against live captures'
        : 'easy: local/synthetic/biometrics.ts',
    fingerprintData: 'easy: local/synthetic/biometrics.ts (no other finger data)',
    verifyFalseMatchRate,
    identifyFalseMatchRate,
    identifyTailThreshold: tail,
    identifyAboveEveryMeasuredImpostor: aboveEveryImpostor,
    genuineComparisonsPerCombination: half(genuine, 1).length,
    impostorComparisonsPerCombination: half(impostor, 1).length,
  };
  for (const e of evaluation) {
    measured[`${e.name}.falseMatchRateAtVerify`] = rateAtOrAbove(e.impostor, verify);
    measured[`${e.name}.falseNonMatchRateAtVerify`] = 1 - rateAtOrAbove(e.genuine, verify);
    measured[`${e.name}.falseNonMatchRateAtIdentify`] = 1 - rateAtOrAbove(e.genuine, identify);
  }
  const calibration: Calibration = { modalities, thresholds: { verify, identify }, measured };
  const out = args.out ?? CALIBRATION_FILE;
  await writeFile(out, `${JSON.stringify(calibration, null, 2)}\n`);
  progress(`wrote ${out}`);
  return { out, thresholds: calibration.thresholds, ...measured };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** z with P(Z > z) = p for a standard normal Z, by bisection on the complementary error function. */
function normalUpperQuantile(p: number): number {
  let low = 0;
  let high = 40;
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (0.5 * erfc(middle / Math.SQRT2) > p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Complementary error function, fractional error < 1.2e-7 (Numerical Recipes `erfcc`). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}
