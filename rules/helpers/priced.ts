/** Commission lines whose rate is known: a quota plan may leave a line's rate to its quota. */
import type { IncentiveLine, PricedLine } from '../../src/api.js';

export function isPriced(line: IncentiveLine): line is PricedLine {
  return line.component === 'commission' && line.rate !== undefined;
}
