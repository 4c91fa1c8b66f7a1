/**
 * The checks that report findings without being rules of the catalog, as `explain`, `rules` and
 * docs/rules.md describe them: the gate's lever-coverage, and the two checks of suppression comments.
 */
import type { CheckDoc } from './engine/rule-docs.js';
import { SUPPRESSION_CHECK_DOCS } from './engine/suppressions.js';
import { IMPORT_TODO_CHECK_DOCS } from './engine/import-todos.js';
import { leverCoverageDoc } from './gate/lever-coverage.js';

export const CHECK_DOCS: readonly CheckDoc[] = [leverCoverageDoc, ...SUPPRESSION_CHECK_DOCS, ...IMPORT_TODO_CHECK_DOCS];
