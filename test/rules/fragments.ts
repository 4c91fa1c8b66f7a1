/** Policy fragments the rule tests share, merged onto the base policy by testRule. */

/** A `compensation:` section: plan ae-2026 of team sales paying new-arr on enterprise and on smb. */
export function salesPlan(enterprise = '8%', smb = '8%'): string {
  return commissionPlan(`{ metric: new-arr, segment: enterprise, rate: "${enterprise}" }`, `{ metric: new-arr, segment: smb, rate: "${smb}" }`);
}

/** Plan ae-2026 of team sales with these commission lines (each a flow mapping). */
export function commissionPlan(...lines: string[]): string {
  return `compensation:
  - id: ae-2026
    team: sales
    commission:
${lines.map((line) => `      - ${line}`).join('\n')}
`;
}
