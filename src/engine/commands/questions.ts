/** v2: answering a question inject (/answer). The answer becomes the variable answer.ID, which conditions test. */
import type { Question } from '../state/drill-state';
import { by, refuse, viaOf, type Handler } from './context';

/** The longest free-text answer kept; a question's answer is a decision, not an essay. */
export const ANSWER_MAX = 200;

export const answer: Handler<'answer'> = (state, c, ctx) => {
  const asked = state.questions ?? [];
  let q: Question | undefined;
  if (c.question !== undefined) q = asked.find((x) => x.id === c.question);
  else q = [...asked].reverse().find((x) => x.answer === undefined);
  if (!q) {
    if (!asked.length) return refuse(ctx, 'no question has been put to the call yet');
    return refuse(ctx, 'every question asked has an answer; to change one, name it', `/answer ${asked[asked.length - 1]!.id} ${c.text}`);
  }
  const text = Array.from(c.text.trim()).slice(0, ANSWER_MAX).join('').trim();
  if (q.answers) {
    const word = text.split(/[\s,.;:!?]+/)[0] ?? '';
    const chosen = q.answers.find((a) => a.toLowerCase() === word.toLowerCase());
    if (chosen === undefined) return refuse(ctx, `"${word}" is not an answer to ${q.id}`, `answer one of: ${q.answers.join(', ')} (/answer ${q.id} ${q.answers[0]})`);
    return [by(ctx, 'question.answer', { id: q.id, answer: chosen, ...viaOf(ctx) })];
  }
  return [by(ctx, 'question.answer', { id: q.id, answer: text, ...viaOf(ctx) })];
};
