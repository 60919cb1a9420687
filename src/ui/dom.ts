/**
 * A few DOM helpers so the views read as markup: `h()` builds an element, `table()` a captioned
 * table in a keyboard-scrollable box, `status()` a status as text (colour only repeats it), and
 * `swap()` replaces a region's content without losing the keyboard focus inside it.
 */

export type Child = Node | string | number | null | undefined | false | Child[]
type Attrs = Record<string, unknown> | null

export function h<K extends keyof HTMLElementTagNameMap> (tag: K, attrs: Attrs = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value as EventListener)
    } else if (name === 'value' || name === 'checked' || name === 'selected') {
      (element as any)[name] = value
    } else {
      element.setAttribute(name, value === true ? '' : String(value))
    }
  }
  append(element, children)
  return element
}

function append (parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child)
    else parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** Replaces the content of `region`; the element that had the focus (by its data-key) gets it back. */
export function swap (region: Element, ...children: Child[]): void {
  const active = document.activeElement
  const key = active !== null && region.contains(active) ? active.getAttribute('data-key') : null
  const fragment = document.createDocumentFragment()
  append(fragment, children)
  region.replaceChildren(fragment)
  if (key !== null) {
    const again = region.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)
    again?.focus({ preventScroll: true })
  }
}

const TRANSITIONAL = new Set(['CREATING', 'ATTACHING', 'DETACHING', 'CHANGING', 'ROLLING_BACK', 'RECYCLING', 'DELETING', 'STARTING', 'STOPPING', 'REBOOTING', 'RELEASING', 'PENDING', 'DEPLOYING', 'REBUILDING', 'RESIZING'])
const BAD = new Set(['FAILED', 'ERROR', 'CREATE_FAILED'])
// `gone`: how a resource's history says a transition destroyed it.
const IDLE = new Set(['STOPPED', 'RECYCLED', 'RELEASED', 'gone'])

export const isTransitional = (value: string): boolean => TRANSITIONAL.has(value)

/** A status as its text; the class adds colour and, for transitional ones, a moving mark. */
export function status (value: string): HTMLElement {
  const kind = TRANSITIONAL.has(value) ? 'busy' : BAD.has(value) ? 'bad' : IDLE.has(value) ? 'idle' : 'good'
  return h('span', { class: `status status-${kind}` }, value === '' ? '—' : value)
}

export const dash = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value))

export const link = (href: string, text: string, key?: string): HTMLAnchorElement => h('a', { href, 'data-key': key ?? href }, text)

export interface Column<T> {
  label: string
  cell: (row: T) => Child
  /** Shorter columns get the `num` class (right-aligned). */
  num?: boolean
  /** Names the column's cells (`data-col`), for a test or a style to find them. */
  col?: string
}

export function table<T> (caption: string, columns: Column<T>[], rows: T[], empty = 'None.', rowKey?: (row: T) => string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'empty' }, h('span', { class: 'empty-caption' }, `${caption}: `), empty)
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', null,
      h('caption', null, caption, h('span', { class: 'count' }, ` (${rows.length})`)),
      h('thead', null, h('tr', null, columns.map(c => h('th', { scope: 'col', class: c.num === true ? 'num' : undefined }, c.label)))),
      h('tbody', null, rows.map(row => h('tr', { 'data-row': rowKey?.(row) }, columns.map(c => h('td', { class: c.num === true ? 'num' : undefined, 'data-col': c.col }, c.cell(row))))))
    )
  )
}

/** An answer box: what the admin API said to the last action of a control, success or envelope. */
export function answerBox (): HTMLOutputElement {
  return h('output', { class: 'answer', 'aria-live': 'polite' })
}

export function showAnswer (box: HTMLOutputElement, ok: boolean, text: string): void {
  box.className = `answer ${ok ? 'answer-ok' : 'answer-error'}`
  box.replaceChildren(h('strong', null, ok ? 'OK ' : 'Error '), h('code', null, text))
}

/** A JSON value as readable text (bodies in the journal, nested fields in a detail page). */
export function pretty (text: unknown): string {
  if (typeof text !== 'string') return JSON.stringify(text, null, 2)
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** `2026-01-15T10:00:00Z` → `2026-01-15 10:00:00Z`: the same instant, easier to scan in a table. */
export function time (value: unknown): string {
  if (typeof value !== 'string' || value === '') return '—'
  return value.replace('T', ' ').replace(/\.\d+Z$/, 'Z')
}
