/**
 * What a run produces: a finding (a rule's report at its position), a waived finding with the waiver
 * that silenced it, and the configured rule that ran. Apart from run.ts so that the modules the run
 * calls (suppressions, import TODOs) name these types without importing the run.
 */
import type { TextEdit } from './edits.js';
import type { MessageData } from './messages.js';
import type { AnyRule, Severity } from './rule.js';
import type { Location } from '../load/index.js';
import type { WaiverT } from '../schema.js';

export interface ConfiguredRule {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  category: string;
  message: string;
  fix: string;
  /** The id of the instrument the node belongs to, when it belongs to one. */
  instrument?: string;
  /** For a node outside any instrument: the team, segment, metric or priority it belongs to. */
  subject?: string;
  /** The id of the rule's wording (meta.messages) and the values it was filled with, when the rule reported one. */
  messageId?: string;
  data?: MessageData;
  /** The fix as text edits a tool can apply, when it is mechanical (see ReportDescriptor.edits). */
  edits?: TextEdit[];
  /** The priorities the finding says its node works against (ReportDescriptor.priorities): the matrix cells it marks. */
  priorities?: string[];
}

export interface WaivedFinding {
  finding: Finding;
  waiver: WaiverT;
}
