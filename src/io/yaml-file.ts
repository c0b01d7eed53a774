/** Reading a YAML file for the scenario layers: refused early when it is missing, not a regular file, or too large. */
import { fileProblem, parseYamlText, type LoadResult } from '../scenario/yaml-source';
import { FileReadError, readRegularFile } from './read-bounded';

/** Files larger than this are refused before parsing: real scenarios are a few kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Reads and parses a YAML mapping file; every failure comes back as positioned problems. */
export function loadYamlFile(file: string, what = 'file'): LoadResult {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_FILE_BYTES);
  } catch (err) {
    if (!(err instanceof FileReadError)) throw err;
    switch (err.code) {
      case 'ENOENT': return fileProblem(file, 'file/missing', 'no such file');
      case 'DIRECTORY': return fileProblem(file, 'file/directory', 'is a directory, not a YAML file', `give a file, e.g. ${file.replace(/\/$/, '')}/*.yaml`);
      case 'NOT_REGULAR': return fileProblem(file, 'file/not-regular', `${err.reason}; a ${what} is a YAML file`);
      case 'TOO_LARGE': {
        const size = err.size === undefined ? 'larger than 1 MiB' : `${(err.size / 1024 / 1024).toFixed(1)} MiB`;
        return fileProblem(file, 'file/too-large', `is ${size}; a ${what} may be at most 1 MiB`);
      }
      default: return fileProblem(file, 'file/unreadable', err.reason);
    }
  }
  return parseYamlText(file, bytes, what);
}
