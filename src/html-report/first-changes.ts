/**
 * The two or three changes to make first, for the verdict box: one per instrument (or priority)
 * with findings, in plain words, ranked by what is at stake. For a compensation plan, the share of
 * the team's pay that works against a priority: the bonus weight of components on what the
 * strategy deprioritizes, and the commission part of variable pay when the best-paid choice (the
 * simulation) or the rate-weighted share of commission lines is deprioritized; of on-target pay
 * when the plan gives variable_share. Other levers rank after pay, by the share of their lines
 * against a priority. Each is multiplied by the team's headcount where the policy gives one.
 */
import type { IncentiveLine } from '../engine/lookups/lines.js';
import type { Finding } from '../engine/run.js';
import type { SimulationReport } from '../payout/report.js';
import type { Lever } from '../schema.js';
import { ownerOf, type ReportModel } from './model.js';
import { namesOf } from './names.js';
import { groupBy } from '../group-by.js';

export interface FirstChange {
  /** The instrument or subject id the change is about. */
  owner: string;
  /** The change in plain words. */
  text: string;
  /** What is at stake, for ranking: the share of pay against a priority × the people it pays. */
  stake: number;
  /** The first finding behind it, for the link. */
  finding: Finding;
}

/** Recognition, OKRs and ladders shape behaviour, but a share of them weighs less than a share of pay. */
const NON_PAY_WEIGHT = 0.25;
const LINE_NOUN: Record<Lever, [string, string]> = {
  compensation: ['line', 'lines'],
  okrs: ['key result', 'key results'],
  promotions: ['promotion criterion', 'promotion criteria'],
  recognition: ['award', 'awards'],
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

export function firstChanges(model: ReportModel, pay: SimulationReport, limit = 3): FirstChange[] {
  const { index } = model;
  const names = namesOf(model);
  const priorities = [...index.priorities.values()];
  // What a line works against, as the model (and so the heatmap) says: its entries not ended by the judged date.
  const current = (line: IncentiveLine) => model.rewards.entriesOf(line).filter((entry) => !model.rewards.ended(entry));
  const undermined = (line: IncentiveLine) =>
    priorities.filter((priority) => current(line).some((entry) => entry.undermines.includes(priority.id)));
  // A line that names no segment undermines through the segment its plan pays most for.
  const paysMostFor = (line: IncentiveLine) => [...new Set(current(line).flatMap((entry) => entry.paysMostFor ?? []))];
  const byOwner = new Map<string, Finding[]>();
  groupBy(
    model.findings.filter((finding) => ownerOf(finding) !== undefined && finding.severity !== 'info'),
    (finding) => ownerOf(finding)!,
    byOwner,
  );
  const changes: FirstChange[] = [];
  for (const [owner, findings] of byOwner) {
    // The fix that changes what the instrument rewards comes first: a strategic-alignment finding, else the first.
    const first = findings.find((finding) => finding.category === 'strategic-alignment') ?? findings[0]!;
    const fix = sentence(first.fix);
    const instrument = index.instrumentById.get(owner);
    if (!instrument) {
      changes.push({ owner, finding: first, stake: findings.length * 1e-3, text: `${names.subject(owner)}: ${sentence(first.message)}` });
      continue;
    }
    const lines = index.rewardsOf(instrument);
    const against = lines.filter((line) => undermined(line).length > 0);
    const team = instrument.team === undefined ? undefined : index.teams.get(instrument.team);
    const people = team?.headcount;
    const who = [team ? names.team(team.id) : undefined, people ? `${people} ${people === 1 ? 'person' : 'people'}` : undefined]
      .filter(Boolean)
      .join(', ');
    const title = `${names.instrument(owner)}${who ? ` (${who})` : ''}`;
    const deprioritizedBy = [...new Set(against.flatMap(undermined).map((priority) => names.priority(priority.id)))];
    const what = [
      ...new Set(
        against.flatMap((line) =>
          line.segment !== undefined
            ? [names.segment(line.segment)]
            : paysMostFor(line).length > 0
              ? paysMostFor(line).map((segment) => names.segment(segment))
              : line.metric !== undefined
                ? [names.metric(line.metric)]
                : [],
        ),
      ),
    ];
    let share = 0;
    let text: string;
    if (instrument.lever === 'compensation') {
      const plan = model.loaded.policy.compensation.find((candidate) => candidate.id === owner)!;
      const simulated = pay.plans.find((candidate) => candidate.plan === owner);
      const bonus = lines.filter((line) => line.component === 'bonus');
      const commission = lines.filter((line) => line.component === 'commission');
      const bonusTotal = bonus.reduce((sum, line) => sum + (line.weight ?? 0), 0);
      const bonusAgainst = bonus.filter((line) => against.includes(line)).reduce((sum, line) => sum + (line.weight ?? 0), 0);
      const rateOf = (line: IncentiveLine) => line.rate ?? 1;
      const commissionRates = commission.reduce((sum, line) => sum + rateOf(line), 0);
      let commissionAgainst =
        commissionRates > 0
          ? commission.filter((line) => against.includes(line)).reduce((sum, line) => sum + rateOf(line), 0) / commissionRates
          : 0;
      const wrong = simulated?.verdict === 'misaligned' ? simulated.winners.find((winner) => winner.status === 'deprioritized') : undefined;
      if (wrong) {
        commissionAgainst = 1;
        const segment = names.segment(wrong.segment);
        if (!what.includes(segment)) what.unshift(segment);
        for (const priority of priorities) {
          const name = names.priority(priority.id);
          if ((priority.deprioritize?.segments ?? []).includes(wrong.segment) && !deprioritizedBy.includes(name))
            deprioritizedBy.push(name);
        }
      }
      const variableAgainst = bonusAgainst + (commission.length > 0 ? Math.max(0, 1 - bonusTotal) : 0) * commissionAgainst;
      share = variableAgainst * (plan.variable_share ?? 1);
      const of = plan.variable_share !== undefined ? 'on-target pay' : 'variable pay';
      text =
        variableAgainst > 0
          ? `${title}: ${percent(share)} of ${of} rewards ${what.join(' and ') || 'what the strategy deprioritizes'}${deprioritizedBy.length > 0 ? `, which ${deprioritizes(deprioritizedBy)}` : ', which the strategy deprioritizes'}. ${fix}`
          : `${title}: ${sentence(first.message)} ${fix}`;
    } else {
      share = lines.length > 0 ? (against.length / lines.length) * NON_PAY_WEIGHT : 0;
      const [one, many] = LINE_NOUN[instrument.lever];
      text =
        against.length > 0
          ? `${title}: ${against.length} of ${lines.length} ${lines.length === 1 ? one : many} reward${against.length === 1 ? 's' : ''} ${what.join(' and ')}${deprioritizedBy.length > 0 ? `, which ${deprioritizes(deprioritizedBy)}` : ''}. ${fix}`
          : `${title}: ${sentence(first.message)} ${fix}`;
    }
    changes.push({ owner, finding: first, stake: share * (people ?? 1) + findings.length * 1e-3, text });
  }
  return changes.sort((a, b) => b.stake - a.stake || a.owner.localeCompare(b.owner)).slice(0, limit);
}

/** "measure x instead" → "Measure x instead." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/** ["Enterprise growth"] → "Enterprise growth deprioritizes"; two → "A and B deprioritize". */
function deprioritizes(priorities: readonly string[]): string {
  return `${priorities.join(' and ')} ${priorities.length === 1 ? 'deprioritizes' : 'deprioritize'}`;
}
