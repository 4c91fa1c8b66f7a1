/**
 * What the lookups hand to rules: instruments, and the lines through which an instrument pays,
 * measures, promotes or celebrates something, each typed by its component, with the node to report on.
 */
import type {
  AwardT,
  BonusComponentT,
  CommissionLineT,
  CompensationPlanT,
  CriterionT,
  KeyResultT,
  OkrSetT,
  PromotionLadderT,
  QuotaT,
  RecognitionProgramT,
  TeamT,
} from '../../schema.js';

interface InstrumentFields {
  id: string;
  team?: string;
  effective?: string;
  rationale?: string;
}

/** An instrument of one lever, with its own node: a plan, an OKR set, a promotion ladder or a recognition program. */
export type InstrumentInfo =
  | (InstrumentFields & { lever: 'compensation'; node: CompensationPlanT })
  | (InstrumentFields & { lever: 'okrs'; node: OkrSetT })
  | (InstrumentFields & { lever: 'promotions'; node: PromotionLadderT })
  | (InstrumentFields & { lever: 'recognition'; node: RecognitionProgramT });

interface LineFields {
  instrument: InstrumentInfo;
  segment?: string;
  /** Teams this line applies to; empty means the whole company. */
  teams: string[];
  /** For bonus components: the teams the component is shared with (empty for every other line). */
  sharedWith: string[];
}

/**
 * One line of an instrument: a commission line (with its `rate`), a bonus component (with its
 * `weight`), a key result, a promotion criterion or an award. `component` tells which, and with it
 * the type of `node` (the line itself, to report on).
 */
export type IncentiveLine =
  /**
   * A commission line, or a quota that no commission line prices (it pays its base rate). `rate` is
   * undefined only where no share of bookings can be told: a quota plan without OTE, or a quota on a count.
   */
  | (LineFields & { component: 'commission'; node: CommissionLineT | QuotaT; metric: string; rate: number | undefined; weight?: undefined })
  | (LineFields & { component: 'bonus'; node: BonusComponentT; metric: string; weight: number; rate?: undefined })
  | (LineFields & { component: 'key_result'; node: KeyResultT; metric: string; rate?: undefined; weight?: undefined })
  | (LineFields & { component: 'criterion'; node: CriterionT; metric?: string; rate?: undefined; weight?: undefined })
  | (LineFields & { component: 'award'; node: AwardT; metric?: string; rate?: undefined; weight?: undefined });

export type RewardComponent = IncentiveLine['component'];

/** A commission line whose rate is known, the only kind a rule can compare rates on. */
export type PricedCommissionLine = Extract<IncentiveLine, { component: 'commission' }> & { rate: number };

/** Whether `line` is a commission line with a known rate (a quota plan without OTE, or a quota on a count, has none). */
export function isPricedCommission(line: IncentiveLine): line is PricedCommissionLine {
  return line.component === 'commission' && line.rate !== undefined;
}

/** @deprecated The same as IncentiveLine (key results and criteria are lines too, not rewards); kept for plugins. */
export type Reward = IncentiveLine;

/** The line of one component: `LineOf<'commission'>` has a `rate` and a commission line as its node. */
export type LineOf<Component extends RewardComponent> = Extract<IncentiveLine, { component: Component }>;

export type ReferenceKind = 'metric' | 'segment' | 'team' | 'instrument';

/** A place where the policy names an id that must be declared elsewhere. */
export interface Reference {
  kind: ReferenceKind;
  id: string;
  /** The object or list holding the id, and the key (or index) where it stands. */
  node: object;
  key: string | number;
}

export type DeclarationKind = 'segment' | 'team' | 'metric' | 'priority' | 'instrument';

export interface Declaration {
  kind: DeclarationKind;
  id: string;
  node: object;
}

export interface Handoff {
  from: TeamT;
  to: string;
  /** The team's `hands_off_to` list and the index of this entry in it. */
  node: string[];
  index: number;
}
