/** Loading a drill script file (`simulate --script`): the YAML read here, the checks in scenario/drill-script. */
import { checkDrillScript, type DrillScript } from '../scenario/drill-script';
import type { Problem } from '../scenario/problem';
import type { Scenario } from '../scenario/types';
import { loadYamlFile } from './yaml-file';

/** Loads a drill script and checks it against the scenario; every problem is positioned. */
export function loadDrillScript(file: string, scenario: Scenario): { script?: DrillScript; problems: Problem[] } {
  return checkDrillScript(loadYamlFile(file, 'drill script'), scenario);
}
