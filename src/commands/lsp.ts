/**
 * `incentive-lint lsp`: the language server, over stdio (the only transport editors need here).
 * It runs until the client closes the connection.
 */
import { Chalk } from 'chalk';
import { explanation } from './rules.js';
import type { CommandRegistration } from './shared.js';

export const registerLsp: CommandRegistration = (program) => {
  program
    .command('lsp')
    .description('run the language server over stdio, for editors: diagnostics, quick fixes and rule explanations as you type')
    .option('--stdio', 'talk over standard input and output (the default, and the only transport)')
    .action(async () => {
      // Imported when the command runs: a plain lint does not load the language-server library.
      const { startLanguageServer } = await import('../lsp/server.js');
      // A hover shows what `explain` prints, without colour.
      const plain = new Chalk({ level: 0 });
      startLanguageServer(process.stdin, process.stdout, (rule) => explanation(rule, plain));
      // The process lives as long as the connection: the library exits when the client says exit.
      await new Promise<never>(() => {});
    });
};
