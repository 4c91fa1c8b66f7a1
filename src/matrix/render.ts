/** The alignment matrix as a colored table (cli-table3), as markdown, or as JSON. */
import type { ChalkInstance } from 'chalk';
import { markdownText, textLine } from '../output/neutralize.js';
import { newTable } from '../report/table.js';
import type { AlignmentMatrix, CellStatus } from './build.js';

export const MATRIX_FORMATS = ['stylish', 'markdown', 'json'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

const SYMBOL: Record<CellStatus, string> = { reinforced: '✔ reinforced', undermined: '✖ undermined', both: '± both', nothing: '· nothing' };

export function renderMatrix(matrix: AlignmentMatrix, format: MatrixFormat, chalk: ChalkInstance): string {
  if (format === 'json') return `${JSON.stringify(matrix)}\n`;
  if (format === 'markdown') return markdown(matrix);
  return stylish(matrix, chalk);
}

function paint(chalk: ChalkInstance, status: CellStatus): string {
  const text = SYMBOL[status];
  return status === 'reinforced'
    ? chalk.green(text)
    : status === 'undermined'
      ? chalk.red(text)
      : status === 'both'
        ? chalk.yellow(text)
        : chalk.dim(text);
}

/** "team × priority: why" for every cell where incentives work against the priority. */
function underminingReasons(matrix: AlignmentMatrix): string[] {
  return matrix.rows.flatMap((row) =>
    matrix.teams
      .filter((team) => row.cells[team]!.underminedBy.length > 0)
      .map((team) => `${team} × ${row.priority}: ${row.cells[team]!.underminedBy.join('; ')}`),
  );
}

function stylish(matrix: AlignmentMatrix, chalk: ChalkInstance): string {
  if (matrix.rows.length === 0 || matrix.teams.length === 0)
    return `${chalk.dim('The policy declares no priorities or no teams: there is no matrix to draw.')}\n`;
  const table = newTable({
    head: ['priority', ...matrix.teams.map(textLine)],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] },
  });
  for (const row of matrix.rows) table.push([textLine(row.priority), ...matrix.teams.map((team) => paint(chalk, row.cells[team]!.status))]);
  const lines = [
    table.toString(),
    chalk.dim('reinforced: rewarded on what the priority favors; undermined: on what it deprioritizes; both; nothing'),
  ];
  const reasons = underminingReasons(matrix);
  if (reasons.length > 0)
    lines.push('', chalk.bold('Undermined by'), ...reasons.map((reason) => `  ${chalk.red('✖')} ${textLine(reason)}`));
  return `${lines.join('\n')}\n`;
}

function markdown(matrix: AlignmentMatrix): string {
  const lines = [
    `| Priority | ${matrix.teams.map(markdownText).join(' | ')} |`,
    `| --- |${matrix.teams.map(() => ' --- |').join('')}`,
    ...matrix.rows.map(
      (row) => `| ${markdownText(row.priority)} | ${matrix.teams.map((team) => SYMBOL[row.cells[team]!.status]).join(' | ')} |`,
    ),
  ];
  const reasons = underminingReasons(matrix);
  if (reasons.length > 0) lines.push('', '**Undermined by**', '', ...reasons.map((reason) => `- ${markdownText(reason)}`));
  return `${lines.join('\n')}\n`;
}
