import { aTask } from '../../../testing/builders';
import { filesAccess } from './task-files';

describe('filesAccess', () => {
  const mine = aTask({ status: 'completed', user_id: 'alice@example.com', docker_image: 'python:3.12' });

  it('asks for the files of a finished task of the signed-in user', () => {
    expect(filesAccess(mine, 'alice@example.com')).toEqual({ kind: 'ask' });
  });

  it('waits while the task runs, and a cancelled task wrote none', () => {
    expect(filesAccess({ ...mine, status: 'running' }, 'alice@example.com').kind).toBe('not-yet');
    expect(filesAccess({ ...mine, status: 'cancelled' }, 'alice@example.com').kind).toBe('not-yet');
  });

  it('says why instead of asking when the master would refuse or cannot answer', () => {
    const reason = (task = mine, me: string | null = 'alice@example.com') => {
      const access = filesAccess(task, me);
      return access.kind === 'cannot' ? access.reason : access.kind;
    };

    expect(reason(mine, null)).toContain('without signing in');
    expect(reason(mine, 'bob@example.com')).toContain('belong to alice@example.com');
    expect(reason({ ...mine, user_id: '' })).toContain('without a user id');
    expect(reason({ ...mine, docker_image: 'nvidia/cuda:12' })).toContain('contains “/”');
  });
});
