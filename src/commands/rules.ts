/** `incentive-lint rules` and `incentive-lint explain RULE`: the rule catalog, for people and tools. */
import type { ChalkInstance } from 'chalk';
import { Option } from 'commander';
import { builtinRules } from '../../rules/index.js';
import { didYouMean } from '../diagnostics.js';
import { CHECK_DOCS } from '../check-catalog.js';
import { defaultSeverity, optionDocs, waiverSnippet, type CheckDoc } from '../engine/rule-docs.js';
import type { AnyRule } from '../engine/rule.js';
import { chooseChalk, EXIT, printDiagnostics } from '../terminal.js';
import { printOut } from '../output/print.js';
import { inSchemaOrder } from '../schema-keys.js';
import type { CommandRegistration } from './shared.js';

export const registerRules: CommandRegistration = (program, setExitCode) => {
  program
    .command('rules')
    .description('list every rule: id, category, default severity, summary')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-color', 'turn colors off')
    .action(async (options: { format: string; color?: boolean }) => {
      setExitCode(await printRules(builtinRules, options));
    });

  program
    .command('explain')
    .description(
      'explain a rule or a check (lever-coverage, unused-suppression, suppression-reason): why it exists, its options, a bad and a good example, how to waive it',
    )
    .argument('<rule>', 'rule or check id, such as flat-commission or lever-coverage')
    .option('--no-color', 'turn colors off')
    .action((ruleId: string, options: { color?: boolean }) => {
      setExitCode(explainRule(builtinRules, ruleId, options));
    });
};

async function printRules(rules: readonly AnyRule[], options: { format: string; color?: boolean }): Promise<number> {
  if (options.format === 'json') {
    const catalog = rules.map(({ meta }) => ({
      id: meta.id,
      category: meta.category,
      severity: meta.severity,
      ...(meta.presets ? { presets: [...meta.presets] } : {}),
      summary: meta.summary,
      source: meta.source,
      options: Object.fromEntries(optionDocs({ meta } as AnyRule).map((option) => [option.name, option.default])),
      ...(meta.reads ? { reads: inSchemaOrder(meta.reads) } : {}),
    }));
    printOut(`${JSON.stringify(catalog, null, 2)}\n`, 'json');
    return EXIT.ok;
  }
  const chalk = chooseChalk(process.stdout, options.color);
  const { default: Table } = await import('cli-table3');
  const table = new Table({
    head: ['id', 'category', 'severity', 'summary'],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] },
    colWidths: [Math.max(...rules.map(({ meta }) => meta.id.length)) + 2, 22, 14, 58],
    wordWrap: true,
  });
  for (const { meta } of rules) table.push([meta.id, meta.category, defaultSeverity(meta), meta.summary]);
  const checks = new Table({
    head: ['id', 'runs in', 'severity', 'summary'],
    style: { head: chalk.level > 0 ? ['bold'] : [], border: chalk.level > 0 ? ['grey'] : [] },
    colWidths: [Math.max(...CHECK_DOCS.map(({ meta }) => meta.id.length)) + 2, 22, 20, 50],
    wordWrap: true,
  });
  for (const { meta, where, severity } of CHECK_DOCS) checks.push([meta.id, where, severity, meta.summary]);
  printOut(
    `${table.toString()}\n\nChecks outside the rule catalog (incentive-lint explain ID describes them too):\n${checks.toString()}\n`,
  );
  return EXIT.ok;
}

function explainRule(rules: readonly AnyRule[], ruleId: string, options: { color?: boolean }): number {
  const rule = rules.find((candidate) => candidate.meta.id === ruleId);
  const check = CHECK_DOCS.find((candidate) => candidate.meta.id === ruleId);
  if (check) {
    printOut(explainCheck(check, chooseChalk(process.stdout, options.color)));
    return EXIT.ok;
  }
  if (!rule) {
    const ids = [...rules, ...CHECK_DOCS].map((candidate) => candidate.meta.id);
    printDiagnostics(
      [{ message: `unknown rule "${ruleId}"${didYouMean(ruleId, ids)} (\`incentive-lint rules\` lists them all)`, source: 'usage' }],
      chooseChalk(process.stderr, options.color),
    );
    return EXIT.untrusted;
  }
  printOut(explanation(rule, chooseChalk(process.stdout, options.color)));
  return EXIT.ok;
}

/** What `explain` prints for a rule: why it exists, its options, its examples, how to waive it. */
export function explanation(rule: AnyRule, chalk: ChalkInstance): string {
  const { meta } = rule;
  const heading = (text: string) => chalk.bold(text);
  const out = [
    `${chalk.bold(meta.id)}  ${chalk.dim(`${meta.category} · default ${defaultSeverity(meta)}`)}`,
    '',
    `${meta.summary}.`,
    '',
    heading('Why'),
    indent(meta.rationale),
    `  ${chalk.dim(`Source: ${meta.source}`)}`,
    '',
  ];
  const optionList = optionDocs(rule);
  out.push(heading('Options'));
  if (optionList.length === 0) out.push('  none');
  for (const option of optionList)
    out.push(`  ${option.name} (default ${JSON.stringify(option.default)})${option.description ? `: ${option.description}` : ''}`);
  out.push(
    `  Set them in incentive-lint.config.yaml: rules: { ${meta.id}: [${meta.severity}, {${optionList.map((o) => ` ${o.name}: ${JSON.stringify(o.default)}`).join(',')} }] }`,
    '',
  );
  if (meta.reads?.length) {
    out.push(
      heading('Reads'),
      `  ${chalk.dim('The policy keys whose declaration can change its findings (docs/format.md lists the rules that read each key):')}`,
    );
    out.push(...wrapList(inSchemaOrder(meta.reads), 98).map((line) => `  ${line}`), '');
  }
  if (meta.examples) {
    if (meta.examples.baseline !== undefined)
      out.push(heading('Earlier version (what diff and --since compare with)'), indent(meta.examples.baseline), '');
    out.push(heading('Reported'), indent(meta.examples.bad), '', heading('Accepted'), indent(meta.examples.good), '');
    out.push(`  ${chalk.dim('Each example is part of a policy: the rest is the base policy of rule tests (incentive-lint/testing).')}`, '');
  }
  out.push(
    heading('Accepting an exception'),
    '  Add a waiver to the policy; it silences this rule on one instrument until it expires:',
    indent(waiverSnippet(meta.id)),
    '',
  );
  return `${out.join('\n')}\n`;
}

/** A check outside the catalog, in the order of a rule's explanation: where it runs and how to satisfy it in place of options. */
function explainCheck({ meta, where, severity, runs, satisfy, exception }: CheckDoc, chalk: ReturnType<typeof chooseChalk>): string {
  const heading = (text: string) => chalk.bold(text);
  const out = [
    `${chalk.bold(meta.id)}  ${chalk.dim(`${meta.category} · ${severity} · ${where}: a check outside the rule catalog`)}`,
    '',
    `${meta.summary}.`,
    '',
    heading('Where it runs'),
    indent(runs),
    '',
    heading('Why'),
    indent(meta.rationale),
    `  ${chalk.dim(`Source: ${meta.source}`)}`,
    '',
    heading('How to satisfy it'),
    indent(satisfy),
    '',
  ];
  if (meta.examples) {
    out.push(heading('Reported'), indent(meta.examples.bad), '', heading('Accepted'), indent(meta.examples.good), '');
    if (meta.examples.note) out.push(`  ${chalk.dim(meta.examples.note)}`, '');
  }
  out.push(heading('Accepting an exception'), indent(exception.text));
  if (exception.yaml) out.push(indent(exception.yaml));
  return `${out.join('\n')}\n`;
}

/** Items joined by commas, in lines of at most `width` characters (an item longer than that has a line of its own). */
function wrapList(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [position, item] of items.entries()) {
    const piece = position === items.length - 1 ? item : `${item},`;
    if (line !== '' && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else line = line === '' ? piece : `${line} ${piece}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
