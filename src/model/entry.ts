/**
 * One entry of a team's reward profile: one (metric, segment) a team is rewarded on through one line
 * of one instrument, with how strongly, when, how the number is made, what guards it, which
 * priorities it serves or undermines, and the YAML nodes behind it.
 */
import type { IncentiveLine } from '../engine/lookups/lines.js';
import type { MeasurementWindow, Ranking, Stakes } from './declared.js';
import type { TargetKind } from './targets.js';

/** How the team is rewarded: pay (commission, bonus), a quota plan's pay, OKR key results, promotion criteria, recognition awards. */
export type RewardLever = 'pay' | 'quota' | 'okr' | 'promotion' | 'recognition';

/** What the number counts, from the metric's declared type: a count (activity, output), an outcome, quality, speed, behavior. */
export type NumberKind = 'count' | 'outcome' | 'quality' | 'speed' | 'behavior' | 'undeclared';

export interface Strength {
  /**
   * The share of the lever the entry carries, between 0 and 1: of variable pay for pay and quota
   * (a bonus weight; a commission line's part of what the weights leave; a quota's weight), of the
   * key results of an OKR set, of the criteria of a ladder, of the awards of a program.
   */
  share: number;
  /** The share of on-target pay, where the plan declares variable_share (share × variable_share). */
  ofOnTargetPay?: number;
  /** The computation in words, such as "bonus weight 30% of variable pay × variable_share 50%". */
  basis: string;
  /**
   * What the line decides for the people on it: pay (a plan, an OKR set absent `stakes`), review (ratings,
   * promotion, careers: a ladder, an OKR set with stakes: review) or none (an OKR set declared not used
   * for pay or evaluation; recognition). Rules about what pay buys read it.
   */
  stakes?: Stakes;
}

export interface HowMade {
  kind: NumberKind;
  /** Declared vanity: a number that can rise while the business does not. */
  vanity: boolean;
  /** The level the line sets: a key result's target read as text; pay lines pay on the number itself (level). */
  target: TargetKind;
  /** The team rewarded on it produces or reports the number itself (`reported_by`). */
  selfReported: boolean;
  /** A rank against peers (`ranked`): zero-sum among them. */
  rankedAmongPeers?: Ranking;
  /** A fixed amount per item counted (`per_unit`). */
  perItem?: number;
  /** Paid through a pool multiplied by a rating (`pool.rating`): the pool's metric funds it. */
  ratingMultiplied?: { fundedBy: string };
  /** Measured over a window shorter than its period (`window`). */
  window?: MeasurementWindow;
  /** The metric subtracts what customers take away (`nets_churn`). */
  netsChurn: boolean;
  /** A named deliverable, done or not by its date (`deliverable: true`, or a key result whose target is one): not a count to inflate or a pace. */
  deliverable?: boolean;
}

export type GuardKind =
  /** The count only counts good units (`counts_only_good`). */
  | 'counts-only-good'
  /** The quality metric of the same units (`quality_measured_by`) is rewarded beside it for the same team. */
  | 'linked-quality'
  /** Another team accepts each item before it counts (`accepted_by`), and is rewarded on a result or its quality. */
  | 'accepted'
  /** A clawback of the plan takes back what misconduct or refunds earned. */
  | 'clawback'
  /** A guardrail key result in the same OKR set. */
  | 'guardrail'
  /** A quality line in the same instrument that no declaration ties to these units (a general survey beside a count). */
  | 'quality-beside';

export interface Guard {
  kind: GuardKind;
  metric?: string;
  team?: string;
  /** The guard's own strength in the instrument (for a quality line: its share of variable pay). */
  share?: number;
  /** Whether the guard is declared to be about the same units the entry counts. */
  sameUnits: boolean;
  node: object;
}

export interface RewardEntry {
  /** Unique within the model; stable for one policy text. */
  key: string;
  /** The teams rewarded; empty: company-wide (an instrument with no team, an award with no teams). */
  teams: readonly string[];
  metric?: string;
  /** The segment; undefined: every segment (less the quota's exclusions). */
  segment?: string;
  /** Segments a quota leaves out (`excludes`). */
  excludedSegments: readonly string[];
  lever: RewardLever;
  /** The id of the instrument and the line of the index the entry comes from. */
  instrument: string;
  line: IncentiveLine;
  strength: Strength;
  when: { effective?: string; until?: string };
  made: HowMade;
  guards: readonly Guard[];
  /** Ids of the priorities it serves (rewards what they favor or prefer). */
  serves: readonly string[];
  /** Ids of the priorities it undermines (rewards what they deprioritize), unless its plan outpays the favored alternative. */
  undermines: readonly string[];
  /**
   * Segments the entry's plan pays most for per month of effort, where the strategy deprioritizes
   * them (the plan's rational choice, as `simulate` prices it): why a line that names no segment
   * undermines a priority.
   */
  paysMostFor?: readonly string[];
  /**
   * Deprioritized segments this line, naming no segment, pays as much per dollar as every favored
   * one (no line of their own, not excluded): why such a line undermines a priority.
   */
  paysAlike?: readonly string[];
  /** Ids of the priorities that deprioritize a segment this line pays alike with every other (a segment-blind count on a pay or measure line). */
  blindTo: readonly string[];
  /** The YAML nodes behind it: the line, then its instrument. */
  nodes: readonly object[];
}

export interface TeamProfile {
  team: string;
  /** Entries of the team's own instruments, awards naming it, and company-wide instruments. */
  entries: readonly RewardEntry[];
}
