// Writes schema/policy.schema.json from the zod schema (build first: npx tsc -p tsconfig.json).
// test/init.test.ts fails when the committed file is out of date.
import fs from 'node:fs';
import { policyJsonSchema } from '../dist/src/schema.js';

fs.writeFileSync(new URL('../schema/policy.schema.json', import.meta.url), `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
