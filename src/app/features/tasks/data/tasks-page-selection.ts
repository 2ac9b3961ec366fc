/** What the operator is doing to the list: pointing at it, selecting rows, applying held changes. */
export interface ListInteraction {
  readonly pointerInside: boolean;
  readonly selected: ReadonlySet<string>;
  /** How many times held changes were applied. */
  readonly applied: number;
}

export type ListInteractionEvent =
  | { readonly kind: 'pointer'; readonly inside: boolean }
  | { readonly kind: 'toggle'; readonly taskId: string }
  | { readonly kind: 'select'; readonly taskIds: readonly string[] }
  | { readonly kind: 'apply' };

export const NO_INTERACTION: ListInteraction = { pointerInside: false, selected: new Set(), applied: 0 };

export function reduceListInteraction(state: ListInteraction, event: ListInteractionEvent): ListInteraction {
  switch (event.kind) {
    case 'pointer':
      return state.pointerInside === event.inside ? state : { ...state, pointerInside: event.inside };
    case 'toggle': {
      const selected = new Set(state.selected);
      if (!selected.delete(event.taskId)) selected.add(event.taskId);
      return { ...state, selected };
    }
    case 'select':
      return event.taskIds.length === 0 && state.selected.size === 0
        ? state
        : { ...state, selected: new Set(event.taskIds) };
    case 'apply':
      return { ...state, applied: state.applied + 1 };
  }
}

/** Rows keep their order while the pointer is over them or some are selected, so nothing jumps under a click. */
export function holdsOrder(state: ListInteraction): boolean {
  return state.pointerInside || state.selected.size > 0;
}
