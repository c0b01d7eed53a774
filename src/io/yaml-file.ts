/** Reading a YAML file for the scenario layers: refused early when it is missing, a folder or too large. */
import { readFileSync, statSync } from 'node:fs';
import { fileProblem, parseYamlText, type LoadResult } from '../scenario/yaml-source';

/** Files larger than this are refused before parsing: real scenarios are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Reads and parses a YAML mapping file; every failure comes back as positioned problems. */
export function loadYamlFile(file: string, what = 'file'): LoadResult {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return fileProblem(file, 'file/directory', 'is a directory, not a YAML file', `give a file, e.g. ${file.replace(/\/$/, '')}/*.yaml`);
    size = st.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fileProblem(file, 'file/missing', 'no such file');
    if (code === 'EACCES') return fileProblem(file, 'file/unreadable', 'permission denied');
    return fileProblem(file, 'file/unreadable', `cannot read: ${(err as Error).message}`);
  }
  if (size > MAX_FILE_BYTES) {
    return fileProblem(file, 'file/too-large', `is ${(size / 1024 / 1024).toFixed(1)} MiB; a ${what} may be at most 1 MiB`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return fileProblem(file, 'file/unreadable', `cannot read: ${(err as Error).message}`);
  }
  return parseYamlText(file, bytes, what);
}
