/** Loading a scenario file: the YAML read here, every check after it in the scenario layers. */
import { checkScenario, type ScenarioResult } from '../scenario/load-scenario';
import { loadYamlFile } from './yaml-file';

/** Loads and checks a scenario file. */
export function loadScenario(file: string): ScenarioResult {
  return checkScenario(loadYamlFile(file, 'scenario'));
}
