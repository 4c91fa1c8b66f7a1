// Writes docs/rules.md from the rule metadata and docs/format.md from the policy schema (run through
// `npm run docs`, after the build).
import fs from 'node:fs';
import { builtinRules } from '../dist/rules/index.js';
import { CHECK_DOCS } from '../dist/src/check-catalog.js';
import { rulesMarkdown } from '../dist/src/engine/rule-docs.js';
import { formatMarkdown } from '../dist/src/format-docs.js';

fs.writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown(builtinRules, CHECK_DOCS));
console.log(`wrote docs/rules.md (${builtinRules.length} rules, ${CHECK_DOCS.length} checks outside the catalog)`);
fs.writeFileSync(new URL('../docs/format.md', import.meta.url), formatMarkdown());
console.log('wrote docs/format.md');
