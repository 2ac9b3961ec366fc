import {
  CONNECTING_STREAM,
  LogInputs,
  LogStreamEvent,
  LogView,
  nextAttempt,
  nextLogSource,
  parseLogMessage,
  reduceLogStream,
  replayOverlap,
  storedLogView,
  toLogLines,
} from './log-stream';

describe('parseLogMessage', () => {
  it('reads every message type the master sends', () => {
    expect(
      parseLogMessage('{"type":"connected","task_id":"t","user_id":"u","message":"Connected to task log stream"}'),
    ).toEqual({
      kind: 'connected',
    });
    expect(parseLogMessage('{"type":"log","task_id":"t","line":"a\\nb\\n"}')).toEqual({
      kind: 'lines',
      lines: ['a', 'b'],
    });
    expect(parseLogMessage('{"type":"error","task_id":"t","error":"worker kiwi not found"}')).toEqual({
      kind: 'error',
      message: 'worker kiwi not found',
      transient: true,
    });
    expect(parseLogMessage('{"error":"Failed to get task information: task not found: t"}')).toEqual({
      kind: 'error',
      message: 'Failed to get task information: task not found: t',
      transient: false,
    });
  });

  it('normalises the three status vocabularies of complete', () => {
    const status = (raw: string) =>
      (parseLogMessage(`{"type":"complete","status":${raw}}`) as { status: string }).status;

    expect(status('"success"')).toBe('completed');
    expect(status('"completed"')).toBe('completed');
    expect(status('"failed"')).toBe('failed');
    expect(status('"cancelled"')).toBe('cancelled');
    expect(status('"not_found"')).toBe('not_found');
    expect(status('""')).toBe('');
    expect(status('null')).toBe('');
  });

  it('counts anything else as malformed instead of failing', () => {
    for (const raw of ['not json', '[]', 'null', '42', '{"type":"log","line":7}', '{"type":"shout"}', '{}']) {
      expect(parseLogMessage(raw)).withContext(raw).toEqual({ kind: 'malformed' });
    }
  });
});

describe('toLogLines', () => {
  it('keeps what a terminal shows after carriage returns and drops the trailing newline', () => {
    expect(toLogLines('progress 10%\rprogress 100%\r\nok\r\n')).toEqual(['progress 100%', 'ok']);
  });

  it('keeps empty lines in the middle', () => {
    expect(toLogLines('a\n\nb')).toEqual(['a', '', 'b']);
  });
});

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

describe('storedLogView', () => {
  it('reads the stored logs with the result status normalised', () => {
    expect(storedLogView('a\nb\n', 'success')).toEqual(
      jasmine.objectContaining({ lines: ['a', 'b'], finalStatus: 'completed', phase: 'complete' }),
    );
  });

  it('says so when the task wrote nothing', () => {
    expect(storedLogView('', 'failed').message).toContain('without writing any output');
  });
});

describe('replayOverlap', () => {
  it('finds the longest tail of the shown lines that the replay starts with', () => {
    expect(replayOverlap(['a', 'b', 'c'], ['b', 'c', 'd'])).toBe(2);
    expect(replayOverlap(['a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toBe(3);
    expect(replayOverlap(['a', 'b'], ['x'])).toBe(0);
    expect(replayOverlap([], ['a'])).toBe(0);
  });
});

describe('nextLogSource', () => {
  const inputs = (status: string, overrides: Partial<LogInputs> = {}): LogInputs => ({
    status,
    cancelling: false,
    opened: false,
    ...overrides,
  });

  it('opens nothing for a pending task and reads a finished one', () => {
    expect(nextLogSource(null, inputs('pending'))).toBe('none');
    expect(nextLogSource(null, inputs('completed'))).toBe('stored');
  });

  it("streams a running task only once the operator opened it: looking must not change the master's data", () => {
    expect(nextLogSource(null, inputs('running'))).toBe('gated');
    expect(nextLogSource('gated', inputs('running', { opened: true }))).toBe('stream');
    // A status the log stream itself wrote: the task may still run.
    expect(nextLogSource(null, inputs('not_found'))).toBe('gated');
  });

  it('closes the stream while a cancel is on its way', () => {
    expect(nextLogSource('stream', inputs('running', { opened: true, cancelling: true }))).toBe('paused');
    expect(nextLogSource('paused', inputs('cancelled', { opened: true, cancelling: true }))).toBe('stored');
  });

  it('keeps an open stream when the task finishes: the stream reports the end itself', () => {
    expect(nextLogSource('stream', inputs('completed', { opened: true }))).toBe('stream');
  });
});
