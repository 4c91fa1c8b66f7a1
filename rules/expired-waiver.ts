import { defineRule } from '../src/api.js';

export default defineRule({
  meta: {
    id: 'expired-waiver',
    category: 'integrity',
    severity: 'warning',
    summary: 'A waiver past its expiry date',
    rationale:
      'A waiver is an accepted exception that is auditable, owned and expiring. After its date the finding it silenced comes back, and ' +
      'this warning says why: the exception was accepted for a time, and that time is over.',
    source: 'incentive-lint design: waivers with an owner and an expiry date',
    reads: ['waivers[].expires'],
    examples: {
      bad: `waivers:
  - { rule: flat-commission, target: ae-2026, reason: Q3 cycle, approved_by: CRO, expires: 2025-09-30 }`,
      good: `waivers:
  - { rule: flat-commission, target: ae-2026, reason: Q3 cycle, approved_by: CRO, expires: 2026-09-30 }`,
    },
  },
  check({ policy, today, report }) {
    for (const waiver of policy.waivers) {
      if (waiver.expires >= today) continue;
      report({
        node: waiver,
        key: 'expires',
        message: `The waiver of ${waiver.rule} for ${waiver.target}, approved by ${waiver.approved_by}, expired on ${waiver.expires}: its findings are reported again.`,
        fix: `renew it with a new expires date (after ${today}) and a fresh approval from ${waiver.approved_by}, or fix the ${waiver.rule} finding in ${waiver.target} and remove the waiver`,
      });
    }
  },
});
