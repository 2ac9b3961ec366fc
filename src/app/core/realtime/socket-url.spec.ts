import { socketUrl } from './socket-url';

describe('socketUrl', () => {
  it("uses ws: on the page's host and port", () => {
    expect(socketUrl({ protocol: 'http:', host: 'dash.example:4200' }, '/ws/telemetry')).toBe(
      'ws://dash.example:4200/ws/telemetry',
    );
  });

  it('uses wss: behind https', () => {
    expect(socketUrl({ protocol: 'https:', host: 'dash.example' }, '/ws/telemetry')).toBe(
      'wss://dash.example/ws/telemetry',
    );
  });
});
