/** The quota plan the goalposts rules' examples show: plan ae-2026 of team sales, one quota of new-arr, and what each example varies. */
export function quotaPlanExample({
  curve,
  segment = 'enterprise',
  variableShare = 0.5,
}: {
  curve?: string;
  segment?: string;
  variableShare?: number;
} = {}): string {
  return `compensation:
  - id: ae-2026
    team: sales
    ote: 240000
    variable_share: ${variableShare}
    quotas:
      - { metric: new-arr, segment: ${segment}, amount: 1200000 }${curve === undefined ? '' : `\n    curve:\n      ${curve}`}`;
}
