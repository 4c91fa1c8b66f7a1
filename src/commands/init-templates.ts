import { SCHEMA_URL } from '../project.js';

/**
 * What `incentive-lint init` writes: a small, aligned, commented policy that lints clean, and a
 * configuration file that shows every key. The tests lint the starter with every rule.
 */

/** A published copy of the schema, pinned to a release: the alternative the starter names. */
const SCHEMA_URL_PATTERN = SCHEMA_URL.replace('/main/', '/vX.Y.Z/');

export function starterPolicy(schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# (The schema gives editors completion and checks. This path is where \`npm install --save-dev
# incentive-lint\` puts it; to point elsewhere, write another path or a URL after $schema=, such as
# ${SCHEMA_URL_PATTERN}.)
# A starter policy for incentive-lint (format version 1). Replace the examples with your own
# strategy, teams, metrics and incentives, then run: npx --no-install incentive-lint
# Every instrument (plan, OKR set, promotion ladder, recognition program) should reward what the
# strategy favors, and nothing it deprioritizes. Run \`incentive-lint explain RULE\` for any finding.
version: 1
organization: Example Co

strategy:
  name: Enterprise-first
  announced: 2026-03-02             # incentives below are effective on or before this date
  priorities:
    - id: enterprise-growth
      statement: Win, keep and expand enterprise accounts, as one team
      favor:                         # what behavior should increase
        segments: [enterprise]
        metrics: [net-retention, cross-team-impact]
      deprioritize:                  # what behavior should decrease (the old strategy)
        segments: [smb]
        metrics: [customer-count, velocity]

segments:                           # cycle length and deal size let effort-adjusted-pay compare pay per month of selling
  - { id: enterprise, sales_cycle_days: 210, avg_deal_size: 90000 }
  - { id: smb, sales_cycle_days: 21, avg_deal_size: 12000 }

teams:
  - { id: sales, kind: revenue, customer_facing: true, hands_off_to: [customer-success] }
  - { id: customer-success, kind: non-revenue, customer_facing: true }
  - { id: engineering, kind: non-revenue }

metrics:
  # type: outcome | output | activity | quality | speed | behavior
  # perspective: financial | customer | internal | learning (the balanced scorecard)
  # nets_churn: true where a lost customer lowers the number (retention), measures_collection: true
  # for cash collected: the linter never guesses either from an id or a name
  # deliverable: true marks a milestone done or not by its date (ship X by June 15), not a count to inflate
  - { id: new-arr, name: New ARR, type: outcome, perspective: financial, segmented: true }
  - { id: net-retention, name: Net revenue retention, type: outcome, perspective: customer, segmented: true, nets_churn: true }
  - { id: onboarding-quality, name: First-90-day health score, type: quality, perspective: internal, segmented: true }
  - { id: enterprise-adoption, name: Enterprise feature adoption, type: outcome, perspective: customer, segmented: true }
  - { id: defect-escape-rate, type: quality, perspective: internal }
  - { id: cross-team-impact, name: Cross-functional impact, type: behavior, perspective: learning }
  # The old strategy's metrics: declared so the priority can name them, rewarded nowhere.
  - { id: customer-count, name: Customers retained (logo count), type: outcome, perspective: customer }
  - { id: velocity, name: Story points per sprint, type: speed, perspective: internal }

compensation:
  # Enterprise pays 3x the SMB rate (flat-commission wants at least 2x). Commission is clawed back
  # if the customer churns within 6 months, and a quarter of variable pay is shared with the team
  # that takes the customer over.
  - id: ae-2026
    team: sales
    effective: 2026-02-16
    variable_share: 0.5               # variable pay as a share of on-target earnings
    commission:
      - { metric: new-arr, segment: enterprise, rate: "15%" }
      - { metric: new-arr, segment: smb, rate: "5%" }
    bonus:                            # weights are fractions of variable pay; commission takes the rest
      - { metric: net-retention, weight: 0.25, shared_with: [customer-success] }
    clawback: { months: 6 }
    rationale: Enterprise deals pay 3x because they are harder and more strategic; part of your pay follows the customer after the signature.

  - id: cs-2026
    team: customer-success
    effective: 2026-02-16
    bonus:                            # without commission, the weights add up to 1
      - { metric: net-retention, segment: enterprise, weight: 0.7 }
      - { metric: onboarding-quality, segment: enterprise, weight: 0.3, shared_with: [sales] }
    rationale: Your bonus follows the enterprise revenue we keep, not how many logos you cover.

okrs:
  - id: engineering-2026-h1
    team: engineering
    effective: 2026-02-16
    objective: Make enterprise customers successful
    # stakes: pay | review | none  (what the key results decide; none: not used for pay or evaluation)
    key_results:
      - { metric: enterprise-adoption, target: "40% of enterprise accounts on SSO" }
      - { metric: defect-escape-rate, target: "< 2%" }
    rationale: Features count when enterprise customers use them, not when they ship.

promotions:
  - id: engineering-ladder
    team: engineering
    effective: 2026-02-16
    criteria:
      - { text: Unblocks other teams on enterprise rollouts, metric: cross-team-impact }
      - { text: Ships capabilities enterprise customers adopt, metric: enterprise-adoption }
    rationale: Promotions reward enterprise impact and the people who make other teams succeed.

recognition:
  - id: all-hands-awards
    effective: 2026-02-16
    awards:
      - { text: Enterprise customer won and kept, metric: net-retention, segment: enterprise, teams: [sales, customer-success] }
      - { text: Cross-team enabler of the quarter, metric: cross-team-impact, teams: [engineering] }
    rationale: Public recognition shows what gets rewarded, so it celebrates what the strategy favors.

# waivers:                          # accepted exceptions: owned and expiring
#   - rule: flat-commission
#     target: ae-2026
#     reason: Plan changes with the Q3 cycle.
#     approved_by: CRO
#     expires: 2026-09-30
`;
}

export const STARTER_CONFIG = `# incentive-lint configuration: found by walking up from the folder the linter runs in.
# Print what is in effect with: npx incentive-lint --print-config

# recommended: each rule's default severity. strict: every warning is an error, and
# suppression comments need a reason and must still suppress something. goalposts:
# recommended, plus the compensation consultants' goalposts on the modelled sales force.
extends: recommended

# Per rule: off | info | warning | error, or [severity, { options }].
# List the rules with \`incentive-lint rules\`; see a rule's options with \`incentive-lint explain RULE\`.
rules: {}
#  flat-commission: [error, { min_ratio: 3 }]
#  missing-rationale: warning

# Rules of your own: a path relative to this file, or an npm package.
plugins: []
#  - ./rules/no-spiff-on-smb.mjs

# Files not to load, relative to this file: "drafts/**", "archive/*.yaml".
ignore: []
`;
