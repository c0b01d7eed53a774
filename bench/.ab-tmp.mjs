import pty from 'node-pty';
const variants = JSON.parse(process.argv[2]);
const once = (args) => new Promise((resolve) => {
  const t0 = performance.now(); let out = ''; let done = false;
  const p = pty.spawn(process.execPath, args, { cols: 100, rows: 30, cwd: '/work/main', name: 'xterm-256color', env: { ...process.env, TERM: 'xterm-256color' } });
  p.onData((d) => { out += d; if (!done && out.includes('alice (ic)>')) { done = true; const t = performance.now() - t0; p.kill(); setTimeout(() => resolve(t), 60); } });
});
const res = variants.map(() => []);
for (let i = 0; i < Number(process.argv[3] ?? 8); i++) for (const [k, v] of variants.entries()) res[k].push(await once([...v, 'run', 'scenarios/bad-deploy-rollback.yaml', '--seed', '1', '--as', 'alice:ic', '--out', `/tmp/ab-run-${k}-${i}`]));
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of variants.entries()) console.log(med(res[k]).toFixed(0), 'ms', v.join(' '));
