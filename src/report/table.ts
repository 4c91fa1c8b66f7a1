/**
 * cli-table3, loaded the first time a table is drawn (gate, matrix): the module, with its
 * string-width dependencies, is a measurable share of the start-up time. The stylish report draws
 * its one table itself (box-table.ts).
 */
import type TableType from 'cli-table3';
import { packageRequire } from '../package-root.js';

type TableOptions = ConstructorParameters<typeof TableType>[0];

let Table: typeof TableType | undefined;

export function newTable(options: TableOptions): InstanceType<typeof TableType> {
  Table ??= packageRequire('cli-table3') as typeof TableType;
  return new Table(options);
}
