/**
 * The three documented layouts `import` reads: one row per plan component, per person (or role) of
 * the roster, per key result. Each field has a kind (how a cell is read) and the headers it is
 * recognized by without a mapping file (case, spaces and underscores do not matter).
 */
export type FieldKind = 'id' | 'text' | 'amount' | 'fraction' | 'ratio' | 'date' | 'quarter' | 'period' | 'count' | 'component' | 'boolean';

export interface Field {
  name: string;
  kind: FieldKind;
  /** Other headers that mean this field. */
  aliases?: readonly string[];
  required?: boolean;
  help: string;
}

export type LayoutName = 'plans' | 'roster' | 'okrs';

export const LAYOUTS: Record<LayoutName, readonly Field[]> = {
  plans: [
    {
      name: 'plan',
      kind: 'id',
      aliases: ['plan id', 'plan name', 'comp plan'],
      required: true,
      help: 'the plan id; rows with the same plan are one plan',
    },
    { name: 'team', kind: 'id', aliases: ['team id', 'department'], help: 'the team the plan applies to' },
    {
      name: 'component',
      kind: 'component',
      aliases: ['type', 'component type'],
      help: 'commission, bonus or quota (absent: from the values the row has)',
    },
    { name: 'metric', kind: 'id', aliases: ['metric id', 'measure', 'kpi'], required: true, help: 'the metric the component pays on' },
    { name: 'segment', kind: 'id', aliases: ['customer segment'], help: 'the customer segment (absent: every segment)' },
    { name: 'rate', kind: 'fraction', aliases: ['commission rate'], help: 'the commission rate: 8%, 0.08' },
    { name: 'weight', kind: 'fraction', aliases: ['bonus weight'], help: 'the share of variable pay of a bonus component: 20%, 0.2' },
    { name: 'quota', kind: 'amount', aliases: ['quota amount', 'target amount'], help: 'the quota amount for the period' },
    { name: 'period', kind: 'period', aliases: ['quota period'], help: 'month, quarter, half or year (default year)' },
    { name: 'threshold', kind: 'ratio', help: 'attainment below which the quota pays nothing: 50%, 0.5' },
    { name: 'cap', kind: 'ratio', aliases: ['cap attainment'], help: 'attainment above which nothing more is paid: 200%, 2' },
    { name: 'effective', kind: 'date', aliases: ['effective date', 'start date'], help: 'the day the plan takes effect, YYYY-MM-DD' },
    { name: 'ote', kind: 'amount', aliases: ['on-target earnings', 'on target earnings'], help: 'on-target earnings per year' },
    {
      name: 'variable_share',
      kind: 'fraction',
      aliases: ['variable share', 'variable %', 'pay mix variable'],
      help: 'the variable share of OTE: 50%, 0.5',
    },
    {
      name: 'clawback_months',
      kind: 'count',
      aliases: ['clawback', 'clawback months', 'clawback period'],
      help: 'the months after signature within which commission can be taken back',
    },
    { name: 'rationale', kind: 'text', help: 'why the plan rewards what it does' },
  ],
  roster: [
    {
      name: 'person',
      kind: 'text',
      aliases: ['name', 'employee', 'employee name', 'employee id', 'rep', 'payee'],
      help: 'the person (a name or employee id)',
    },
    { name: 'role', kind: 'text', aliases: ['title', 'job title', 'position'], help: 'a role, when the roster is kept per role' },
    { name: 'headcount', kind: 'count', aliases: ['count', 'people'], help: 'how many people hold the role' },
    { name: 'team', kind: 'id', aliases: ['team id', 'department'], help: 'the team' },
    { name: 'plan', kind: 'id', aliases: ['plan id', 'comp plan'], help: 'the compensation plan the person is paid on' },
    { name: 'ote', kind: 'amount', aliases: ['on-target earnings', 'on target earnings'], help: 'on-target earnings per year' },
    { name: 'variable_share', kind: 'fraction', aliases: ['variable share', 'variable %'], help: 'the variable share of OTE' },
    { name: 'quota', kind: 'amount', aliases: ['annual quota', 'quota amount'], help: 'the yearly quota' },
    {
      name: 'attainment',
      kind: 'ratio',
      aliases: ['attainment %', 'quota attainment', '% to quota'],
      help: 'attainment of quota, where known: 105%, 1.05',
    },
  ],
  okrs: [
    { name: 'okr', kind: 'id', aliases: ['okr id', 'okr set'], help: 'the OKR set id (absent: from team and quarter)' },
    { name: 'objective', kind: 'text', required: true, help: 'the objective, in words' },
    { name: 'key_result', kind: 'text', aliases: ['key result', 'kr'], help: 'the key result, in words' },
    { name: 'metric', kind: 'id', aliases: ['metric id', 'kpi'], required: true, help: 'the metric the key result measures' },
    { name: 'target', kind: 'text', aliases: ['target value', 'goal'], help: 'the target: +20%, 95' },
    { name: 'team', kind: 'id', aliases: ['owner team', 'team id'], help: 'the team the OKR set belongs to' },
    {
      name: 'quarter',
      kind: 'quarter',
      aliases: ['period', 'cycle', 'time period'],
      help: 'the quarter, such as 2026-Q3: the set takes effect on its first day',
    },
    { name: 'segment', kind: 'id', help: 'the customer segment the key result measures' },
    { name: 'guardrail', kind: 'boolean', help: 'true for a health measure that must not get worse' },
  ],
};

export const LAYOUT_NAMES = Object.keys(LAYOUTS) as LayoutName[];

export function normalizeHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
}

/** The field a header names in `layout`, by its name or an alias. */
export function fieldForHeader(layout: LayoutName, header: string): Field | undefined {
  const wanted = normalizeHeader(header);
  return LAYOUTS[layout].find(
    (field) => normalizeHeader(field.name) === wanted || (field.aliases ?? []).some((alias) => normalizeHeader(alias) === wanted),
  );
}
