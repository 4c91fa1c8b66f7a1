/**
 * Command-line paths → the YAML files that make up the policy. Folders are scanned recursively for
 * `*.yaml` and `*.yml`, skipping hidden folders, `node_modules` and the linter's own config files;
 * symbolic links are followed once (a link loop is visited once, not forever), and only while they
 * stay inside the folder being scanned: a link to `/`, `/proc` or a parent folder is skipped, so a
 * scan never reads (or quotes) files outside the tree it was given.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { isGlob, splitGlob } from '../engine/glob.js';
import { printable, printableLine } from './printable.js';

export const CONFIG_FILE_NAMES: readonly string[] = [
  'incentive-lint.config.yaml',
  'incentive-lint.config.yml',
  '.incentive-lint.yaml',
  '.incentive-lint.yml',
];

export interface CandidateFile {
  absolute: string;
  /** The path shown in reports: relative to the working folder, with forward slashes. */
  display: string;
  /** Named on the command line (must be a policy file) rather than found in a folder scan. */
  explicit: boolean;
}

export interface Discovery {
  files: CandidateFile[];
  diagnostics: Diagnostic[];
}

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_FOLDERS = new Set(['node_modules']);

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return printableLine(relative.split(path.sep).join('/'));
}

export function discoverFiles(paths: readonly string[], cwd: string): Discovery {
  const diagnostics: Diagnostic[] = [];
  const byRealPath = new Map<string, CandidateFile>();
  const visitedFolders = new Set<string>();

  /** `real` is known when the file was found in a folder whose real path is known and is no link. */
  const addFile = (absolute: string, explicit: boolean, known?: string) => {
    let real: string;
    try {
      real = known ?? fs.realpathSync.native(absolute);
    } catch {
      real = absolute;
    }
    const existing = byRealPath.get(real);
    if (existing) {
      existing.explicit ||= explicit;
      return;
    }
    byRealPath.set(real, { absolute, display: displayPath(absolute, cwd), explicit });
  };

  /** Calls `visit` with each file under `folder`, skipping hidden folders and `node_modules`; links never lead out of `root`. */
  /**
   * `known` is the real path of a folder found as a plain folder (no link) in one whose real path is
   * known: asking the system again would resolve every folder above it, for every folder (a tree
   * 1,500 levels deep took 50 s).
   */
  const scanFolder = (
    folder: string,
    visit: (file: string, entry: fs.Dirent, real: string) => void = addYamlFile,
    root?: string,
    known?: string,
  ) => {
    let real: string;
    try {
      real = known ?? fs.realpathSync.native(folder);
    } catch (error) {
      diagnostics.push(ioDiagnostic(displayPath(folder, cwd), error));
      return;
    }
    if (visitedFolders.has(real)) return;
    visitedFolders.add(real);
    const scanRoot = root ?? real;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(ioDiagnostic(displayPath(folder, cwd), error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          if (!isInside(fs.realpathSync.native(full), scanRoot)) continue;
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link or a link loop: nothing to read there
        }
      }
      if (isDirectory) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name))
          scanFolder(full, visit, scanRoot, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
      } else if (isFile) {
        visit(full, entry, real);
      }
    }
  };

  function addYamlFile(full: string, entry: fs.Dirent, real: string) {
    if (!YAML_FILE.test(entry.name) || CONFIG_FILE_NAMES.includes(entry.name)) return;
    // A plain file in a folder with a known real path needs no system call of its own.
    addFile(full, false, entry.isSymbolicLink() ? undefined : path.join(real, entry.name));
  }

  /**
   * A glob (`policy/*.yaml`, `policy/**\/*.yml`) stands for the YAML files it matches, found as in a
   * folder scan: files without a version key are skipped rather than refused.
   */
  const expandGlob = (given: string) => {
    const { base, matches } = splitGlob(given);
    const baseFolder = path.resolve(cwd, base);
    if (!fs.existsSync(baseFolder)) {
      diagnostics.push({
        file: printable(given),
        message: `no such folder: ${printable(base)} (the part of this glob before its first * or ?) does not exist`,
        source: 'io',
      });
      return;
    }
    let matched = 0;
    const problemsBefore = diagnostics.length;
    scanFolder(baseFolder, (full, entry, real) => {
      if (!YAML_FILE.test(entry.name) || !matches(path.relative(baseFolder, full).split(path.sep).join('/'))) return;
      matched++;
      addYamlFile(full, entry, real);
    });
    if (matched === 0 && diagnostics.length === problemsBefore) {
      diagnostics.push({
        file: printable(given),
        message: `no YAML file matches this glob: check the pattern (* and ? stay within a folder name, ** crosses folders), or give a folder to scan`,
        source: 'io',
      });
    }
  };

  for (const given of paths) {
    // Loop protection is per path: two globs may walk the same folder for different files.
    visitedFolders.clear();
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      // A path that exists is taken as written, even with a * in its name.
      if (isGlob(given) && (error as NodeJS.ErrnoException).code === 'ENOENT') expandGlob(given);
      else diagnostics.push(ioDiagnostic(printableLine(given), error));
      continue;
    }
    if (stat.isDirectory()) scanFolder(absolute);
    // A pipe (`<(…)` process substitution) is refused when it is read: see files/read.ts.
    else if (stat.isFile() || stat.isFIFO()) addFile(absolute, true);
    else
      diagnostics.push({
        file: printableLine(given),
        message: 'not a file or folder (a device or socket): give the path of a policy .yaml file or a folder',
        source: 'io',
      });
  }

  const files = [...byRealPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, diagnostics };
}

function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function ioDiagnostic(file: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const messages: Record<string, string> = {
    ENOENT: 'no such file or folder: check the path',
    EACCES: 'permission denied: the file or folder cannot be read by this user',
    EPERM: 'permission denied: the file or folder cannot be read by this user',
    ELOOP: 'too many symbolic links (a link loop): point the link at a real file',
    EISDIR: 'is a folder where a file was expected',
    ENOTDIR: 'a part of this path is not a folder',
  };
  const message = (code && messages[code]) || `cannot be read: ${(error as Error | undefined)?.message ?? String(error)}`;
  return { file, message, source: 'io' };
}
