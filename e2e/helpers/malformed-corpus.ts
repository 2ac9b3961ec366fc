/**
 * Telemetry frames a broken or hostile master could send, each with how many rejections it must
 * count (a frame that is not a map counts once; otherwise each bad entry counts).
 */
const kiwi = {
  worker_id: 'kiwi',
  cpu_usage: 41.7,
  memory_usage: 63.2,
  gpu_usage: 0,
  running_tasks: [],
  last_update: 1_763_498_855,
  is_active: true,
};
const entry = (overrides: Record<string, unknown>) => JSON.stringify({ kiwi: { ...kiwi, ...overrides } });
const huge = 'x'.repeat(1024 * 1024);

export const TELEMETRY_CORPUS: readonly { readonly name: string; readonly frame: string; readonly rejected: number }[] =
  [
    { name: 'not JSON', frame: 'not json', rejected: 1 },
    { name: 'truncated JSON', frame: '{"kiwi": {"worker_id": "kiwi"', rejected: 1 },
    { name: 'an empty array', frame: '[]', rejected: 1 },
    { name: 'an array of numbers', frame: '[1,2,3]', rejected: 1 },
    { name: 'null', frame: 'null', rejected: 1 },
    { name: 'a number', frame: '42', rejected: 1 },
    { name: 'a string', frame: '"kiwi"', rejected: 1 },
    { name: 'a boolean', frame: 'true', rejected: 1 },
    { name: 'an entry that is null', frame: '{"kiwi": null}', rejected: 1 },
    { name: 'an entry that is a number', frame: '{"kiwi": 5}', rejected: 1 },
    { name: 'an empty entry', frame: '{"kiwi": {}}', rejected: 1 },
    { name: 'a missing worker id', frame: entry({ worker_id: undefined }), rejected: 1 },
    { name: 'a worker id that is a number', frame: entry({ worker_id: 7 }), rejected: 1 },
    { name: 'a worker id unlike its key', frame: entry({ worker_id: 'other' }), rejected: 1 },
    { name: 'an empty worker id', frame: JSON.stringify({ '': { ...kiwi, worker_id: '' } }), rejected: 1 },
    { name: 'a 1 MB worker id', frame: JSON.stringify({ [huge]: { ...kiwi, worker_id: huge } }), rejected: 1 },
    { name: 'CPU as a string', frame: entry({ cpu_usage: '41' }), rejected: 1 },
    { name: 'CPU "NaN"', frame: entry({ cpu_usage: 'NaN' }), rejected: 1 },
    { name: 'negative CPU', frame: entry({ cpu_usage: -5 }), rejected: 1 },
    { name: 'CPU over 100 %', frame: entry({ cpu_usage: 150 }), rejected: 1 },
    {
      name: 'memory that overflows to Infinity',
      frame: entry({ memory_usage: 0 }).replace('"memory_usage":0', '"memory_usage":1e400'),
      rejected: 1,
    },
    { name: 'memory null', frame: entry({ memory_usage: null }), rejected: 1 },
    { name: 'GPU over 100 %', frame: entry({ gpu_usage: 101 }), rejected: 1 },
    { name: 'a timestamp as a string', frame: entry({ last_update: '1763498855' }), rejected: 1 },
    { name: 'a negative timestamp', frame: entry({ last_update: -1 }), rejected: 1 },
    { name: 'a missing timestamp', frame: entry({ last_update: undefined }), rejected: 1 },
    { name: 'running tasks as a string', frame: entry({ running_tasks: 'task-1' }), rejected: 1 },
    { name: 'running tasks as an object', frame: entry({ running_tasks: { task_id: 'x' } }), rejected: 1 },
    { name: 'an envelope without workers', frame: '{"type":"telemetry","workers":null}', rejected: 1 },
    { name: 'an envelope with an array', frame: '{"type":"telemetry","workers":[]}', rejected: 1 },
    {
      name: 'two bad entries beside a good one',
      frame: JSON.stringify({ a: { ...kiwi, worker_id: 'a', cpu_usage: 'x' }, b: 3, kiwi }),
      rejected: 2,
    },
  ];

/** Entries of `GET /api/tasks` and `GET /api/workers` that must be left out and counted. */
export const BAD_TASK_ENTRIES: readonly unknown[] = [
  null,
  'task-1',
  [],
  { task_id: 7 },
  {
    task_id: 'task-bad-status',
    docker_image: 'x',
    status: 9,
    cpu_required: 1,
    memory_required: 1,
    gpu_required: 0,
    storage_required: 1,
    k_value: 2,
    created_at: 1,
  },
  {
    task_id: 'task-bad-cpu',
    docker_image: 'x',
    status: 'running',
    cpu_required: 'lots',
    memory_required: 1,
    gpu_required: 0,
    storage_required: 1,
    k_value: 2,
    created_at: 1,
  },
  {
    task_id: 'task-huge',
    docker_image: huge,
    status: 'running',
    cpu_required: 1,
    memory_required: 1,
    gpu_required: 0,
    storage_required: 1,
    k_value: 2,
    created_at: 1,
  },
];

export const BAD_WORKER_ENTRIES: readonly unknown[] = [
  null,
  { worker_id: '' },
  {
    worker_id: 'bad-usage',
    is_active: true,
    cpu_usage: 300,
    memory_usage: 1,
    gpu_usage: 0,
    total_resources: { cpu: 1, memory: 1, storage: 1, gpu: 0 },
    allocated_resources: { cpu: 0, memory: 0, storage: 0, gpu: 0 },
  },
  {
    worker_id: 'bad-capacity',
    is_active: true,
    cpu_usage: 1,
    memory_usage: 1,
    gpu_usage: 0,
    total_resources: 'big',
    allocated_resources: { cpu: 0, memory: 0, storage: 0, gpu: 0 },
  },
];
