/** Policies for the configuration, plugin, suppression and baseline tests, built on the init starter. */
import { starterPolicy } from '../src/commands/init-templates.js';

/** The starter policy `init` writes: every rule is silent on it (test/init.test.ts). */
export const STARTER = starterPolicy('./policy.schema.json');

/** The starter with SMB commission raised to 10% against 15% enterprise: flat-commission reports the smb line (and only it). */
export const FLAT_PLAN = STARTER.replace('{ metric: new-arr, segment: smb, rate: "5%" }', '{ metric: new-arr, segment: smb, rate: "10%" }');

export { lineOf } from './helpers.js';
