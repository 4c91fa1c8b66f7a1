/** The one-line total that the text reports for CI (github, markdown) end or start with. */
import type { Summary } from '../lint.js';

export function describeTotals({ errors, warnings, infos, files }: Summary): string {
  const problems = errors + warnings + infos;
  const where = `in ${plural(files, 'file')}`;
  if (problems === 0) return `no problems ${where}`;
  return `${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'info')}) ${where}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
