/** Policy fragments the goalposts rules' tests share: one quota plan and a roster of ten sellers on it. */

/** Plan ae-2026 of team sales: one quota of new-arr on `segment`, with `cap` as its curve's cap. */
export function cappedQuotaPlan(cap: string, segment = 'enterprise'): string {
  return `compensation:
  - id: ae-2026
    team: sales
    ote: 240000
    variable_share: 0.5
    quotas:
      - { metric: new-arr, segment: ${segment}, amount: 1200000 }
    curve:
      cap: ${cap}
`;
}

/** Ten sellers on ae-2026 at 60%, 70%, … 150% of quota: every figure can be checked by hand. */
export const ROSTER_OF_TEN = `roster:
${[0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.4, 1.5].map((attainment, position) => `  - { person: Seller ${position + 1}, team: sales, plan: ae-2026, attainment: ${attainment} }`).join('\n')}
`;
