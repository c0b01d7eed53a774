/** The validation pipeline: YAML syntax → schema → references → lint, collecting every problem. io/scenario-file.ts loads files. */
import type { Problem } from './problem';
import { sortProblems } from './problem';
import { lintProblems } from './lint';
import { normalizeScenario } from './normalize';
import { referenceProblems } from './references';
import { scenarioSchema } from './schema';
import { schemaProblems } from './schema-issues';
import { knownScenarioKeys } from './schema-keys';
import { isV2, v2OnlyKeys, versionProblems } from './version-keys';
import type { Scenario } from './types';
import { rangeProblems } from './value-ranges';
import { parseYamlText, type LoadResult } from './yaml-source';

export interface ScenarioResult {
  /** Present when there are no errors (warnings allowed). */
  readonly scenario?: Scenario;
  readonly problems: readonly Problem[];
}

/** Checks parsed YAML (or the problems that stopped it) as a scenario, through every layer after syntax. */
export function checkScenario(loaded: LoadResult): ScenarioResult {
  if (!loaded.ok) return { problems: loaded.problems };
  const { source } = loaded;
  const parsed = scenarioSchema.safeParse(source.value);
  // A v1 file is not offered v2 keys in its did-you-mean hints: using one only leads to "needs schema: firedrill/v2".
  const v2 = isV2(source.value);
  const known = v2 ? knownScenarioKeys : (path: readonly (string | number)[]) => knownScenarioKeys(path).filter((k) => !v2OnlyKeys(path).includes(k));
  const problems: Problem[] = parsed.success ? [] : schemaProblems(source, parsed.error.issues, known);
  problems.push(...versionProblems(source), ...rangeProblems(source), ...referenceProblems(source));
  if (!parsed.success || problems.length) return { problems: sortProblems(problems) };
  const scenario = normalizeScenario(parsed.data, source.text);
  const lint = lintProblems(scenario, source);
  const ok = !lint.some((p) => p.severity === 'error');
  return { ...(ok ? { scenario } : {}), problems: sortProblems(lint) };
}

/** Loads and checks scenario text held in memory (tests, generated scenarios). */
export function loadScenarioText(text: string, file = '<memory>'): ScenarioResult {
  return checkScenario(parseYamlText(file, text, 'scenario'));
}
