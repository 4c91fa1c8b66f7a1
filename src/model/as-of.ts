/**
 * The one date every view judges the strategy at. lint, gate, matrix, the report and simulate all
 * resolve it here, so that the rational choice `simulate` prints is the one `rational-choice`
 * reports and the heatmap draws: an explicit date for the run (`simulate --date`), else the
 * announcement (`--announce`, else `strategy.announced`), else today.
 */

/** Where the judged date came from. */
type AsOfSource = 'date' | 'announce' | 'strategy.announced' | 'today';

export interface AsOf {
  date: string;
  source: AsOfSource;
}

export interface AsOfInputs {
  /** A date given for this run only (`simulate --date`). */
  date?: string;
  /** The announcement date given on the command line (`--announce`). */
  announce?: string;
  /** The policy's `strategy.announced`. */
  announced?: string;
  /** The current date (`--today`, else the clock). */
  today: string;
}

export function resolveAsOf(inputs: AsOfInputs): AsOf {
  if (inputs.date !== undefined) return { date: inputs.date, source: 'date' };
  if (inputs.announce !== undefined) return { date: inputs.announce, source: 'announce' };
  if (inputs.announced !== undefined) return { date: inputs.announced, source: 'strategy.announced' };
  return { date: inputs.today, source: 'today' };
}

/** Whether something that ends on `until` (inclusive) has ended by `date`: it is history then, and rewards nothing. */
export function endedBy(until: string | undefined, date: string | undefined): boolean {
  return until !== undefined && date !== undefined && until < date;
}
