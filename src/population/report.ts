/**
 * `simulate --population`: every plan with a quota priced over a sales force, as data (JSON: a
 * contract, fields added never renamed within version 1) and as text or markdown.
 *
 * JSON: {version: 1, kind: "population", seed, draws, distribution: {median, sigma}, date, currency,
 * behaviour: "mechanical", plans: [{plan, team, file, line, column, ...PopulationStats} |
 * {plan, team, file, line, column, skipped}]}.
 */
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { formatMoney, formatShare } from '../engine/format.js';
import type { LoadedPolicy } from '../load/index.js';
import { markdownText } from '../output/neutralize.js';
import {
  canModel,
  drawAttainments,
  populationStats,
  rosterAttainments,
  rosterHeadcount,
  type AttainmentDistribution,
  type PopulationStats,
} from './model.js';

export interface PopulationOptions {
  seed: number;
  draws: number;
  distribution: AttainmentDistribution;
  date?: string;
  plan?: string;
  /** Ignore the roster's attainments even where it gives them. */
  ignoreRoster?: boolean;
}

interface PopulationPlan extends Partial<PopulationStats> {
  plan: string;
  team: string | null;
  file?: string;
  line?: number;
  column?: number;
  /** Why the plan was not priced. */
  skipped?: string;
}

export interface PopulationReport {
  version: 1;
  kind: 'population';
  seed: number;
  draws: number;
  distribution: AttainmentDistribution;
  date: string | null;
  currency: string | null;
  behaviour: 'mechanical';
  plans: PopulationPlan[];
}

const BEHAVIOUR_NOTE =
  'Behaviour is mechanical: attainment is taken as given, not as a response to the plan (the research on how much people respond to pay is mixed), so read these figures as ranges, not forecasts.';

export function buildPopulationReport(
  loaded: LoadedPolicy,
  options: PopulationOptions,
  index = new PolicyIndex(loaded.policy, loaded.sections),
): PopulationReport {
  const roster = loaded.policy.roster ?? [];
  // One set of draws serves every plan: the same sales force, and the cost of drawing it paid once.
  let drawn: Float64Array | undefined;
  const plans: PopulationPlan[] = [];
  for (const plan of loaded.policy.compensation) {
    if (options.plan !== undefined && plan.id !== options.plan) continue;
    const location = loaded.provenance.locate(plan);
    const base: PopulationPlan = {
      plan: plan.id,
      team: plan.team ?? null,
      ...(location && { file: location.file, line: location.line, column: location.column }),
    };
    if (!canModel(plan)) {
      plans.push({ ...base, skipped: 'the plan has no quota to measure attainment against' });
      continue;
    }
    const fromRoster = options.ignoreRoster ? undefined : rosterAttainments(roster, plan.id);
    const headcount = rosterHeadcount(roster, plan.id);
    const attainments = fromRoster ?? (drawn ??= drawAttainments(options.distribution, options.draws, options.seed));
    const stats = populationStats(index.payoutOf(plan), attainments, {
      source: fromRoster ? 'roster' : 'distribution',
      ...(options.date !== undefined && { date: options.date }),
      ...(headcount !== undefined && { headcount }),
    });
    plans.push({ ...base, ...stats });
  }
  return {
    version: 1,
    kind: 'population',
    seed: options.seed,
    draws: options.draws,
    distribution: options.distribution,
    date: options.date ?? null,
    currency: loaded.policy.currency ?? null,
    behaviour: 'mechanical',
    plans,
  };
}

const share = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatShare(value));
const money = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatMoney(value));
const multiple = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${value.toFixed(2)}×`);

/** The figures of one plan, as label–value rows (the same in text and markdown). */
function rows(plan: PopulationPlan): [string, string][] {
  return [
    ['sellers', `${plan.sellers} (${plan.source === 'roster' ? "the roster's attainments" : 'drawn'})`],
    ['attainment P10 / P50 / P90', `${share(plan.attainment?.p10)} / ${share(plan.attainment?.p50)} / ${share(plan.attainment?.p90)}`],
    ['pay per seller P10 / P50 / P90', `${money(plan.pay?.p10)} / ${money(plan.pay?.p50)} / ${money(plan.pay?.p90)}`],
    ['mean pay per seller', money(plan.pay?.mean)],
    ['total payout (roster headcount × mean)', money(plan.totalPayout)],
    ['cost of sales (pay ÷ bookings)', share(plan.costOfSales)],
    ['earning nothing', share(plan.shareEarningNothing)],
    ['at or above quota', share(plan.shareAtOrAboveQuota)],
    ['at the cap', plan.shareAtCap === null ? 'no cap' : share(plan.shareAtCap)],
    ['P90 pay ÷ target incentive', multiple(plan.p90MultipleOfTarget)],
    [
      'average-attainment shortcut',
      plan.accrual
        ? `${money(plan.accrual.shortcut)} per seller (${plan.accrual.error === null ? '–' : `${plan.accrual.error >= 0 ? '+' : ''}${formatShare(plan.accrual.error)}`} against the mean pay)`
        : '–',
    ],
  ];
}

function header(report: PopulationReport): string {
  const { median, sigma } = report.distribution;
  return `Sales-force model: ${report.draws} draws of attainment, lognormal with median ${formatShare(median)} of quota and sigma ${sigma}, seed ${report.seed}; a roster's attainments replace the draws for its plans.${report.currency ? ` Money in ${report.currency}, per year.` : ''}\n${BEHAVIOUR_NOTE}`;
}

export function renderPopulation(report: PopulationReport, format: 'stylish' | 'json' | 'markdown'): string {
  if (format === 'json') return `${JSON.stringify(report)}\n`;
  if (format === 'markdown') {
    const sections = report.plans.map((plan) => {
      const title = `### Plan ${markdownText(plan.plan)}${plan.team ? ` (team ${markdownText(plan.team)})` : ''}`;
      if (plan.skipped) return `${title}\n\nNot modelled: ${markdownText(plan.skipped)}.`;
      return `${title}\n\n| figure | value |\n| --- | ---: |\n${rows(plan)
        .map(([label, value]) => `| ${label} | ${markdownText(value)} |`)
        .join('\n')}`;
    });
    return `## Sales-force model\n\n${markdownText(header(report))}\n\n${sections.join('\n\n')}\n`;
  }
  const sections = report.plans.map((plan) => {
    const where = plan.file ? `  ${plan.file}:${plan.line}:${plan.column}` : '';
    if (plan.skipped) return `Plan ${plan.plan}${where}\n  not modelled: ${plan.skipped}`;
    const width = Math.max(...rows(plan).map(([label]) => label.length));
    return `Plan ${plan.plan}${plan.team ? ` (team ${plan.team})` : ''}${where}\n${rows(plan)
      .map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)
      .join('\n')}`;
  });
  return `${header(report)}\n\n${sections.join('\n\n')}\n`;
}
