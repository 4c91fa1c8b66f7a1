/**
 * cli-table3 behind one constructor. Every module that draws a table (the stylish report, gate,
 * matrix, rules) is itself loaded on demand, so runs that print no table never evaluate it.
 */
import Table from 'cli-table3';

type TableOptions = ConstructorParameters<typeof Table>[0];

export function newTable(options: TableOptions): InstanceType<typeof Table> {
  return new Table(options);
}
