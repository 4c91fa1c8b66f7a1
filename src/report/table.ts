/**
 * cli-table3, loaded the first time a table is drawn: most runs of a clean policy print none, and
 * the module (with its string-width dependencies) is a measurable share of the start-up time.
 */
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';

type TableOptions = ConstructorParameters<typeof TableType>[0];

let Table: typeof TableType | undefined;

export function newTable(options: TableOptions): InstanceType<typeof TableType> {
  Table ??= createRequire(import.meta.url)('cli-table3') as typeof TableType;
  return new Table(options);
}
