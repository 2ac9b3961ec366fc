import { parseLogMessage } from './log-message';
import { LogStreamEvent, nextAttempt, reduceLogStream } from './log-stream';
import { CONNECTING_STREAM, LogView } from './log-view';

describe('reduceLogStream', () => {
  const messages = (...raw: string[]): LogStreamEvent => ({ kind: 'messages', messages: raw.map(parseLogMessage) });
  const run = (...events: LogStreamEvent[]): LogView => events.reduce(reduceLogStream, CONNECTING_STREAM);

  it('streams lines after connected and ends with the normalised final status', () => {
    const view = run(
      messages('{"type":"connected"}', '{"type":"log","line":"one"}'),
      messages('{"type":"log","line":"two"}', '{"type":"complete","status":"success"}'),
      { kind: 'closed', clean: false, code: 1006 },
    );

    expect(view.lines).toEqual(['one', 'two']);
    expect(view.phase).toBe('complete');
    expect(view.finalStatus).toBe('completed');
    // The master closes without a close frame after complete: that is the normal end, not an error.
    expect(view.message).toBeNull();
  });

  it('says the stream was cut when it drops (1006) before complete, keeping the lines', () => {
    const view = run(messages('{"type":"connected"}', '{"type":"log","line":"one"}'), {
      kind: 'closed',
      clean: false,
      code: 1006,
    });

    expect(view.phase).toBe('interrupted');
    expect(view.lines).toEqual(['one']);
    expect(view.message).toContain('1006');
    expect(view.end).toBe('retry');
  });

  it('ends for good after a final status, even though the master hangs up without a close frame', () => {
    const view = run(messages('{"type":"complete","status":"failed"}'), { kind: 'closed', clean: false, code: 1006 });

    expect(view.end).toBe('final');
  });

  it('says in plain words why a stream ended with a container state instead of a result', () => {
    const view = run(
      messages(
        '{"type":"connected"}',
        '{"type":"log","line":"Task not found or not running on this worker"}',
        '{"type":"complete","status":"not_found"}',
      ),
      { kind: 'closed', clean: false, code: 1006 },
    );

    expect(view.phase).toBe('no-container');
    expect(view.finalStatus).toBe('not_found');
    expect(view.message).toContain('no container for this task yet');
    expect(view.message).toContain('recorded the task as “not_found”');
    expect(view.end).toBe('final');
  });

  it('retries after an error between master and worker, not after one about the task', () => {
    const grpc = run(messages('{"type":"error","error":"error receiving log chunk: rpc error: code = Unavailable"}'), {
      kind: 'closed',
      clean: false,
      code: 1006,
    });
    const unassigned = run(messages('{"type":"error","error":"failed to find assignment for task"}'), {
      kind: 'closed',
      clean: false,
      code: 1006,
    });

    expect(grpc.end).toBe('retry');
    expect(unassigned.end).toBe('final');
  });

  it('lines up the replay of a reconnected stream with the lines already shown', () => {
    const before = run(messages('{"type":"log","line":"a\\nb\\nc"}'), { kind: 'closed', clean: false, code: 1006 });
    // The worker replays its buffer (b, c) and goes on (d), in two batches.
    const after = [
      messages('{"type":"connected"}', '{"type":"log","line":"b"}'),
      messages('{"type":"log","line":"c\\nd"}'),
    ].reduce(reduceLogStream, nextAttempt(before));

    expect(after.lines).toEqual(['a', 'b', 'c', 'd']);
    expect(after.attempt).toBe(2);
  });

  it('says when a stream ended cleanly without a final status (a finished task with empty logs)', () => {
    const view = run(messages('{"type":"connected"}'), { kind: 'closed', clean: true, code: null });

    expect(view.phase).toBe('ended');
  });

  it('shows errors, typed or untyped, and ignores what follows', () => {
    const view = run(
      messages(
        '{"type":"connected"}',
        '{"type":"error","error":"failed to find assignment"}',
        '{"type":"log","line":"late"}',
      ),
    );

    expect(view.phase).toBe('error');
    expect(view.message).toBe('failed to find assignment');
    expect(view.lines).toEqual([]);
  });

  it('counts malformed frames and keeps streaming', () => {
    const view = run(messages('{"type":"connected"}', 'garbage', '{"type":"log","line":"ok"}'));

    expect(view.malformedFrames).toBe(1);
    expect(view.lines).toEqual(['ok']);
  });
});
