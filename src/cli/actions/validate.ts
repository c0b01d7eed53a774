/** `firedrill validate <file>... [--json] [--strict]`: checks scenario files and reports every problem. */
import { loadScenario } from '../../io/scenario-file';
import { formatProblem, type Problem } from '../../scenario/problem';
import { out, outJson } from '../output';

interface FileReport {
  file: string;
  valid: boolean;
  errors: number;
  warnings: number;
  problems: readonly Problem[];
}

/** Validates each file and returns the exit code. */
export function runValidate(files: readonly string[], opts: { json?: boolean; strict?: boolean }): number {
  const reports: FileReport[] = files.map((file) => {
    const { problems } = loadScenario(file);
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    return { file, valid: errors === 0 && !(opts.strict && warnings > 0), errors, warnings, problems };
  });
  const valid = reports.every((r) => r.valid);
  if (opts.json) {
    outJson({ valid, files: reports });
  } else {
    for (const r of reports) {
      for (const p of r.problems) out(formatProblem(p));
      if (r.valid && r.warnings === 0) out(`${r.file}: ok`);
    }
    const errors = reports.reduce((n, r) => n + r.errors, 0);
    const warnings = reports.reduce((n, r) => n + r.warnings, 0);
    const bad = reports.filter((r) => !r.valid).length;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    out(`${plural(reports.length, 'file')} checked: ${reports.length - bad} valid, ${bad} invalid (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
  }
  return valid ? 0 : 1;
}
