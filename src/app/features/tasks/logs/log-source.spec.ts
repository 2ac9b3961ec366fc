import { LogInputs, nextLogSource } from './log-source';

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
