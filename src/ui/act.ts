/**
 * What every control does with a click: call the admin API, show its answer (or the envelope's
 * code and message) in the control's answer box, then tell the poll loop that state changed so
 * the resources and lists are read again at once.
 */
import { describeError } from './api.js'
import { showAnswer } from './dom.js'

let changed: () => void = () => {}
export function onChanged (handler: () => void): void { changed = handler }

export async function act<T> (box: HTMLOutputElement, run: () => Promise<T>, after?: (answer: T) => void | Promise<void>): Promise<boolean> {
  box.className = 'answer'
  box.textContent = 'Sending…'
  try {
    const answer = await run()
    showAnswer(box, true, answer === null || answer === undefined ? '(no body)' : JSON.stringify(answer))
    await after?.(answer)
    return true
  } catch (error) {
    showAnswer(box, false, describeError(error))
    return false
  } finally {
    changed()
  }
}
