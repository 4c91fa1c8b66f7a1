/**
 * The gate's own check, step 3: every priority rewarded by each lever in use for the teams it
 * concerns. Not a rule of the catalog (a lint run does not report it, configuration cannot turn it
 * off), but documented like one: `explain lever-coverage` and docs/rules.md read `leverCoverageDoc`.
 */
import { LEVER_COVERAGE } from '../engine/check-ids.js';
import { listInOrder, listMetricsAndSegments } from '../engine/format.js';
import { PolicyIndex } from '../engine/lookups/policy-index.js';
import { priorityWaiverSnippet, type CheckDoc } from '../engine/rule-docs.js';
import type { Finding } from '../engine/run.js';
import { favoredMetricsOf } from '../engine/strategy/strategy-view.js';
import type { LoadedPolicy } from '../load/index.js';
import { RewardModel, type RewardEntry } from '../model/index.js';
import type { Lever, PriorityT } from '../schema.js';

export const leverCoverageDoc: CheckDoc = {
  meta: {
    id: LEVER_COVERAGE,
    category: 'strategic-alignment',
    summary: 'A priority that a lever in use for the teams it concerns (compensation, OKRs, promotions, recognition) does not reward',
    rationale:
      '"People don\'t do what you tell them to do. They do what they\'re measured on, bonused for, promoted for, and publicly recognized for." ' +
      'A priority that one of those levers leaves out is the one people learn to skip, so the strategy is not announced until every lever in use rewards it. ' +
      'A lever is asked where the priority matters: the levers of the teams whose own instruments reward what it favors, prefers or deprioritizes, and of company-wide instruments. ' +
      'One plan for one team does not make compensation a lever every priority must use, and the ladder of a team the priority does not concern is not asked to promote for it. ' +
      'A metric the priority prefers over another (prefer: [{ metric, over }]) counts as one it favors.',
    source:
      '"What role do incentives play in strategic alignment failures?" (WattNext), section "Why This Matters", and "What To Do Next", step 3 "Sequence changes correctly"',
    examples: {
      bad: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }
okrs:
  - id: sales-2026-h1
    team: sales
    key_results:
      - { metric: new-arr, target: "+20%" }   # sales is measured, but not on enterprise`,
      good: `compensation:
  - id: ae-2026
    team: sales
    commission:
      - { metric: enterprise-arr, segment: enterprise, rate: "10%" }
okrs:
  - id: sales-2026-h1
    team: sales
    key_results:
      - { metric: enterprise-arr, segment: enterprise, target: "+30%" }`,
      note: 'Each example is part of a policy: the rest is the base policy of rule tests (incentive-lint/testing), whose priority enterprise-growth favors enterprise and enterprise-arr.',
    },
  },
  where: 'gate, step 3',
  severity: 'error, always',
  runs:
    '`incentive-lint gate` and `incentive-lint report` run it as step 3 of the gate, "Every priority rewarded by each lever in use", and its findings make the verdict NO-GO. ' +
    'A plain lint run does not report it, and the configuration cannot turn it off or change its severity.',
  satisfy:
    'Reward the priority in at least one instrument of each lever the finding names: a commission line or bonus component (compensation), a key result (OKRs), ' +
    'a promotion criterion (promotions) or an award (recognition) on a metric or segment the priority favors, or a metric it prefers. ' +
    'A priority that favors nothing says what it favors first: favor: { metrics: [...] } or favor: { segments: [...] }.',
  exception: {
    text: 'Add a waiver to the policy that names the priority; the gate lists it with its owner and expiry, and the finding comes back when it expires:',
    yaml: priorityWaiverSnippet(LEVER_COVERAGE),
  },
};

const LEVER_NOUN: Record<Lever, string> = {
  compensation: 'compensation plan',
  okrs: 'OKR set',
  promotions: 'promotion ladder',
  recognition: 'recognition program',
};

/**
 * Step 3: a priority must be rewarded by at least one instrument of every lever in use where it
 * matters: the levers of the teams it concerns (see teamsConcerned) and of company-wide
 * instruments. "People do what they're measured on, bonused for, promoted for, and publicly
 * recognized for": a priority missing from one of those is the one people learn to skip. One plan
 * for one team does not make compensation a lever every priority must use.
 */
export function leverCoverage(loaded: LoadedPolicy, model = new RewardModel(new PolicyIndex(loaded.policy, loaded.sections))): Finding[] {
  const findings: Finding[] = [];
  const report = (priority: PriorityT, message: string, fix: string) => {
    const location = loaded.provenance.locate(priority, 'id');
    if (location)
      findings.push({
        rule: LEVER_COVERAGE,
        severity: 'error',
        category: 'strategic-alignment',
        message,
        fix,
        ...location,
        subject: priority.id,
      });
  };
  // The entries the matrix reads: the model's, those that have ended by its date left out.
  const entries = model.entries.filter((entry) => !model.ended(entry));
  for (const priority of loaded.policy.strategy.priorities) {
    // A metric the priority prefers over another is one it wants more of: rewarding it rewards the priority.
    const favored = { metrics: favoredMetricsOf(priority), segments: priority.favor?.segments ?? [] };
    if (favored.metrics.length + favored.segments.length === 0) {
      report(
        priority,
        `Priority ${priority.id} favors no metric or segment, so no instrument can reward it.`,
        `add favor: { metrics: [...] } or favor: { segments: [...] } to priority ${priority.id}`,
      );
      continue;
    }
    const levers = leversConcerning(model, entries, priority);
    const missing = levers.filter(
      (lever) => !entries.some((entry) => entry.line.instrument.lever === lever && entry.serves.includes(priority.id)),
    );
    if (missing.length === 0) continue;
    const nouns = missing.map((lever) => `no ${LEVER_NOUN[lever]}`);
    report(
      priority,
      `Priority ${priority.id} is rewarded by ${listInOrder(nouns, 'and')}: teams are told it matters but are not ${listInOrder(missing.map(verbOf), 'or')} for it.`,
      `reward ${listMetricsAndSegments(favored.metrics, favored.segments)} in ${listInOrder(
        missing.map((lever) => withArticle(LEVER_NOUN[lever])),
        'and',
      )}`,
    );
  }
  return findings;
}

/**
 * The levers in use for the teams `priority` concerns, and those of company-wide instruments; when
 * nothing rewards anything the priority names, every lever the policy uses (no lever rewards it,
 * and nothing says whom it concerns).
 */
function leversConcerning(model: RewardModel, entries: readonly RewardEntry[], priority: PriorityT): Lever[] {
  const { index } = model;
  const teams = teamsConcerned(entries, priority);
  const inUse = index.leversInUse();
  if (!teams) return inUse;
  const used = new Set<Lever>();
  for (const instrument of index.instruments) {
    const lines = index.rewardsOf(instrument);
    const companyWide = instrument.team === undefined && lines.every((reward) => reward.teams.length === 0);
    const concerned =
      (instrument.team !== undefined && teams.has(instrument.team)) || lines.some((reward) => reward.teams.some((team) => teams.has(team)));
    if (companyWide || concerned) used.add(instrument.lever);
  }
  return inUse.filter((lever) => used.has(lever));
}

/**
 * The teams a priority concerns: those whose own instruments (a plan, OKR set, ladder or program
 * with their `team`) reward or undermine it, through what it favors, prefers or deprioritizes. An
 * award of a company-wide program that names a team does not make the priority that team's job: a
 * plant crew recognized for on-time delivery to OEM accounts is not thereby to be promoted for
 * winning OEM contracts. Only when nothing but such awards touch the priority do their teams say
 * whom it concerns. Undefined when nothing touches it at all.
 */
function teamsConcerned(entries: readonly RewardEntry[], priority: PriorityT): Set<string> | undefined {
  const touching = entries.filter((entry) => entry.serves.includes(priority.id) || entry.undermines.includes(priority.id));
  if (touching.length === 0) return undefined;
  const owned = touching.filter((entry) => entry.line.instrument.team !== undefined);
  return new Set((owned.length > 0 ? owned : touching).flatMap((entry) => entry.teams));
}

function withArticle(noun: string): string {
  return `${/^[aeiou]|^OKR/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

function verbOf(lever: Lever): string {
  return { compensation: 'paid', okrs: 'measured', promotions: 'promoted', recognition: 'recognized' }[lever];
}
