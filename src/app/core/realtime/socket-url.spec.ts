import { socketUrl } from './socket-url';

describe('socketUrl', () => {
  it("uses ws: on the page's host and port", () => {
    expect(socketUrl('/ws/telemetry', 'http://dash.example:4200/')).toBe('ws://dash.example:4200/ws/telemetry');
  });

  it('uses wss: behind https', () => {
    expect(socketUrl('/ws/telemetry', 'https://dash.example/')).toBe('wss://dash.example/ws/telemetry');
  });

  it('opens the socket under the prefix the app is served at', () => {
    expect(socketUrl('/ws/tasks/task-1/logs', 'https://ops.example.com/cloudai/')).toBe(
      'wss://ops.example.com/cloudai/ws/tasks/task-1/logs',
    );
  });
});
