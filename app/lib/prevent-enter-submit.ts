import type { KeyboardEvent } from 'react'

/**
 * Put on a dialog's <form onKeyDown>: Enter in a field (a date, a number, a select's search) never
 * submits the dialog half-filled; only the submit button does. Enter still works in text areas,
 * on buttons and in open dropdowns (Mantine handles those before the event reaches the form).
 */
export function preventEnterSubmit(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key !== 'Enter' || event.defaultPrevented) return
  const target = event.target as HTMLElement
  if (target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button') {
    event.preventDefault()
  }
}
