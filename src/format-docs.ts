/**
 * docs/format.md, the reference of the policy format, generated from the JSON Schema that the zod
 * schema produces: every section, key, type and description comes from src/schema.ts (and any
 * schema it includes), so the reference cannot drift from what the loader accepts. Run by
 * `npm run docs` and checked by a test.
 */
import { builtinRules } from '../rules/index.js';
import type { AnyRule } from './engine/rule.js';
import { READS_TITLE, readByNote, readersByKey, readsMarkdown } from './reads-docs.js';
import { policyJsonSchema } from './schema.js';

interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

/** The path of the top level, where every file's keys are. */
const TOP = '';

const KEBAB_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';

const INTRODUCTION = `# The policy format, version 1

<!-- Generated from the zod schema (src/schema.ts) by \`npm run docs\`; edit the descriptions there. -->

A policy is one or more YAML files. Every file starts with \`version: 1\`. All files given on one
command line, or found under a given folder (\`*.yaml\`, \`*.yml\`), form one policy: list sections are
concatenated, ids are unique across the whole policy, and \`strategy\` appears exactly once. A file
may hold several YAML documents (\`---\`), each a policy document of its own.

Values:

- **ids** are kebab-case: lowercase letters, digits and hyphens (\`enterprise-arr\`). Ids are unique
  per kind (segments, teams, metrics, priorities, instruments); every reference must name a declared id.
- **shares** (rates, weights, variable pay, deferred share) are a fraction between 0 and 1 (\`0.08\`)
  or a percentage string between 0% and 100% (\`"8%"\`); never a whole number of percent (\`8\` is 800%).
- **dates** are ISO \`YYYY-MM-DD\` and must exist on the calendar.
- Only plain data: text, numbers, true/false, lists and mappings. Tags (\`!!binary\`), merge keys
  (\`<<\`) and more than 50 aliases are refused.
- Unknown keys are errors, with a "did you mean" for typos.

\`examples/aligned.yaml\` in the repository is a complete policy that uses every section. Editors get
completion, hover and checks from the JSON Schema (\`incentive-lint schema\`, shipped as
\`schema/policy.schema.json\`), which is generated from the same schema as this page.
`;

/** The whole reference, as Markdown; `rules` say which keys change which findings (their `meta.reads`). */
export function formatMarkdown(schema: JsonSchema = policyJsonSchema() as JsonSchema, rules: readonly AnyRule[] = builtinRules): string {
  const sections = collectSections(schema);
  const readers = readersByKey(rules);
  const titles = new Map<JsonSchema, string>();
  for (const section of sections) titles.set(section.schema, section.title);
  const typeOf = (property: JsonSchema) => describeType(property, titles);
  const lines = [INTRODUCTION, '## Contents', ''];
  for (const section of sections) lines.push(`- [${section.title}](#${anchor(section.title)})`);
  lines.push(`- [${READS_TITLE}](#${anchor(READS_TITLE)})`);
  for (const section of sections) {
    lines.push('', `## ${section.title}`, '');
    lines.push(
      section.paths[0] === TOP
        ? 'The top level of every policy file (and of every YAML document in one).'
        : `Where: ${section.paths.map((where) => `\`${where}\``).join(', ')}`,
      '',
    );
    // A section reached from one key says what that key holds; a shared one (favor and deprioritize) leaves it to the keys.
    if (section.schema.description && section.paths.length === 1 && section.paths[0] !== TOP)
      lines.push(oneLine(section.schema.description), '');
    lines.push('| key | type | required | description |', '| --- | --- | --- | --- |');
    const required = new Set(section.schema.required ?? []);
    for (const [key, property] of Object.entries(section.schema.properties ?? {})) {
      const readBy = readByNote(
        readers,
        section.paths.map((where) => (where === TOP ? key : `${where}.${key}`)),
      );
      lines.push(`| \`${key}\` | ${typeOf(property)} | ${required.has(key) ? 'yes' : ''} | ${cell(property.description ?? '')}${readBy} |`);
    }
    // Examples live in the schema (editors show them on hover): a titled mapping shows its own, once, in its section.
    const sectionExample = yamlExample(section.schema);
    if (sectionExample) lines.push('', 'Example:', '', sectionExample);
    for (const [key, property] of Object.entries(section.schema.properties ?? {})) {
      const example = objectOf(property)?.title ? undefined : yamlExample(property);
      if (example) lines.push('', `Example of \`${key}\`:`, '', example);
    }
  }
  // A key's section is the one its parent's path leads to: `metrics[].type` is described under Metric.
  const sectionOf = (path: string) => {
    const parent = path.replace(/\.?[a-z_]+$/, '');
    const section = sections.find((candidate) => candidate.paths.includes(parent));
    return section && anchor(section.title);
  };
  lines.push('', ...readsMarkdown(readers, sectionOf));
  return `${lines.join('\n')}\n`;
}

interface Section {
  title: string;
  schema: JsonSchema;
  paths: string[];
}

/**
 * Every object of the schema, in the order a reader meets them; one section per title. An object
 * without a title of its own is named after the titled object it sits in and its key there
 * ("Compensation plan: curve.tiers").
 */
function collectSections(root: JsonSchema): Section[] {
  const byTitle = new Map<string, Section>();
  const visit = (schema: JsonSchema, where: string, owner: { title: string; where: string } | undefined) => {
    const object = objectOf(schema);
    if (!object) return;
    const title =
      where === TOP ? 'Policy file' : (object.title ?? `${owner!.title}: ${where.slice(owner!.where.length + 1).replace(/\[\]/g, '')}`);
    const existing = byTitle.get(title);
    if (existing) {
      existing.paths.push(where);
      return;
    }
    byTitle.set(title, { title, schema: object, paths: [where] });
    const inner = object.title || where === TOP ? { title, where } : owner;
    for (const [key, property] of Object.entries(object.properties ?? {})) {
      const path = where === TOP ? key : `${where}.${key}`;
      if (property.type === 'array' && property.items) visit(property.items, `${path}[]`, inner);
      else visit(property, path, inner);
    }
  };
  visit(root, TOP, undefined);
  return [...byTitle.values()];
}

function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.type === 'object' && schema.properties) return schema;
  return schema.anyOf?.find((option) => option.type === 'object' && option.properties);
}

/** The type of a value, in words a policy author reads; a mapping links to its section. */
function describeType(schema: JsonSchema, titles: ReadonlyMap<JsonSchema, string>): string {
  const typeOf = (inner: JsonSchema) => describeType(inner, titles);
  const object = objectOf(schema);
  if (object) {
    const title = titles.get(object) ?? object.title ?? 'mapping';
    return `[${title}](#${anchor(title)})`;
  }
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' \\| ');
  if (schema.anyOf) {
    const kinds = schema.anyOf.map((option) => option.type);
    if (kinds.includes('number') && schema.anyOf.some((option) => option.type === 'string' && option.pattern?.includes('%')))
      return 'share: `0.08` or `"8%"`';
    return schema.anyOf.map(typeOf).join(' or ');
  }
  switch (schema.type) {
    case 'array':
      return schema.items ? `list of ${plural(typeOf(schema.items))}` : 'list';
    case 'string':
      if (schema.format === 'date') return 'date `YYYY-MM-DD`';
      if (schema.pattern === KEBAB_PATTERN) return 'id';
      return 'text';
    case 'integer':
      return schema.exclusiveMinimum === 0 ? 'whole number > 0' : 'whole number';
    case 'number':
      if (schema.exclusiveMinimum === 0) return 'number > 0';
      return 'number';
    case 'boolean':
      return '`true` \\| `false`';
    default:
      return schema.type ?? 'any value';
  }
}

function plural(type: string): string {
  if (type === 'id') return 'ids';
  if (type === 'text') return 'texts';
  return type;
}

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces as hyphens. */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');
}

/** The fenced YAML example in a schema's markdownDescription, if it has one. */
function yamlExample(schema: JsonSchema): string | undefined {
  return /```yaml\n[\s\S]*?\n```/.exec(schema.markdownDescription ?? '')?.[0];
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
