/**
 * A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing), to
 * drive the real yaml-language-server that editors (VS Code's YAML extension, Neovim, Helix, …) run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';

export const YAML_LANGUAGE_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
}

export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> };
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly diagnosticWaiters: { uri: string; count: number; resolve: (value: Diagnostic[]) => void }[] = [];
  stderr = '';

  /** Starts the server: yaml-language-server unless `args` (given to this Node) name another. */
  constructor(args: readonly string[] = [YAML_LANGUAGE_SERVER, '--stdio'], options: { cwd?: string } = {}) {
    this.server = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.server.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error(`yaml-language-server exited: ${this.stderr}`));
    });
  }

  async start(rootFolder: string, settings: Record<string, unknown> = {}): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootFolder).href,
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: false } },
          publishDiagnostics: {},
        },
        workspace: { configuration: false },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', {
      settings: { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, ...settings } },
    });
  }

  /** Opens a document and resolves with the first diagnostics the server publishes for it. */
  open(file: string, text: string, version = 1): Promise<Diagnostic[]> {
    const uri = pathToFileURL(file).href;
    const received = this.diagnostics.get(uri)?.length ?? 0;
    const waiting = this.waitForDiagnostics(uri, received + 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return waiting;
  }

  /** Replaces a document's whole text; resolves with the next diagnostics published for `waitFor` (default: the document). */
  change(file: string, text: string, version: number, waitFor: string = file): Promise<Diagnostic[]> {
    const waitUri = pathToFileURL(waitFor).href;
    const waiting = this.waitForDiagnostics(waitUri, (this.diagnostics.get(waitUri)?.length ?? 0) + 1);
    this.notify('textDocument/didChange', { textDocument: { uri: pathToFileURL(file).href, version }, contentChanges: [{ text }] });
    return waiting;
  }

  /** The diagnostics published for a file so far, newest last. */
  published(file: string): Diagnostic[][] {
    return this.diagnostics.get(pathToFileURL(file).href) ?? [];
  }

  /** Resolves with the `count`-th diagnostics published for a file (1 = the first). */
  diagnosticsFor(file: string, count: number): Promise<Diagnostic[]> {
    return this.waitForDiagnostics(pathToFileURL(file).href, count);
  }

  codeActions(file: string, range: Diagnostic['range'], diagnostics: Diagnostic[] = []): Promise<CodeAction[]> {
    return this.request('textDocument/codeAction', {
      textDocument: { uri: pathToFileURL(file).href },
      range,
      context: { diagnostics },
    }) as Promise<CodeAction[]>;
  }

  hover(file: string, line: number, character: number): Promise<{ contents: { kind: string; value: string } } | null> {
    return this.request('textDocument/hover', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character },
    }) as Promise<{ contents: { kind: string; value: string } } | null>;
  }

  completion(
    file: string,
    line: number,
    character: number,
  ): Promise<{ items: { label: string; documentation?: string | { kind: string; value: string } }[] }> {
    return this.request('textDocument/completion', {
      textDocument: { uri: pathToFileURL(file).href },
      position: { line, character },
    }) as Promise<{
      items: { label: string; documentation?: string | { kind: string; value: string } }[];
    }>;
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', null);
      this.notify('exit', null);
    } finally {
      this.server.kill();
    }
  }

  private waitForDiagnostics(uri: string, count: number): Promise<Diagnostic[]> {
    const already = this.diagnostics.get(uri)?.[count - 1];
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, count, resolve }));
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    const result = new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.send({ jsonrpc: '2.0', id, method, params });
    return result;
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: { uri: string; diagnostics: Diagnostic[] };
        result?: unknown;
        error?: { message: string };
      };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: {
    id?: number;
    method?: string;
    params?: { uri: string; diagnostics: Diagnostic[] };
    result?: unknown;
    error?: { message: string };
  }): void {
    if (message.method === 'textDocument/publishDiagnostics' && message.params) {
      const list = this.diagnostics.get(message.params.uri) ?? [];
      list.push(message.params.diagnostics);
      this.diagnostics.set(message.params.uri, list);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (waiter.uri === message.params.uri && list.length >= waiter.count) {
          this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
          waiter.resolve(list[waiter.count - 1]!);
        }
      }
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (registerCapability, workspace/configuration, …): answer it empty.
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
      return;
    }
    if (message.id !== undefined) {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(message.error.message));
      else pending?.resolve(message.result);
    }
  }
}
