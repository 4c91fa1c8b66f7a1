/**
 * The test configuration of `npm run mutate` (stryker.config.mjs): the suite's own, with each test
 * file in a fresh module graph. The suite shares modules between files (isolate: false) to start
 * faster; under mutation that would keep the rule module of the first run, so a mutant in code that
 * runs when the module loads (a rule's metadata: its id, options, defersTo) would never be active.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(base, defineConfig({ test: { isolate: true } }));
