/** The JSON Schema of the scenario format, generated from the zod schema so the two never drift, with editor help added. */
import * as z from 'zod';
import { ID_PATTERN, scenarioSchema } from './schema';
import { NAME_HELP, SCHEMA_HELP } from './schema-docs';

/** A JSON Schema node as plain JSON. */
export type JsonNode = { [key: string]: unknown };

const isNode = (v: unknown): v is JsonNode => v !== null && typeof v === 'object' && !Array.isArray(v);
const branches = (n: JsonNode): JsonNode[] => [...(Array.isArray(n.anyOf) ? n.anyOf : []), ...(Array.isArray(n.oneOf) ? n.oneOf : [])].filter(isNode);

/** What applying the help left over: both lists stay empty (a test checks), so no help is lost or written twice. */
export interface HelpReport {
  /** Help for a place the schema does not have. */
  readonly unused: string[];
  /** Places with a description in the zod schema and in the help too. */
  readonly twice: string[];
}

/**
 * A map keyed by a closed word list (expects.targets) becomes an object with one listed property per word, so an
 * editor completes the names; probe reveals list their `default` key and take phase ids for the rest.
 */
function listKnownNames(node: JsonNode, path: string): void {
  const names = isNode(node.propertyNames) && Array.isArray(node.propertyNames.enum) ? node.propertyNames.enum.map(String) : undefined;
  if (names && isNode(node.additionalProperties)) {
    const value = node.additionalProperties;
    node.properties = Object.fromEntries(names.map((k) => [k, { ...value }]));
    node.additionalProperties = false;
    delete node.propertyNames;
  }
  if (path === 'probes[].reveals' && node.type === 'object' && isNode(node.propertyNames) && isNode(node.additionalProperties)) {
    node.properties = { default: { ...node.additionalProperties } };
    node.propertyNames = { ...node.propertyNames, pattern: ID_PATTERN };
  }
}

/** Adds the help for one place to its node; descriptions go first, examples and defaults last, as editors show them. */
function applyHelp(node: JsonNode, path: string, report: HelpReport, used: Set<string>): void {
  const help = SCHEMA_HELP[path];
  if (!help) return;
  used.add(path);
  const own = typeof node.description === 'string' ? node.description : undefined;
  if (own !== undefined && help.description !== undefined) report.twice.push(path);
  const description = help.description ?? (own !== undefined && help.more ? `${own} ${help.more}` : own ?? help.more);
  const rest = { ...node };
  delete rest.description;
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, description === undefined ? {} : { description }, rest);
  if (help.values) {
    // A list of words (roles) has its enum on its items, which have a path of their own (roles[]).
    const values = Array.isArray(node.enum) ? node.enum.map(String) : [];
    node.enumDescriptions = values.map((v) => help.values?.[v] ?? '');
  }
  if (help.default !== undefined) node.default = help.default;
  if (help.examples) node.examples = help.examples;
}

/** Walks the generated schema, keeping the path of each node as SCHEMA_HELP writes it. */
function walk(node: JsonNode, path: string, report: HelpReport, used: Set<string>): void {
  listKnownNames(node, path);
  for (const b of branches(node)) listKnownNames(b, path);
  const describeNames = (n: JsonNode) => {
    const help = NAME_HELP[path];
    if (!isNode(n.propertyNames) || help === undefined) return;
    n.propertyNames = { description: help, ...n.propertyNames };
    used.add(`names of ${path}`);
  };
  describeNames(node);
  branches(node).forEach(describeNames);
  const into = (n: JsonNode) => {
    if (isNode(n.properties)) {
      for (const [k, child] of Object.entries(n.properties)) {
        if (!isNode(child)) continue;
        const p = path ? `${path}.${k}` : k;
        walk(child, p, report, used);
        applyHelp(child, p, report, used);
      }
    }
    if (isNode(n.items)) {
      walk(n.items, `${path}[]`, report, used);
      applyHelp(n.items, `${path}[]`, report, used);
    }
    if (isNode(n.additionalProperties)) {
      walk(n.additionalProperties, `${path}.*`, report, used);
      applyHelp(n.additionalProperties, `${path}.*`, report, used);
    }
  };
  into(node);
  for (const b of branches(node)) {
    into(b);
    // A union's branches are walked at the union's own path (an effect is a value or { to, over }).
    for (const bb of branches(b)) into(bb);
  }
}

/** The JSON Schema document with the editor help applied, and what the help left over. */
export function buildScenarioJsonSchema(): { doc: JsonNode; report: HelpReport } {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' }) as JsonNode;
  const report: HelpReport = { unused: [], twice: [] };
  const used = new Set<string>();
  walk(schema, '', report, used);
  for (const path of Object.keys(SCHEMA_HELP)) if (!used.has(path)) report.unused.push(path);
  for (const path of Object.keys(NAME_HELP)) if (!used.has(`names of ${path}`)) report.unused.push(`names of ${path}`);
  const doc = {
    $id: 'https://firedrill.dev/schema/scenario.schema.json',
    title: 'firedrill scenario (firedrill/v1 and firedrill/v2)',
    description: 'A scripted failure scenario for a firedrill incident-response drill. See scenarios/README.md.',
    ...schema,
  };
  return { doc, report };
}

/** The JSON Schema document as pretty-printed text (what `firedrill schema` prints). */
export function scenarioJsonSchema(): string {
  return `${JSON.stringify(buildScenarioJsonSchema().doc, null, 2)}\n`;
}
