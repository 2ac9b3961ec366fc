import { parseLogMessage, toLogLines } from './log-message';

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
