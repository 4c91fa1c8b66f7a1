// Writes docs/rules.md from the rule metadata (run through `npm run docs`, after the build).
import fs from 'node:fs';
import { builtinRules } from '../dist/rules/index.js';
import { rulesMarkdown } from '../dist/src/engine/rule-docs.js';

const target = new URL('../docs/rules.md', import.meta.url);
fs.writeFileSync(target, rulesMarkdown(builtinRules));
console.log(`wrote docs/rules.md (${builtinRules.length} rules)`);
