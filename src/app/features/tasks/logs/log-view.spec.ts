import { storedLogView } from './log-view';

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
