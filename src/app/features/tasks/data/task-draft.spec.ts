import { TestBed } from '@angular/core/testing';
import { aTask } from '../../../testing/builders';
import { EMPTY_DRAFT, TaskDraftStore, toDraft, toSubmission } from './task-draft';

describe('TaskDraftStore', () => {
  afterEach(() => sessionStorage.removeItem('cloudai.user.task-draft'));

  it('keeps a draft across a reload of the store, and forgets it when cleared', () => {
    const store = TestBed.inject(TaskDraftStore);
    store.save({ ...EMPTY_DRAFT, docker_image: 'python:3.12', cpu_required: null });

    TestBed.resetTestingModule();
    expect(TestBed.inject(TaskDraftStore).read()).toEqual({
      ...EMPTY_DRAFT,
      docker_image: 'python:3.12',
      cpu_required: null,
    });

    store.clear();
    expect(store.read()).toEqual(EMPTY_DRAFT);
  });

  it('starts empty when the stored draft is unreadable', () => {
    sessionStorage.setItem('cloudai.user.task-draft', '{not json');

    expect(TestBed.inject(TaskDraftStore).read()).toEqual(EMPTY_DRAFT);
  });
});

describe('toSubmission', () => {
  it('trims text, always sends storage, and keeps k to one decimal', () => {
    const submission = toSubmission(
      {
        ...EMPTY_DRAFT,
        docker_image: '  alpine ',
        command: ' echo hi ',
        storage_required: 5,
        k_value: 1.7000001,
      },
      'alice@example.com',
    );

    expect(submission).toEqual({
      docker_image: 'alpine',
      command: 'echo hi',
      cpu_required: 1,
      memory_required: 2,
      storage_required: 5,
      gpu_required: 0,
      tag: 'cpu-light',
      k_value: 1.7,
      user_id: 'alice@example.com',
    });
  });

  it('files a task under the signed-in user, and a task run again under its original owner', () => {
    expect(toSubmission(EMPTY_DRAFT, 'alice@example.com').user_id).toBe('alice@example.com');
    expect(toSubmission(toDraft(aTask({ user_id: 'bob@example.com' })), 'alice@example.com').user_id).toBe(
      'bob@example.com',
    );
    expect(toSubmission(EMPTY_DRAFT, null).user_id).toBe('');
  });
});
