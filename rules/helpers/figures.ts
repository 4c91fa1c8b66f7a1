/** How the goalpost rules word the figures of the sales-force model: a share or an attainment to the whole percent, a rank in words. */
import { formatPercent, roundToSteps, type Rounding } from '../../src/api.js';

/** 1.4618 → "146%", rounded as asked (up, so that a suggested cap lies above what it must). */
export function wholePercent(value: number, rounding: Rounding = 'nearest'): string {
  return formatPercent(roundToSteps(value, 100, rounding) / 100);
}

/** 1 → "1st", 12 → "12th", 23 → "23rd", 90 → "90th". */
export function ordinal(rank: number): string {
  const tens = rank % 100;
  return `${rank}${tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th')}`;
}

/** 0.9 → "90th-percentile". */
export function percentileName(share: number): string {
  return `${ordinal(Math.round(share * 100))}-percentile`;
}
