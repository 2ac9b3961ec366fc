import { underBase } from './app-url';

describe('underBase', () => {
  it('keeps a path at the root when the app is served at /', () => {
    expect(underBase('/api/tasks', 'https://ops.example.com/')).toBe('https://ops.example.com/api/tasks');
  });

  it('puts a path under the prefix the app is served at, query included', () => {
    expect(underBase('/api/tasks?status=pending', 'https://ops.example.com/cloudai/')).toBe(
      'https://ops.example.com/cloudai/api/tasks?status=pending',
    );
  });

  it("resolves against a worker script's folder as against the page's base", () => {
    expect(underBase('/ws/telemetry', 'https://ops.example.com/cloudai/worker-ABCD1234.js')).toBe(
      'https://ops.example.com/cloudai/ws/telemetry',
    );
  });

  it("uses the page's base by default", () => {
    expect(underBase('/api/workers')).toBe(new URL('api/workers', document.baseURI).href);
  });
});
