/** Policy fragments the rule tests share, merged onto the base policy by testRule. */

/** A `compensation:` section: plan ae-2026 of team sales paying new-arr on enterprise and on smb. */
export function salesPlan(enterprise = '8%', smb = '8%'): string {
  return commissionPlan(
    `{ metric: new-arr, segment: enterprise, rate: "${enterprise}" }`,
    `{ metric: new-arr, segment: smb, rate: "${smb}" }`,
  );
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

/**
 * SDRs hand off to account executives, who are paid commission on new ACV; the SDR plan pays all its
 * variable pay on one pipeline count, declared by `countMetric` (a metric line, such as
 * `{ id: meetings-booked, type: output }`).
 */
export function pipelinePolicy(countMetric: string): string {
  const id = /id: ([\w-]+)/.exec(countMetric)![1];
  return `version: 1
strategy: { name: Pipeline }
teams:
  - { id: sdrs, hands_off_to: [account-executives] }
  - { id: account-executives }
metrics:
  - { id: new-acv, type: outcome }
  - ${countMetric}
compensation:
  - { id: sdr-plan, team: sdrs, bonus: [{ metric: ${id}, weight: 1 }] }
  - { id: ae-plan, team: account-executives, commission: [{ metric: new-acv, rate: "10%" }] }
`;
}

/** Plan ae-2026 of team sales: 100,000 of target variable pay on a 1,000,000 quota on `metric` (base rate 10%), with these commission lines and extra keys. */
export function quotaPlan(metric: string, commission: string, extra = ''): string {
  return `compensation:
  - id: ae-2026
    team: sales
    ote: 200000
    variable_share: 0.5
    quotas: [{ metric: ${metric}, amount: 1000000 }]
    commission: ${commission}
${extra}`;
}
