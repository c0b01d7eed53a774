/** Hands-on work: checking a probe and running an action. Their results come later, from the world (the session schedules them). */
import { by, refuse, type Handler } from './context';
import { covers } from './tasks';

export const check: Handler<'check'> = (state, c, ctx) => {
  const probe = ctx.scenario.probes.find((p) => p.id === c.probe)!;
  const open = state.tasks.filter((t) => t.owners.includes(ctx.actor) && t.status === 'open');
  const task = open.find((t) => t.refs.includes(probe.id)) ?? open[0];
  return [by(ctx, 'probe.start', { probe: probe.id, service: probe.service, taskId: task?.id ?? null })];
};

export const run: Handler<'run'> = (state, c, ctx) => {
  const action = ctx.scenario.actions.find((a) => a.id === c.action)!;
  // v2: an action limited to some phases is refused outside them, in words that never name the hidden phase.
  if (action.phases && !action.phases.includes(state.truth.phase)) {
    return refuse(ctx, action.unavailable ?? `${action.id} can't run now: "${action.title}" is not possible in the system's current state; nothing was changed`);
  }
  const task = state.tasks.find((t) => t.owners.includes(ctx.actor) && t.status === 'open' && covers(state, ctx.scenario, t, action));
  const decision = [...state.decisions].reverse().find((d) => d.actions.includes(action.id));
  return [by(ctx, 'action.start', {
    action: action.id, service: action.service, major: action.major, taskId: task?.id ?? null, decisionId: decision?.id ?? null,
  })];
};
