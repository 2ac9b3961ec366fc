import type { TaskSubmission } from './model.ts';

/** A 400 whose text is exactly what the master's submit handler writes. */
export class TaskRequestError extends Error {}

const NUMBER_LITERAL = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const STRING_FIELDS = ['docker_image', 'command', 'user_id', 'tag'] as const;
const NUMBER_FIELDS = ['cpu_required', 'memory_required', 'gpu_required', 'storage_required', 'k_value'] as const;

function goTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : typeof value;
}

/** Parses JSON the way the Go decoder reports it: EOF for an empty body, "invalid character" for syntax errors. */
export function decodeJsonBody(raw: string): unknown {
  if (raw.trim() === '') throw new TaskRequestError('EOF');
  try {
    return JSON.parse(raw);
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    const offending = position ? raw[Number(position[1])] : undefined;
    throw new TaskRequestError(offending === undefined ? 'unexpected EOF' : `invalid character '${offending}' looking for beginning of value`);
  }
}

/** json.Number: a JSON number or a string holding a JSON number literal. */
function readNumber(body: Record<string, unknown>, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (!NUMBER_LITERAL.test(value)) throw new TaskRequestError(`json: invalid number literal, trying to unmarshal ${JSON.stringify(JSON.stringify(value))} into Number`);
    return Number(value);
  }
  throw new TaskRequestError(`json: cannot unmarshal ${goTypeName(value)} into Go struct field TaskRequest.${field} of type json.Number`);
}

function readString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TaskRequestError(`json: cannot unmarshal ${goTypeName(value)} into Go struct field TaskRequest.${field} of type string`);
  return value;
}

/** Decodes and validates POST /api/tasks. Errors carry the full text body without the trailing newline. */
export function parseTaskRequest(raw: string): TaskSubmission {
  let body: Record<string, unknown>;
  let strings: Record<(typeof STRING_FIELDS)[number], string>;
  let numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>>;
  try {
    const parsed = decodeJsonBody(raw);
    if (parsed === null) throw new TaskRequestError('');
    if (typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new TaskRequestError(`json: cannot unmarshal ${goTypeName(parsed)} into Go value of type http.TaskRequest`);
    }
    body = parsed as Record<string, unknown>;
    strings = Object.fromEntries(STRING_FIELDS.map((field) => [field, readString(body, field)])) as typeof strings;
    numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, readNumber(body, field)]));
  } catch (error) {
    if (error instanceof TaskRequestError && error.message === '') {
      // A JSON null body decodes to an empty request in Go.
      body = {};
      strings = { docker_image: '', command: '', user_id: '', tag: '' };
      numbers = {};
    } else {
      throw new TaskRequestError(`Invalid JSON: ${(error as Error).message}`);
    }
  }
  if (strings.docker_image === '') throw new TaskRequestError('Missing required field: docker_image');
  const cpu = numbers.cpu_required ?? 0;
  const memory = numbers.memory_required ?? 0;
  if (!(cpu > 0) || !(memory > 0)) {
    throw new TaskRequestError('Invalid resource requirements: cpu_required and memory_required must be greater than 0');
  }
  if (numbers.k_value !== undefined && (numbers.k_value < 1.5 || numbers.k_value > 2.5)) {
    throw new TaskRequestError('k_value must be between 1.5 and 2.5');
  }
  // The master stores tag and k only when the request carries one of them; otherwise the list shows "" and 0.
  const hasMetadata = strings.tag !== '' || numbers.k_value !== undefined;
  return {
    docker_image: strings.docker_image,
    command: strings.command,
    user_id: strings.user_id,
    cpu_required: cpu,
    memory_required: memory,
    gpu_required: numbers.gpu_required ?? 0,
    storage_required: numbers.storage_required ?? 1024,
    tag: strings.tag,
    k_value: hasMetadata ? (numbers.k_value ?? 2) : 0,
  };
}
