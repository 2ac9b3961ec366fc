// Small on purpose: the shell checks every key press with this before loading the shortcuts.

/** Inputs that take typing; a checkbox or a radio button does not. */
const TYPING_FIELDS =
  'textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]';
const NON_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);
/** Controls that Enter already activates. */
const ACTIVATED_BY_ENTER =
  'a[href], button, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"]';

/**
 * Whether a key press belongs to something else: typing in a field, Enter on a link or a button,
 * or a combination with Ctrl, Alt or Meta (the browser's and the system's). Shift is allowed: `?`
 * needs it.
 */
export function isNotAShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'isComposing' | 'target'>,
): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (!target || typeof target.closest !== 'function') return false;
  if (target instanceof HTMLInputElement && !NON_TYPING_INPUTS.has(target.type)) return true;
  if (target.closest(TYPING_FIELDS) !== null) return true;
  return event.key === 'Enter' && target.closest(ACTIVATED_BY_ENTER) !== null;
}

/** Ctrl-K, or ⌘-K on a Mac: the command palette, wherever the focus is. */
export function isPaletteKey(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k';
}

/** Keys that never start a shortcut on their own: modifiers, Tab, arrows, function keys (Enter excepted). */
export function isNamedKeyOtherThanEnter(key: string): boolean {
  return key.length > 1 && key !== 'Enter';
}
