import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { createSimulator, type Simulator } from '../src/simulator.ts';
import type { SimOptions } from '../src/options.ts';
import type { TaskPhase } from '../src/cluster.ts';

/**
 * Fast, quiet settings: 40 ms heartbeats, 100x time (inactive after 300 ms, image pulls of 15 and 60 ms),
 * no background tasks or dropouts. The master's quirks stay on unless a test asks for `wellBehaved`.
 */
export const FAST: Partial<SimOptions> = {
  port: 0,
  heartbeatMs: 40,
  timeScale: 0.01,
  cancelDelayMs: 50,
  logReplayMs: 1,
  taskRate: 0,
  dropout: 0,
};

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'cloudai-sim-test-'));
}

export interface RunningSim {
  sim: Simulator;
  url: string;
  dataDir: string;
  /** Stops the simulator and removes its data directory. */
  dispose(): Promise<void>;
}

export async function startSim(overrides: Partial<SimOptions> = {}): Promise<RunningSim> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const sim = createSimulator({ ...FAST, ...overrides, dataDir });
  await sim.start();
  return {
    sim,
    url: sim.url,
    dataDir,
    async dispose() {
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

export async function submitTask(baseUrl: string, fields: Record<string, unknown> = {}): Promise<string> {
  const response = await postJson(`${baseUrl}/api/tasks`, { docker_image: 'python:3.9', cpu_required: 1, memory_required: 1, storage_required: 5, ...fields });
  if (response.status !== 201) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { task_id: string }).task_id;
}

export async function taskStatus(baseUrl: string, taskId: string): Promise<string | undefined> {
  const { tasks } = (await (await fetch(`${baseUrl}/api/tasks`)).json()) as { tasks: Array<{ task_id: string; status: string }> };
  return tasks.find((task) => task.task_id === taskId)?.status;
}

/** A client socket that records every frame as parsed JSON and how the connection ended. */
export interface RecordedSocket {
  socket: WebSocket;
  messages: any[];
  closed: Promise<{ code: number }>;
}

export function openSocket(url: string): Promise<RecordedSocket> {
  const socket = new WebSocket(url);
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
  });
}

export function wsUrl(httpUrl: string, path: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}${path}`;
}

/** A client socket that records every frame verbatim, for frames that need not be JSON. */
export interface RecordedTextSocket {
  socket: WebSocket;
  frames: Array<{ text: string; binary: boolean }>;
  closed: Promise<{ code: number }>;
}

export function openTextSocket(url: string): Promise<RecordedTextSocket> {
  const socket = new WebSocket(url);
  const frames: RecordedTextSocket['frames'] = [];
  socket.on('message', (data, binary) => frames.push({ text: data.toString(), binary }));
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, frames, closed }));
    socket.once('error', reject);
  });
}

/** Where a task is in its life, read in-process (the control API's `phase`). */
export function taskPhase(env: RunningSim, taskId: string): TaskPhase | undefined {
  const { cluster } = env.sim.context;
  const task = cluster.findTask(taskId);
  return task && cluster.phaseOf(task);
}

/** Waits until the task's image is pulled and its container runs, so a log socket gets the live stream. */
export async function waitForContainer(env: RunningSim, taskId: string, timeoutMs = 3000): Promise<void> {
  await waitFor(() => taskPhase(env, taskId) === 'running', timeoutMs, `container of ${taskId}`);
}

/** Sends one raw HTTP request and resolves with every byte the server wrote before the connection closed. */
export function rawExchange(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    // A reset instead of a clean FIN is still "no response".
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.write(request);
  });
}

/** A GET the way the master's panicking handlers answer it: resolves true when the connection closed without a single byte. */
export async function droppedWithoutResponse(baseUrl: string, path: string): Promise<boolean> {
  return (await rawExchange(baseUrl, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`)) === '';
}

/** The control API's view of a task (needs --control). */
export interface SimTaskState {
  task_id: string;
  status: string;
  phase: TaskPhase;
  worker_id: string | null;
  log_sockets: number;
  log_sockets_opened: number;
}

export async function simTask(baseUrl: string, taskId: string): Promise<SimTaskState> {
  const response = await fetch(`${baseUrl}/__sim/tasks/${taskId}`);
  if (response.status !== 200) throw new Error(`/__sim/tasks/${taskId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as SimTaskState;
}

export async function waitForPhase(baseUrl: string, taskId: string, phase: TaskPhase, timeoutMs = 3000): Promise<SimTaskState> {
  return waitFor(async () => {
    const state = await simTask(baseUrl, taskId);
    return state.phase === phase && state;
  }, timeoutMs, `${taskId} ${phase}`);
}
