import { defineRule, listIds, listInOrder, z } from '../src/api.js';
import { newBusinessLines, retentionDownstream } from './helpers/retention.js';
import { COUNT, DEPENDS_ON_STAYING, LINE_METRICS, REWARDED_TEAMS, STRATEGY_METRICS } from './helpers/reads.js';

export default defineRule({
  meta: {
    id: 'no-retention-guard',
    category: 'shared-incentives',
    severity: 'warning',
    summary: 'Commission paid in full at signature, with no clawback or deferral, while retention matters',
    rationale:
      '"What are Shared Incentives?" gives this remedy for sales and customer success: "sales staff receive a portion of their commission only after the client has ' +
      'remained active for six months. This forces sales to care about the quality of the customer and helps the success team by reducing ' +
      'churn prone accounts." Without a clawback or a deferral the measure becomes the target (Goodhart / Campbell): Wells Fargo\'s ' +
      'cross-sell target ("eight is great") preceded about 2 million unauthorized accounts and $185M in fines. Practitioners claw back ' +
      "over 90 days to 12 months; GitLab's public handbook claws back commission on invoices unpaid after 90 days. " +
      'Commission earned on collection guards non-payment, not churn, and so does a clawback whose triggers leave churn out: ' +
      'a customer who pays and then leaves costs the seller nothing. A clawback that names churn, or names no trigger, guards it.',
    source:
      '"What are Shared Incentives?", section "Scenarios for Application": Sales and Customer Success; Goodhart / Campbell (Wells Fargo, 2016); GitLab handbook (90-day clawback)',
    reads: [
      ...STRATEGY_METRICS,
      'teams[].hands_off_to',
      ...COUNT,
      'metrics[].nets_churn',
      ...REWARDED_TEAMS,
      ...LINE_METRICS,
      ...DEPENDS_ON_STAYING,
    ],
    options: z.object({
      clawback_months: z.number().int().positive().default(6).describe('months the fix suggests for a clawback or deferral'),
      deferral_share: z.number().min(0).max(1).default(0.3).describe('share of commission the fix suggests deferring'),
    }),
    examples: {
      bad: `strategy:
  priorities:
    - id: keep-customers
      favor: { metrics: [net-retention] }
metrics:
  - { id: net-retention, type: outcome, perspective: customer, nets_churn: true }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]`,
      good: `strategy:
  priorities:
    - id: keep-customers
      favor: { metrics: [net-retention] }
metrics:
  - { id: net-retention, type: outcome, perspective: customer, nets_churn: true }
compensation:
  - id: ae-2026
    team: sales
    commission: [{ metric: new-arr, rate: "10%" }]
    clawback: { months: 6 }`,
    },
  },
  check({ index, strategy, options, report }) {
    const favoredRetention = strategy.favoredIds('metrics').filter((id) => index.isRetentionMetric(id));
    for (const plan of index.instruments) {
      if (plan.lever !== 'compensation') continue;
      const { node } = plan;
      // Commission that already pays on keeping customers needs no guard: only new business can churn away.
      const paid = newBusinessLines(index, node);
      if (paid.length === 0 || index.dependsOnStaying(node)) continue;
      const downstream = plan.team ? retentionDownstream(index, plan.team) : [];
      if (favoredRetention.length === 0 && downstream.length === 0) continue;
      const reasons = [
        favoredRetention.length > 0 && `the strategy favors keeping customers (${listIds(favoredRetention, 'and')})`,
        ...downstream.map(({ team, metrics }) => `${plan.team} hands off to ${team}, which is rewarded on ${listIds(metrics, 'and')}`),
      ].filter(Boolean);
      const metrics = [...new Set(paid.map((line) => line.metric))];
      const months = options.clawback_months;
      const triggers = node.clawback?.triggers;
      if (triggers) {
        // A clawback on non-payment, refund or misconduct only: a customer who pays and then churns costs the seller nothing.
        report({
          node: node.clawback!,
          key: 'triggers',
          about: paid,
          message:
            `Plan ${plan.id} claws back commission on ${listIds(metrics, 'and')} only on ${listInOrder(triggers, 'or')}, not on churn, while ${reasons.join('; ')}: ` +
            `a customer who pays and then leaves costs the seller nothing.`,
          fix: `add churn to the triggers of the clawback of plan ${plan.id}: triggers: [${['churn', ...triggers].join(', ')}]`,
          edits: [{ set: { node: node.clawback!, key: 'triggers', value: ['churn', ...triggers] }, safety: 'suggestion' }],
        });
        continue;
      }
      // Earned on collection guards non-payment, not churn: a customer who pays the first invoice can still leave.
      const paidWhen =
        node.earned_on === 'collection' ? 'on collection' : node.earned_on === 'invoice' ? 'on invoice' : 'in full at signature';
      report({
        node,
        key: node.commission?.length ? 'commission' : 'quotas',
        // The lines paid regardless of the customer staying: the entries this finding is about (siloed-handoff defers to it on them).
        about: paid,
        message:
          `Plan ${plan.id} pays commission on ${listIds(metrics, 'and')} ${paidWhen}, with no clawback or deferral, while ${reasons.join('; ')}: ` +
          `the seller earns the same whether the customer stays or churns.`,
        fix: `add clawback: { months: ${months}${node.earned_on ? ', triggers: [churn]' : ''} } or deferral: { share: ${options.deferral_share}, months: ${months} } to plan ${plan.id}, so that commission depends on the customer staying ${months} months`,
        edits: [
          { set: { node, key: 'clawback', value: { months, ...(node.earned_on ? { triggers: ['churn'] } : {}) } }, safety: 'suggestion' },
        ],
      });
    }
  },
});
