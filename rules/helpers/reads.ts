/**
 * Groups of policy keys for the rules' `meta.reads`: the keys behind one question a rule asks of the
 * policy index or the model (what serves a priority, what a plan pays, what guards a count). A rule
 * that asks the question reads every key of the group, so the keys are named once, here.
 */

const plan = (key: string) => `compensation[].${key}`;

/** What the strategy favors and deprioritizes among segments: a segment on both sides is contested, neither. */
export const STRATEGY_SEGMENTS = ['strategy.priorities[].favor.segments', 'strategy.priorities[].deprioritize.segments'];

/** What the strategy favors and deprioritizes among metrics: a metric on both sides is contested, neither. */
export const STRATEGY_METRICS = ['strategy.priorities[].favor.metrics', 'strategy.priorities[].deprioritize.metrics'];

/** A commission line priced as a share of bookings (its rate, unless it pays per unit). */
export const PRICED_COMMISSION = [
  plan('commission[].metric'),
  plan('commission[].segment'),
  plan('commission[].rate'),
  plan('commission[].per_unit'),
];

/** The base rate of a quota, which a commission line without a rate (and a quota without a line) pays: target variable pay × weight ÷ the year's quota. */
export const QUOTA_BASE_RATE = [
  plan('ote'),
  plan('variable_share'),
  plan('quotas[].metric'),
  plan('quotas[].segment'),
  plan('quotas[].amount'),
  plan('quotas[].period'),
  plan('quotas[].weight'),
];

/** What a plan pays for a year's bookings (index.payoutOf, the simulation): rates, quotas, the curve, quota credit and SPIFFs. Ramps and guarantees are not priced. */
export const PAYOUT = [
  ...PRICED_COMMISSION,
  ...QUOTA_BASE_RATE,
  ...[
    'quotas[].excludes',
    'quotas[].curve',
    'curve.threshold',
    'curve.tiers[].from',
    'curve.tiers[].multiplier',
    'curve.tiers[].retroactive',
    'curve.cap.attainment',
    'curve.cap.amount',
  ].map(plan),
  ...['credit[].metric', 'credit[].segment', 'credit[].multiplier'].map(plan),
  ...[
    'spiffs[].metric',
    'spiffs[].segment',
    'spiffs[].start',
    'spiffs[].end',
    'spiffs[].amount',
    'spiffs[].rate',
    'spiffs[].per',
    'spiffs[].at',
  ].map(plan),
];

/** A segment's deal economics: both declared, or none. */
export const DEAL_ECONOMICS = ['segments[].sales_cycle_days', 'segments[].avg_deal_size'];

/** The metric each line of every lever rewards (a quota without a commission line of its own is a line). */
export const LINE_METRICS = [
  plan('commission[].metric'),
  plan('quotas[].metric'),
  plan('bonus[].metric'),
  'okrs[].key_results[].metric',
  'promotions[].criteria[].metric',
  'recognition[].awards[].metric',
];

/** The segment each line of every lever names (index lines read `segment`). */
export const LINE_SEGMENTS = [
  plan('commission[].segment'),
  plan('quotas[].segment'),
  plan('bonus[].segment'),
  'okrs[].key_results[].segment',
  'promotions[].criteria[].segment',
  'recognition[].awards[].segment',
];

/** Whom each instrument rewards: its team, or the teams an award names (index.rewardsForTeam, metricsRewardedFor). */
export const REWARDED_TEAMS = [plan('team'), 'okrs[].team', 'promotions[].team', 'recognition[].team', 'recognition[].awards[].teams'];

/** Whether a metric is a count (isCount): an activity or output, not declared vanity, not a named deliverable. */
export const COUNT = ['metrics[].type', 'metrics[].vanity', 'metrics[].deliverable'];

/** Whether a plan's commission depends on the customer staying (index.dependsOnStaying): a deferral, or a clawback on churn or on anything. */
export const DEPENDS_ON_STAYING = [plan('clawback'), plan('clawback.triggers'), plan('deferral')];

/** What guards a count in the model: good units only, a linked or beside quality line of real weight, acceptance by another team, a guardrail, a clawback. */
export const COUNT_GUARDS = [
  'metrics[].type',
  'metrics[].counts_only_good',
  'metrics[].quality_measured_by',
  'metrics[].reported_by',
  'metrics[].accepted_by',
  'okrs[].key_results[].guardrail',
  plan('clawback'),
  plan('clawback.triggers'),
  plan('bonus[].weight'),
  plan('commission'),
  plan('quotas'),
];

/** The metric a fix suggests (suggestMetric), where a rule reports only when there is one. */
export const SUGGESTED_METRIC = [
  'metrics[].type',
  'metrics[].vanity',
  'metrics[].perspective',
  'teams[].kind',
  ...STRATEGY_METRICS,
  ...LINE_METRICS,
  ...REWARDED_TEAMS,
];

/** Whether a priority is served (strategy.isServed): a line on what it favors or prefers, a proxy of it, or what plans pay extra for. */
export const PRIORITY_SERVED = [
  'strategy.priorities[].favor.metrics',
  'strategy.priorities[].favor.segments',
  'strategy.priorities[].prefer[].metric',
  'metrics[].proxy_for',
  ...LINE_METRICS,
  ...LINE_SEGMENTS,
  ...[
    'spiffs[].metric',
    'spiffs[].segment',
    'credit[].metric',
    'credit[].segment',
    'credit[].multiplier',
    'pool.funded_by',
    'pool.rating[].metric',
    'pool.rating[].segment',
    'pool.rating[].segments',
  ].map(plan),
  plan('earned_on'),
  'metrics[].measures_collection',
  ...DEPENDS_ON_STAYING,
  'metrics[].nets_churn',
];

/** The ids of everything a policy declares, one namespace per kind. */
export const DECLARED_IDS = [
  'segments[].id',
  'teams[].id',
  'metrics[].id',
  'strategy.priorities[].id',
  plan('id'),
  'okrs[].id',
  'promotions[].id',
  'recognition[].id',
];

/** Every key whose value is the id of something declared elsewhere, and the rule a waiver names. */
export const REFERENCES = [
  ...STRATEGY_SEGMENTS,
  ...STRATEGY_METRICS,
  'strategy.priorities[].prefer[].metric',
  'strategy.priorities[].prefer[].over',
  'teams[].hands_off_to',
  'teams[].leads',
  'metrics[].proxy_for',
  'metrics[].reported_by',
  'metrics[].accepted_by',
  'metrics[].quality_measured_by',
  ...REWARDED_TEAMS,
  ...LINE_METRICS,
  ...LINE_SEGMENTS,
  plan('commission[].segments'),
  plan('bonus[].segments'),
  'okrs[].key_results[].segments',
  'promotions[].criteria[].segments',
  'recognition[].awards[].segments',
  ...[
    'bonus[].shared_with',
    'quotas[].excludes',
    'spiffs[].metric',
    'spiffs[].segment',
    'credit[].metric',
    'credit[].segment',
    'pool.funded_by',
    'pool.rating[].metric',
    'pool.rating[].segment',
    'pool.rating[].segments',
  ].map(plan),
  'waivers[].rule',
  'waivers[].target',
  'roster[].team',
  'roster[].plan',
];

/** What the sales-force model reads (context.population): what the plan pays, per-deal SPIFFs' deal sizes, and the roster's attainments that replace the draws. */
export const POPULATION = [...PAYOUT, 'segments[].avg_deal_size', 'roster[].plan', 'roster[].attainment', 'roster[].headcount'];
