/**
 * `incentive-lint lsp`: a language server over stdio. The workspace is the policy: every YAML file
 * under the workspace folder is linted together, open documents standing in for their files on disk,
 * so an edit in one file re-lints the files that depend on it. Configuration is found as the CLI
 * finds it, from the workspace folder. Nothing is written anywhere: edits go to the client.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnyRule } from '../engine/rule.js';
import { lint, type LintResult } from '../lint.js';
import { diagnosticsByUri, editFix, overlaps, suppressionFix, type LspDiagnostic, type QuickFix } from './convert.js';

/** How long typing must pause before a re-lint, in milliseconds. */
const RELINT_DELAY_MS = 200;

interface PolicyState {
  root: string;
  published: Set<string>;
  result?: LintResult;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  again?: boolean;
}

/**
 * `explain` gives a hover the text `incentive-lint explain RULE` prints, without colour; the command
 * module hands it in, so that this module does not import the commands back.
 */
export function startLanguageServer(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  explain: (rule: AnyRule) => string,
): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output);
  const documents = new TextDocuments(TextDocument);
  const policies = new Map<string, PolicyState>();
  const diagnostics = new Map<string, LspDiagnostic[]>();
  /** The version of each open document the published diagnostics were computed from: edits apply to that text only. */
  const lintedVersions = new Map<string, number>();
  let workspaceRoot: string | undefined;

  const isPolicyFile = (uri: string) => uri.startsWith('file:') && /\.ya?ml$/i.test(uri);

  /** The policy a document belongs to: the workspace folder when it lies inside it, else its own folder. */
  const policyOf = (uri: string): PolicyState => {
    const file = fileURLToPath(uri);
    const inside =
      workspaceRoot !== undefined &&
      !path.relative(workspaceRoot, file).startsWith('..') &&
      !path.isAbsolute(path.relative(workspaceRoot, file));
    const root = inside ? workspaceRoot! : path.dirname(file);
    let state = policies.get(root);
    if (!state) policies.set(root, (state = { root, published: new Set() }));
    return state;
  };

  const relint = async (state: PolicyState, editedUri: string): Promise<void> => {
    const open = documents.all().filter((document) => isPolicyFile(document.uri) && policyOf(document.uri) === state);
    const versions = new Map(open.map((document) => [document.uri, document.version]));
    const texts = open.map((document) => ({ path: fileURLToPath(document.uri), text: document.getText() }));
    let result: LintResult;
    try {
      result = await lint({ files: texts, paths: [state.root] }, { cwd: state.root });
    } catch (error) {
      connection.console.error(`incentive-lint could not lint ${state.root}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    state.result = result;
    for (const [uri, version] of versions) lintedVersions.set(uri, version);
    const byUri = diagnosticsByUri(result, state.root, editedUri);
    for (const uri of state.published) {
      if (!byUri.has(uri)) {
        diagnostics.delete(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
    for (const [uri, list] of byUri) {
      diagnostics.set(uri, list);
      void connection.sendDiagnostics({ uri, diagnostics: list });
    }
    state.published = new Set(byUri.keys());
  };

  /** Runs are serialized per policy; a change during a run asks for one more run after it. */
  const schedule = (uri: string, delay: number) => {
    if (!isPolicyFile(uri)) return;
    const state = policyOf(uri);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      if (state.running) {
        state.again = true;
        return;
      }
      const run = async () => {
        do {
          state.again = false;
          await relint(state, uri);
        } while (state.again);
        state.running = undefined;
      };
      state.running = run();
    }, delay);
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) workspaceRoot = fileURLToPath(folder);
    else if (params.rootPath) workspaceRoot = params.rootPath;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'incentive-lint' },
    };
  });

  documents.onDidOpen(({ document }) => schedule(document.uri, 0));
  documents.onDidChangeContent(({ document }) => schedule(document.uri, RELINT_DELAY_MS));
  documents.onDidSave(({ document }) => schedule(document.uri, 0));
  // A closed document is read from disk again: its unsaved text no longer stands in for the file.
  documents.onDidClose(({ document }) => schedule(document.uri, 0));

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const ours = (diagnostics.get(params.textDocument.uri) ?? []).filter((diagnostic) => diagnostic.data);
    // The diagnostics the editor says are at the cursor, when it says so; else those that start on the lines asked about.
    const named = params.context.diagnostics.filter((given) => given.source === 'incentive-lint');
    const here =
      named.length > 0
        ? ours.filter((diagnostic) =>
            named.some(
              (given) =>
                given.code === diagnostic.code &&
                overlaps(given.range, diagnostic.range) &&
                given.range.start.line === diagnostic.range.start.line,
            ),
          )
        : ours.filter(
            (diagnostic) => diagnostic.range.start.line >= params.range.start.line && diagnostic.range.start.line <= params.range.end.line,
          );
    // A finding's edits are offsets in the texts it was found in: after a change to one, they wait for the re-lint.
    const current = (uri: string) => {
      const open = documents.get(uri);
      return !open || lintedVersions.get(uri) === open.version;
    };
    return here.flatMap((diagnostic): QuickFix[] => {
      const line = diagnostic.range.start.line;
      const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
      const fix = editFix(diagnostic);
      const usable = fix && Object.keys(fix.edit.changes).every(current) ? fix : undefined;
      return [...(usable ? [usable] : []), suppressionFix(params.textDocument.uri, diagnostic, lineText)];
    });
  });

  connection.onHover((params) => {
    const at = { start: params.position, end: params.position };
    const here = (diagnostics.get(params.textDocument.uri) ?? []).filter((diagnostic) => diagnostic.data && overlaps(diagnostic.range, at));
    if (here.length === 0) return null;
    const rules = policyOf(params.textDocument.uri).result?.config?.rules ?? [];
    const sections = here.map((diagnostic) => {
      const rule = rules.find((entry) => entry.rule.meta.id === diagnostic.code)?.rule;
      const explained = rule ? `\n\n\`\`\`text\n${explain(rule).trimEnd()}\n\`\`\`` : '';
      return `**${diagnostic.code}**: ${diagnostic.message.replace(/\n/g, '  \n')}${explained}`;
    });
    return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') } };
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
