/**
 * An example plugin: Acme's own rule, loaded through incentive-lint.config.yaml beside this file.
 * A plugin module exports one rule or a list of rules made with defineRule(); plugin rule ids are
 * namespaced (acme/…). Run from this folder: npx incentive-lint
 */
import { defineRule, formatPercent, z } from 'incentive-lint';

export const noSpiffOnSmb = defineRule({
  meta: {
    id: 'acme/no-spiff-on-smb',
    category: 'strategic-alignment',
    severity: 'error',
    summary: 'A SPIFF (a short-term sales contest) pays on a segment the strategy deprioritizes',
    rationale:
      'A SPIFF is the loudest incentive there is: a few weeks, a cash prize, a leaderboard. Acme names its SPIFF plans spiff-…; ' +
      'one that pays on SMB deals tells every seller that the old strategy still wins, whatever the comp plan says. ' +
      '"People don\'t do what you tell them to do. They do what they\'re measured on, bonused for, promoted for, and publicly recognized for."',
    source: 'seed 000, "The Four Incentive Traps"; Acme revenue-operations policy',
    options: z.object({
      id_prefix: z.string().min(1).default('spiff-').describe('compensation plans whose id starts with this are SPIFFs'),
    }),
    examples: {
      bad: `compensation:
  - id: spiff-q3-blitz
    commission:
      - { metric: new-arr, segment: smb, rate: "5%" }`,
      good: `compensation:
  - id: spiff-q3-blitz
    commission:
      - { metric: new-arr, segment: enterprise, rate: "5%" }`,
    },
  },
  check({ index, strategy, options, report }) {
    for (const instrument of index.instruments) {
      if (instrument.lever !== 'compensation' || !instrument.id.startsWith(options.id_prefix)) continue;
      for (const reward of index.rewardsOf(instrument)) {
        if (!strategy.isDeprioritizedSegment(reward.segment)) continue;
        const favored = strategy.favoredIds('segments');
        const paid = reward.rate !== undefined ? ` ${formatPercent(reward.rate)}` : '';
        report({
          node: reward.node,
          message: `SPIFF ${instrument.id} pays${paid} on ${reward.metric ?? 'deals'} in ${reward.segment}, a segment the strategy deprioritizes: the contest rewards the old strategy.`,
          fix: favored.length > 0 ? `run the SPIFF on ${favored.join(' or ')} deals instead, or remove the ${reward.segment} line` : `remove the ${reward.segment} line`,
        });
      }
    }
  },
});

export default [noSpiffOnSmb];
