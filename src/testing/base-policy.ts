/**
 * The policy every rule test starts from: small, valid, and silent under every built-in rule, so a
 * test's fragment holds only what the case is about.
 *
 * - strategy "Enterprise-first", announced 2026-03-02, one priority `enterprise-growth`: favors
 *   segment `enterprise` and metric `enterprise-arr`, deprioritizes segment `smb` and metric `velocity`;
 * - segments `enterprise` (210-day cycle, 120,000 deals) and `smb` (21 days, 8,000);
 * - teams `sales` (revenue, customer-facing) and `engineering` (non-revenue);
 * - metrics `new-arr` and `enterprise-arr` (financial outcomes, segmented), `velocity` (speed) and
 *   `defect-rate` (quality);
 * - no instrument: a fragment adds the compensation plans, OKRs, promotions or recognition a case needs.
 */
export const BASE_POLICY = `version: 1
organization: Test Co
strategy:
  name: Enterprise-first
  announced: 2026-03-02
  priorities:
    - id: enterprise-growth
      statement: Win enterprise accounts
      favor: { segments: [enterprise], metrics: [enterprise-arr] }
      deprioritize: { segments: [smb], metrics: [velocity] }
segments:
  - { id: enterprise, sales_cycle_days: 210, avg_deal_size: 120000 }
  - { id: smb, sales_cycle_days: 21, avg_deal_size: 8000 }
teams:
  - { id: sales, kind: revenue, customer_facing: true }
  - { id: engineering, kind: non-revenue }
metrics:
  - { id: new-arr, type: outcome, perspective: financial, segmented: true }
  - { id: enterprise-arr, type: outcome, perspective: financial, segmented: true }
  - { id: velocity, type: speed, perspective: internal }
  - { id: defect-rate, type: quality, perspective: internal }
`;
