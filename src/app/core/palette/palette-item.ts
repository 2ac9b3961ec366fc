/** What a palette entry is: where it takes the operator, or what it does. */
export type PaletteKind = 'page' | 'action' | 'task' | 'worker';

/** One entry of the command palette. */
export interface PaletteItem {
  /** Stable across refreshes (`task:<id>`, `page:/tasks`, `action:theme-dark`): what recent entries remember. */
  readonly key: string;
  readonly kind: PaletteKind;
  /** The name it is found and shown by: an id, a page, an action. */
  readonly label: string;
  /**
   * Also searched: a task's image, a worker's address, a page's path, an action's other words. A
   * status is not among them: it changes under the operator's eyes, and nobody jumps to a task by it.
   */
  readonly keywords: string;
  /** Shown under a task or worker: its image or address, and its status. Not searched. */
  readonly detail: string;
  readonly run: () => void;
}
