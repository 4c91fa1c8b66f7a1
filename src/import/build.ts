/**
 * Records to policy nodes, one layout each: plans (rows grouped by plan), the roster (one entry per
 * row) and OKRs (rows grouped into sets). Every value carries the place it came from as a comment;
 * a plan-level value repeated over rows must agree, or the rows are named.
 */
import { readNumberText } from './numbers.js';
import { Document, type Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { quarterStart, toKebab, type Value } from './cells.js';
import type { LayoutName } from './layouts.js';
import type { ImportRecord, Sourced } from './records.js';
import { placeOf, type Table } from './read-table.js';

export interface Built {
  /** Section name to its items, in the order they are written. */
  sections: Map<string, YAMLMap[]>;
  /** Ids the items refer to, with the rows that name them: declared unless the policy already does. */
  referenced: { teams: Map<string, number[]>; segments: Map<string, number[]>; metrics: Map<string, number[]> };
  diagnostics: Diagnostic[];
}

export const IMPORT_TODO = 'TODO(incentive-lint):';

/** "plans.csv, rows 2-4, 9": the rows of a value, ranges joined. */
export function provenance(table: Pick<Table, 'file' | 'sheet'>, rows: readonly number[], original?: string): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  const base = placeOf(table, sorted[0]!).replace(/row \d+$/, `${sorted.length > 1 ? 'rows' : 'row'} ${parts.join(', ')}`);
  return ` ${base}${original !== undefined ? ` ("${original.replace(/"/g, "'")}")` : ''}`;
}

export function buildSections(table: Table, layout: LayoutName, records: readonly ImportRecord[]): Built {
  const builder = new Builder(table);
  if (layout === 'plans') builder.plans(records);
  else if (layout === 'roster') builder.roster(records);
  else builder.okrs(records);
  return { sections: builder.sections, referenced: builder.referenced, diagnostics: builder.diagnostics };
}

class Builder {
  readonly sections = new Map<string, YAMLMap[]>();
  readonly referenced = { teams: new Map<string, number[]>(), segments: new Map<string, number[]>(), metrics: new Map<string, number[]>() };
  readonly diagnostics: Diagnostic[] = [];
  private readonly doc = new Document();

  constructor(private readonly table: Table) {}

  private refer(kind: keyof Builder['referenced'], value: Sourced | undefined): void {
    if (value === undefined) return;
    const rows = this.referenced[kind].get(String(value.value)) ?? [];
    rows.push(value.row);
    this.referenced[kind].set(String(value.value), rows);
  }

  private push(section: string, item: YAMLMap): void {
    const items = this.sections.get(section) ?? [];
    items.push(item);
    this.sections.set(section, items);
  }

  /** A flow map of the given keys (absent values left out) with one provenance comment. */
  private line(entries: [string, Sourced | Value | undefined][], rows: number[]): YAMLMap {
    const map = new YAMLMap();
    map.flow = true;
    for (const [key, value] of entries) {
      if (value === undefined) continue;
      map.set(key, value instanceof YAMLMap ? value : typeof value === 'object' ? value.value : value);
    }
    const originals = entries
      .map(([, value]) => (typeof value === 'object' && !(value instanceof YAMLMap) ? value?.original : undefined))
      .filter((text): text is string => text !== undefined);
    map.comment = provenance(this.table, rows, originals.length > 0 ? originals.join('", "') : undefined);
    return map;
  }

  private scalar(value: Value, rows: number[], original?: string): Scalar {
    const scalar = this.doc.createNode(value) as Scalar;
    scalar.comment = provenance(this.table, rows, original);
    return scalar;
  }

  /** The one value rows agree on for a plan-level field, or a diagnostic naming two rows that differ. */
  private agreed(
    owner: string,
    field: string,
    records: readonly ImportRecord[],
  ): { value: Value; rows: number[]; original?: string } | undefined {
    let first: Sourced | undefined;
    const rows: number[] = [];
    for (const record of records) {
      const value = record.fields.get(field);
      if (value === undefined) continue;
      if (first && first.value !== value.value) {
        this.diagnostics.push({
          file: this.table.file,
          line: value.row,
          message: `row ${value.row}: ${owner} has ${field} ${String(first.value)} in row ${first.row} and ${String(value.value)} here: a plan has one ${field}; make the rows agree, or give them different plan ids`,
          source: 'usage',
        });
        continue;
      }
      first ??= value;
      rows.push(value.row);
    }
    return first ? { value: first.value, rows, ...(first.original !== undefined && { original: first.original }) } : undefined;
  }

  private setAgreed(map: YAMLMap, key: string, owner: string, field: string, records: readonly ImportRecord[]): void {
    const value = this.agreed(owner, field, records);
    if (value) map.set(key, this.scalar(value.value, value.rows, value.original));
  }

  plans(records: readonly ImportRecord[]): void {
    const groups = groupBy(records, (record) => String(record.fields.get('plan')!.value));
    for (const [id, rows] of groups) {
      const owner = `plan ${id}`;
      const plan = new YAMLMap();
      plan.set(
        'id',
        this.scalar(
          id,
          rows.map((record) => record.row),
          rows[0]!.fields.get('plan')!.original,
        ),
      );
      this.setAgreed(plan, 'team', owner, 'team', rows);
      for (const record of rows) this.refer('teams', record.fields.get('team'));
      this.setAgreed(plan, 'effective', owner, 'effective', rows);
      this.setAgreed(plan, 'ote', owner, 'ote', rows);
      this.setAgreed(plan, 'variable_share', owner, 'variable_share', rows);
      this.setAgreed(plan, 'rationale', owner, 'rationale', rows);
      const clawback = this.agreed(owner, 'clawback_months', rows);
      if (clawback) plan.set('clawback', this.line([['months', clawback.value]], clawback.rows));
      const commission = new YAMLSeq();
      const bonus = new YAMLSeq();
      const quotas = new YAMLSeq();
      const planCurve: ImportRecord[] = [];
      for (const record of rows) {
        const get = (name: string) => record.fields.get(name);
        const component = get('component')?.value;
        const at = [record.row];
        this.refer('metrics', get('metric'));
        this.refer('segments', get('segment'));
        const scope: [string, Sourced | undefined][] = [
          ['metric', get('metric')],
          ['segment', get('segment')],
        ];
        let pieces = 0;
        if (component === 'commission' || (component === undefined && get('rate'))) {
          commission.items.push(this.line([...scope, ['rate', get('rate')]], at));
          pieces++;
        }
        if (component === 'bonus' || (component === undefined && get('weight'))) {
          if (!get('weight'))
            this.diagnostics.push({
              file: this.table.file,
              line: record.row,
              message: `row ${record.row}: a bonus component needs its weight (the share of variable pay it is worth, such as 20%)`,
              source: 'usage',
            });
          else bonus.items.push(this.line([...scope, ['weight', get('weight')]], at));
          pieces++;
        }
        const curveOf = (): Value | undefined => {
          const threshold = get('threshold')?.value;
          const cap = get('cap')?.value;
          if (threshold === undefined && cap === undefined) return undefined;
          const curve = new YAMLMap();
          curve.flow = true;
          if (threshold !== undefined) curve.set('threshold', threshold);
          if (cap !== undefined) curve.set('cap', this.doc.createNode({ attainment: cap }));
          return curve as unknown as Value;
        };
        if (component === 'quota' || (component === undefined && get('quota'))) {
          if (!get('quota'))
            this.diagnostics.push({
              file: this.table.file,
              line: record.row,
              message: `row ${record.row}: a quota component needs its amount (the quota column)`,
              source: 'usage',
            });
          else quotas.items.push(this.line([...scope, ['amount', get('quota')], ['period', get('period')], ['curve', curveOf()]], at));
          pieces++;
        } else if (get('threshold') || get('cap')) {
          planCurve.push(record);
        }
        if (pieces === 0) {
          this.diagnostics.push({
            file: this.table.file,
            line: record.row,
            message: `row ${record.row}: nothing to import for ${owner}: give the row a rate (commission), a weight (bonus) or a quota, or a component column saying which it is`,
            source: 'usage',
          });
        }
      }
      if (planCurve.length > 0) {
        const curve = new YAMLMap();
        this.setAgreed(curve, 'threshold', owner, 'threshold', planCurve);
        const cap = this.agreed(owner, 'cap', planCurve);
        if (cap) curve.set('cap', this.line([['attainment', cap.value]], cap.rows));
        plan.set('curve', curve);
      }
      if (commission.items.length > 0) plan.set('commission', commission);
      if (bonus.items.length > 0) plan.set('bonus', bonus);
      if (quotas.items.length > 0) plan.set('quotas', quotas);
      this.push('compensation', plan);
    }
  }

  roster(records: readonly ImportRecord[]): void {
    for (const record of records) {
      const get = (name: string) => record.fields.get(name);
      if ((get('person') === undefined) === (get('role') === undefined)) {
        this.diagnostics.push({
          file: this.table.file,
          line: record.row,
          message: `row ${record.row}: a roster row names a person or a role${get('person') ? ', not both' : ''}: fill the person column (or role, for a roster kept per role)`,
          source: 'usage',
        });
        continue;
      }
      this.refer('teams', get('team'));
      const keys = ['person', 'role', 'headcount', 'team', 'plan', 'ote', 'variable_share', 'quota', 'attainment'];
      this.push(
        'roster',
        this.line(
          keys.map((key) => [key, get(key)]),
          [record.row],
        ),
      );
    }
  }

  okrs(records: readonly ImportRecord[]): void {
    const groups = groupBy(records, (record) => {
      const explicit = record.fields.get('okr')?.value;
      if (explicit !== undefined) return String(explicit);
      const team = record.fields.get('team')?.value;
      const quarter = record.fields.get('quarter')?.value;
      return `${[team, quarter === undefined ? undefined : String(quarter).toLowerCase()].filter((part) => part !== undefined).join('-') || 'okrs'}\u0000${String(record.fields.get('objective')!.value)}`;
    });
    const used = new Set<string>();
    for (const [key, rows] of groups) {
      const [base] = key.split('\u0000');
      let id = toKebab(base!) || 'okrs';
      for (let n = 2; used.has(id); n++) id = `${toKebab(base!)}-${n}`;
      used.add(id);
      const owner = `OKR set ${id}`;
      const set = new YAMLMap();
      set.set(
        'id',
        this.scalar(
          id,
          rows.map((record) => record.row),
        ),
      );
      this.setAgreed(set, 'team', owner, 'team', rows);
      for (const record of rows) this.refer('teams', record.fields.get('team'));
      const quarter = this.agreed(owner, 'quarter', rows);
      if (quarter) set.set('effective', this.scalar(quarterStart(String(quarter.value)), quarter.rows, String(quarter.value)));
      this.setAgreed(set, 'objective', owner, 'objective', rows);
      const keyResults = new YAMLSeq();
      for (const record of rows) {
        const get = (name: string) => record.fields.get(name);
        this.refer('metrics', get('metric'));
        this.refer('segments', get('segment'));
        const target = get('target');
        const read = target && typeof target.value === 'string' ? readNumberText(target.value) : undefined;
        // "$2,400,000" and "95" are numbers; "+20%" stays the relative target it is.
        const numeric = read && !read.percent ? { ...target!, value: read.value } : target;
        keyResults.items.push(
          this.line(
            [
              ['metric', get('metric')],
              ['segment', get('segment')],
              ['target', numeric],
              ['guardrail', get('guardrail')],
              ['description', get('key_result')],
            ],
            [record.row],
          ),
        );
      }
      set.set('key_results', keyResults);
      this.push('okrs', set);
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return groups;
}
