import calibrationFile from './calibration.json';
import type { Calibration } from './fusion';

/** Score distributions and decision thresholds measured by `npm run bench -- sbms-calibrate` (docs/sbms.md). */
export const DEFAULT_CALIBRATION = calibrationFile as Calibration;
