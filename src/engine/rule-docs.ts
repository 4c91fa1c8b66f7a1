/**
 * What the documentation of a rule says, read from its metadata: used by `rules`, `explain`,
 * docs/rules.md and the SARIF rule descriptors, so they can never disagree.
 */
import type * as z from 'zod';
import type { AnyRule, RuleMeta } from './rule.js';
import { inSchemaOrder } from '../schema-keys.js';

/**
 * A check that reports findings but is not a rule of the catalog: the gate's lever-coverage, and the
 * two checks of inline suppression comments. `explain` and docs/rules.md describe it as they do a
 * rule, with where it runs and how to satisfy it in place of options.
 */
export interface CheckDoc {
  meta: Pick<RuleMeta, 'id' | 'category' | 'summary' | 'rationale' | 'source'> & {
    examples?: { bad: string; good: string /** What the examples are part of. */; note?: string };
  };
  /** Where it runs, in a few words, for the `rules` table: "gate, step 3". */
  where: string;
  /** Its severity, as configuration leaves it: "error, always"; "off under recommended, error under strict". */
  severity: string;
  /** Where it runs, which commands report it, and what configuration can do with it. */
  runs: string;
  /** What to change so that it stops reporting. */
  satisfy: string;
  /** How to accept an exception: a sentence, and the YAML that does it when there is some. */
  exception: { text: string; yaml?: string };
}

export interface OptionDoc {
  name: string;
  default: unknown;
  description: string;
}

export function optionDocs(rule: AnyRule): OptionDoc[] {
  const shape = (rule.meta.options?.shape ?? {}) as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const def = schema._zod.def as { defaultValue?: unknown };
    return { name, default: def.defaultValue, description: schema.description ?? '' };
  });
}

/** The YAML a user adds to accept a finding of `rule` on one instrument, for a limited time. */
export function waiverSnippet(ruleId: string): string {
  return `waivers:
  - rule: ${ruleId}
    target: INSTRUMENT-ID        # the plan, OKR set, ladder or program the finding is in (a team or priority id for findings about one)
    reason: Why this exception is accepted, and until when.
    approved_by: OWNER           # who owns the exception
    expires: YYYY-MM-DD          # after this date the finding comes back`;
}

/** The YAML a user adds to accept a lever-coverage finding, for a limited time: a waiver naming the priority. */
export function priorityWaiverSnippet(checkId: string): string {
  return `waivers:
  - rule: ${checkId}
    target: PRIORITY-ID          # the priority the finding is about
    reason: Why this exception is accepted, and until when.
    approved_by: OWNER           # who owns the exception
    expires: YYYY-MM-DD          # after this date the finding comes back`;
}

/**
 * docs/rules.md: one section per rule, then one per check outside the catalog (`checks`), generated
 * by `npm run docs` and checked by a test.
 */
export function rulesMarkdown(rules: readonly AnyRule[], checks: readonly CheckDoc[] = []): string {
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; do not edit by hand. -->',
    '',
    '| id | category | default severity | summary |',
    '| --- | --- | --- | --- |',
    ...rules.map(
      (rule) =>
        `| [${rule.meta.id}](#${rule.meta.id}) | ${rule.meta.category} | ${escapeCell(defaultSeverity(rule.meta))} | ${escapeCell(rule.meta.summary)} |`,
    ),
    '',
  ];
  if (checks.length > 0) {
    lines.push(
      'Checks outside the rule catalog report findings too; `incentive-lint explain ID` describes them like the rules, and they are documented [after the rules](#checks-outside-the-rule-catalog):',
      '',
      '| id | runs in | severity | summary |',
      '| --- | --- | --- | --- |',
      ...checks.map(
        ({ meta, where, severity }) =>
          `| [${meta.id}](#${meta.id}) | ${escapeCell(where)} | ${escapeCell(severity)} | ${escapeCell(meta.summary)} |`,
      ),
      '',
    );
  }
  for (const rule of rules) {
    const { meta } = rule;
    lines.push(
      `## ${meta.id}`,
      '',
      `${meta.summary}.`,
      '',
      `- category: ${meta.category}`,
      `- default severity: ${defaultSeverity(meta)}`,
      `- source: ${meta.source}`,
      '',
    );
    lines.push('### Why', '', meta.rationale, '');
    const options = optionDocs(rule);
    if (options.length > 0) {
      lines.push('### Options', '', '| option | default | meaning |', '| --- | --- | --- |');
      for (const option of options)
        lines.push(`| \`${option.name}\` | \`${JSON.stringify(option.default)}\` | ${escapeCell(option.description)} |`);
      lines.push('');
    }
    if (meta.reads?.length) {
      lines.push(
        '### Reads',
        '',
        'The policy keys whose declaration can change its findings ([which declarations change which findings](format.md#which-declarations-change-which-findings)):',
        '',
      );
      lines.push(
        inSchemaOrder(meta.reads)
          .map((path) => `\`${path}\``)
          .join(', '),
        '',
      );
    }
    if (meta.examples) {
      if (meta.examples.baseline !== undefined)
        lines.push('### Earlier version (what diff and --since compare with)', '', '```yaml', meta.examples.baseline, '```', '');
      lines.push('### Reported', '', '```yaml', meta.examples.bad, '```', '', '### Accepted', '', '```yaml', meta.examples.good, '```', '');
    }
    lines.push('### Accepting an exception', '', '```yaml', waiverSnippet(meta.id), '```', '');
  }
  if (checks.length > 0) {
    lines.push(
      '## Checks outside the rule catalog',
      '',
      'They are not rules a configuration lists under `rules:` (except to turn the suppression checks on or off), but their findings read like any other.',
      '',
    );
  }
  for (const { meta, where, severity, runs, satisfy, exception } of checks) {
    lines.push(
      `## ${meta.id}`,
      '',
      `${meta.summary}.`,
      '',
      `- category: ${meta.category}`,
      `- runs in: ${where}`,
      `- severity: ${severity}`,
      `- source: ${meta.source}`,
      '',
    );
    lines.push('### Where it runs', '', runs, '', '### Why', '', meta.rationale, '', '### How to satisfy it', '', satisfy, '');
    if (meta.examples) {
      lines.push('### Reported', '', '```yaml', meta.examples.bad, '```', '', '### Accepted', '', '```yaml', meta.examples.good, '```', '');
      if (meta.examples.note) lines.push(meta.examples.note, '');
    }
    lines.push('### Accepting an exception', '', exception.text, '');
    if (exception.yaml) lines.push('```yaml', exception.yaml, '```', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A rule's severity as a configuration without `rules` leaves it: its own, or, for a rule only some
 * presets run (meta.presets), off, and its own under those: "off (goalposts: warning)".
 */
export function defaultSeverity(meta: Pick<RuleMeta, 'severity' | 'presets'>): string {
  if (meta.presets === undefined) return meta.severity;
  return `off (${meta.presets.join(', ')}: ${meta.severity})`;
}
