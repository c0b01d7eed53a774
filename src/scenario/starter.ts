/** The commented starter scenario that `firedrill new <id>` writes. */

/** Starter YAML for a scenario id; it validates as written. */
export function starterScenario(id: string, schemaPath: string): string {
  const title = id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  return `# yaml-language-server: $schema=${schemaPath}
# A firedrill scenario. The authoring guide is scenarios/README.md; check it with:
#   firedrill validate <this file>      firedrill graph <this file>
schema: firedrill/v1
id: ${id}
title: ${title}
summary: >-
  What the players are told when the drill starts. Say what they can see,
  never the cause.
difficulty: intro          # intro | medium | hard
tags: [example]
duration: 30m              # the drill's hard stop, in drill time
roles: [ic, scribe]        # staff roles besides responders: deputy, customer-liaison, internal-liaison

expects:
  severity: SEV-2          # the severity a good IC declares
  targets: { acknowledge: 5m, command: 3m, assemble: 10m, mitigate: 20m, resolve: 28m }
  statusEvery: 10m         # the longest gap between IC status updates

services:
  - id: web
    owner: web-team        # the team paged for this service
    metrics:
      error_rate: { baseline: 0.5%, noise: 0.1% }
      latency_p99: { baseline: 200ms, noise: 20ms }

alerts:
  - id: web-errors
    when: "web.error_rate > 5% for 1m"
    pages: web-team

phases:                    # the world's story; the first phase is where it starts
  healthy:
    after: { 2m: broken }  # a timer: after 2 minutes, the fault begins
  broken:
    description: A bad config push makes every pod reject half its requests.   # facilitator only
    impact: About half of page loads fail.
    effects: { web.error_rate: 45%, web.latency_p99: x3 }
    logs:
      - { service: web, level: error, every: 10s, text: "{host} rejected request {requestId}: invalid upstream config" }
    on: { revert-config: recovered }                                           # /run revert-config fixes it
  recovered:
    mitigated: true        # customer impact has stopped
    resolved: true
    final: true

actions:                   # what responders can /run
  - { id: revert-config, service: web, title: Revert the last config push, takes: 1m, major: true }
  - { id: restart-web, service: web, title: Restart all web pods, takes: 2m, redHerring: true }

probes:                    # what responders can /check
  - id: web-logs
    service: web
    title: Tail the web error log
    logs: true
    reveals:
      default: No errors in the last minutes.
      broken: Every error names the upstream config pushed at T+2m.
    clue: true

injects:                   # scripted people
  - { at: 6m, kind: customer-report, from: Support, text: "Customers say checkout fails half the time." }

solution:                  # ground truth: bots follow it, the debrief reveals it
  rootCause: A config push with an invalid upstream list went out without a canary.
  path: [web-logs, revert-config]

debrief:
  - How did we find out that the config push was the cause?
`;
}
