import { TabMessage, WISH_EXPIRES_MS } from '../data-worker/protocol';

/** What one tab asked of the shared poll, and when it last said so. */
export interface Wish {
  readonly intervalMs: number;
  readonly visible: boolean;
  readonly seenAt: number;
}

/** Every tab that reads the task list, by port id. */
export type Wishes = ReadonlyMap<number, Wish>;

export type WishEvent =
  | { readonly kind: 'message'; readonly portId: number; readonly message: TabMessage; readonly at: number }
  /** Time passes: wishes not repeated in time belong to tabs that have gone. */
  | { readonly kind: 'tick'; readonly at: number };

export const NO_WISHES: Wishes = new Map();

export function reduceWishes(wishes: Wishes, event: WishEvent): Wishes {
  if (event.kind === 'tick') {
    const alive = [...wishes].filter(([, wish]) => event.at - wish.seenAt < WISH_EXPIRES_MS);
    return alive.length === wishes.size ? wishes : new Map(alive);
  }
  const { message, portId, at } = event;
  switch (message.kind) {
    case 'want':
      return new Map(wishes).set(portId, { intervalMs: message.intervalMs, visible: message.visible, seenAt: at });
    case 'leave': {
      if (!wishes.has(portId)) return wishes;
      const rest = new Map(wishes);
      rest.delete(portId);
      return rest;
    }
    case 'alive': {
      const wish = wishes.get(portId);
      return wish ? new Map(wishes).set(portId, { ...wish, seenAt: at }) : wishes;
    }
    case 'refresh':
    case 'telemetry-on':
    case 'telemetry-off':
    case 'telemetry-retry-now':
    case 'failures-on':
    case 'failures-off':
      return wishes;
  }
}

/** How the one shared poll runs: as often as the most eager visible tab asks, and only while some tab is visible. */
export interface PollPace {
  readonly intervalMs: number;
  readonly visible: boolean;
}

export function pollPace(wishes: Wishes, defaultIntervalMs: number): PollPace {
  const visible = [...wishes.values()].filter((wish) => wish.visible && wish.intervalMs > 0);
  return visible.length === 0
    ? { intervalMs: defaultIntervalMs, visible: false }
    : { intervalMs: Math.min(...visible.map((wish) => wish.intervalMs)), visible: true };
}
