import { reportsActiveWorker, toReceivedFrame } from './received-frame';
import { beat, frame } from '../../testing/realtime-testing';

describe('toReceivedFrame', () => {
  it('parses the frame and keeps when it arrived and whether it was the snapshot', () => {
    const received = toReceivedFrame({ kind: 'frame', raw: frame(beat('kiwi', 100, 10)), at: 7, snapshot: true });

    expect(received).toEqual({ entries: [beat('kiwi', 100, 10)], rejected: 0, at: 7, snapshot: true });
  });

  it('counts a frame that cannot be read as rejected', () => {
    expect(toReceivedFrame({ kind: 'frame', raw: 'not json', at: 7, snapshot: false })).toEqual({
      entries: [],
      rejected: 1,
      at: 7,
      snapshot: false,
    });
  });
});

describe('reportsActiveWorker', () => {
  it('is true when any worker of the frame is active', () => {
    expect(reportsActiveWorker(frame({ ...beat('old', 1, 0), is_active: false }, beat('kiwi', 100, 10)))).toBeTrue();
  });

  it('is false for inactive workers only, no workers, or an unreadable frame', () => {
    expect(reportsActiveWorker(frame({ ...beat('old', 1, 0), is_active: false }))).toBeFalse();
    expect(reportsActiveWorker('{}')).toBeFalse();
    expect(reportsActiveWorker('not json')).toBeFalse();
  });
});
