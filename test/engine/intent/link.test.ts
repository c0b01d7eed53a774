// Linking people's words to the scenario's actions and probes, on every library scenario that has the case.
import { describe, expect, it } from 'vitest';
import { linkIntent, sameTarget } from '../../../src/engine/intent/link';
import { clauses, stem, tokenize } from '../../../src/engine/intent/words';
import { shipped } from '../../helpers/drill';

type Case = readonly [text: string, actions: readonly string[], probes?: readonly string[]];

const CASES: Readonly<Record<string, readonly Case[]>> = {
  'bad-deploy-rollback': [
    ['Proposal: roll orders-api back to v2.13.2. Any strong objections?', ['rollback-orders-api']],
    ['roll back orders-api to the previous version', ['rollback-orders-api']],
    ['revert orders-api', ['rollback-orders-api']],
    ['go ahead with the rollback', ['rollback-orders-api']],
    ['downgrade to 2.13.2', ['rollback-orders-api']],
    ['instead of restarting, roll back', ['rollback-orders-api']],
    ["don't restart the pods", []],
    ['restart the orders-api pods', ['restart-orders-api']],
    ['bounce the API pods', ['restart-orders-api']],
    ['check the logs', [], ['orders-api-logs']],
    ['look at the deploy history', [], ['deploy-history']],
    ['check the orders-api logs and deploy history', [], ['orders-api-logs', 'deploy-history']],
    ['check orders-db', [], ['orders-db-health']],
    ['rollback-orders-api: Roll orders-api back to the previous release (v2.13.2)', ['rollback-orders-api']],
  ],
  'dns-misconfiguration': [
    ["revert this morning's DNS change", ['revert-dns-change']],
    ['flush the DNS caches', ['flush-dns-caches']],
    ['roll back the dns change and flush the caches', ['revert-dns-change', 'flush-dns-caches']],
    ['restart everything', ['restart-storefront', 'restart-cart-api']],
    ['restart the storefront', ['restart-storefront']],
    ['dig cart.internal', [], ['dns-lookup']],
    ['check the terraform runs', [], ['dns-changes']],
  ],
  'checkout-db-wal-disk-full': [
    ['fail over to the replica', ['failover-db']],
    ['promote db-2', ['failover-db']],
    ['fix WAL archiving', ['fix-archiving']],
    ['restart postgres', ['restart-db']],
    ['check the disk on the database', [], ['db-disk']],
  ],
  'leaked-credentials': [
    ['deactivate the leaked key', ['deactivate-leaked-key']],
    ['stop the rogue instances', ['stop-rogue-instances']],
    ['terminate the rogue instances', ['terminate-rogue-instances']],
    ['disable the backdoor IAM users', ['disable-backdoor-user']],
    ['kill the export cron', ['disable-export-cron']],
    ['search cloudtrail for the key', [], ['key-activity']],
  ],
  'memory-leak-slow-burn': [
    ['rolling restart of catalog-api', ['rolling-restart']],
    ['roll back catalog-api', ['rollback-catalog']],
    ['deploy the hotfix to two canary pods', ['canary-hotfix']],
    ['roll out the hotfix everywhere', ['rollout-hotfix']],
    // "restarts" and "releases" are things to look at here, not orders.
    ['Look at catalog-api memory, GC and restarts per pod over the last 24 hours', [], ['memory-trend']],
    ['Look at recent catalog-api releases and migrations', [], ['deploy-history']],
  ],
  'multi-team-complex': [
    ['fail card payments over to Strype', ['fail-over-psp']],
    ['switch payments to the secondary provider', ['fail-over-psp']],
    ['roll back the route table change', ['restore-route']],
    ['replay the stuck orders', ['replay-stuck-orders']],
    ['raise the PSP timeout', ['raise-psp-timeout']],
  ],
  'zone-loss-traffic-shift': [
    ['shift traffic away from eu-west-1b', ['zonal-shift']],
    ['fail over the cache shards in 1b', ['failover-cache-shards']],
    ['take 1b out of the ASGs', ['exclude-zone-b']],
  ],
  'payment-provider-outage': [
    ['turn on deferred payments', ['enable-deferred-payments']],
    ['switch back to live payments', ['resume-live-payments']],
    ['rotate the northwind key', ['rotate-northwind-key']],
  ],
  'cache-stampede': [
    ['turn request coalescing on', ['enable-coalescing']],
    ['warm the cache', ['warm-cache']],
    ['fail over the catalog db', ['failover-catalog-db']],
  ],
  'queue-saturation-batch-job': [['pause the backfill', ['pause-backfill']], ['move the export jobs to the bulk broker', ['move-export-jobs']]],
  'tls-cert-expired': [['renew the certificate by hand', ['reissue-cert']], ['restart nginx', ['restart-edge']], ['check the cert', [], ['cert-check']]],
  'false-alarm': [['pause the failing probe location', ['pause-probe-location']], ['check real user traffic', [], ['real-user-traffic']]],
};

describe('linkIntent', () => {
  for (const [id, cases] of Object.entries(CASES)) {
    const scenario = shipped(`scenarios/${id}.yaml`);
    describe(id, () => {
      for (const [text, actions, probes] of cases) {
        it(`"${text}"`, () => {
          const l = linkIntent(text, scenario);
          expect(l.actions).toEqual(actions);
          if (probes) expect(l.probes).toEqual(probes);
        });
      }
    });
  }

  it('is deterministic and says whether a text asks to change or to look', () => {
    const s = shipped('scenarios/bad-deploy-rollback.yaml');
    expect(linkIntent('roll back orders-api', s)).toEqual(linkIntent('roll back orders-api', s));
    expect(linkIntent('roll back orders-api', s)).toMatchObject({ remediation: true, diagnostic: false, services: ['orders-api'] });
    expect(linkIntent('look at the deploy history', s)).toMatchObject({ remediation: false, diagnostic: true });
    expect(linkIntent('fix it', s).remediation).toBe(true);
    expect(sameTarget(linkIntent('roll orders-api back', s), linkIntent('the rollback', s))).toBe(true);
  });
});

describe('words', () => {
  it('stems so that a word\'s forms meet, and keeps short words such as DNS and DB', () => {
    const same = [['reverting', 'reverted', 'revert'], ['caches', 'cached', 'cache'], ['queries', 'query'], ['rotation', 'rotate'], ['promotion', 'promote'], ['rolling', 'roll']];
    for (const forms of same) expect(new Set(forms.map(stem)).size, forms.join(',')).toBe(1);
    expect(tokenize('the DNS on the DB').map((t) => t.stem)).toEqual(['dns', 'db']);
  });
  it('joins phrasal verbs even with the object in between, and marks what is negated', () => {
    expect(clauses('roll orders-api back to v2.13.2')[0]!.map((t) => t.stem)).toEqual(['rollback', 'orders-api', 'order', 'api', '2.13.2']);
    expect(clauses('fail the card payments over')[0]![0]!.verbs).toEqual(['failover']);
    const [neg, pos] = clauses("don't terminate, stop them");
    expect(neg![0]).toMatchObject({ stem: 'terminat', negated: true });
    expect(pos![0]).toMatchObject({ stem: 'stop', negated: false });
  });
});
