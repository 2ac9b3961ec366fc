import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, readServerConfig } from '../lib/server-config';

const noFile = (path: string): string => {
  throw new Error(`ENOENT: ${path}`);
};

describe('server configuration', () => {
  it('starts the simulator on the defaults when nothing is set', () => {
    assert.deepEqual(readServerConfig({}, {}, noFile), {
      masterUrl: null,
      clusterName: '',
      basePath: '/',
      heartbeatMs: 5000,
      inactiveAfterMs: 30_000,
      taskPollMs: 3000,
      openMaster: false,
      port: 4000,
      host: '127.0.0.1',
      simulatorPort: 8080,
    });
  });

  it('reads every setting from the environment, normalising the master address and the base path', () => {
    const config = readServerConfig({
      CLOUDAI_MASTER_URL: 'http://master.internal:8080/',
      CLUSTER_NAME: '  prod-eu  ',
      BASE_PATH: '/cloudai',
      HEARTBEAT_MS: '10000',
      INACTIVE_AFTER_MS: '60000',
      TASK_POLL_MS: '5000',
      OPEN_MASTER: '1',
      PORT: '8000',
      HOST: '0.0.0.0',
    });
    assert.equal(config.masterUrl, 'http://master.internal:8080');
    assert.equal(config.clusterName, 'prod-eu');
    assert.equal(config.basePath, '/cloudai/');
    assert.equal(config.heartbeatMs, 10_000);
    assert.equal(config.inactiveAfterMs, 60_000);
    assert.equal(config.taskPollMs, 5000);
    assert.equal(config.openMaster, true);
    assert.equal(config.port, 8000);
    assert.equal(config.host, '0.0.0.0');
  });

  it('reads a JSON file of the same names, the environment winning over it', () => {
    const file = JSON.stringify({
      CLUSTER_NAME: 'from-file',
      HEARTBEAT_MS: 2000,
      INACTIVE_AFTER_MS: 10_000,
      BASE_PATH: '/ops/',
    });
    const config = readServerConfig(
      { DASHBOARD_CONFIG_FILE: '/etc/cloudai/dashboard.json', CLUSTER_NAME: 'from-env' },
      {},
      (path) => (path === '/etc/cloudai/dashboard.json' ? file : noFile(path)),
    );
    assert.equal(config.clusterName, 'from-env');
    assert.equal(config.heartbeatMs, 2000);
    assert.equal(config.inactiveAfterMs, 10_000);
    assert.equal(config.basePath, '/ops/');
  });

  const refused: readonly [string, Record<string, string>, RegExp][] = [
    [
      'a master address that is not http',
      { CLOUDAI_MASTER_URL: 'ftp://master:21' },
      /CLOUDAI_MASTER_URL must start with http/,
    ],
    ['a master address with a path', { CLOUDAI_MASTER_URL: 'http://master:8080/api' }, /host and port only/],
    ['a master address that is not one', { CLOUDAI_MASTER_URL: 'master:8080:x' }, /CLOUDAI_MASTER_URL/],
    ['a base path without its leading slash', { BASE_PATH: 'cloudai/' }, /BASE_PATH must be a path/],
    ['a base path that climbs out', { BASE_PATH: '/a/../b/' }, /BASE_PATH must be a path/],
    [
      'a heartbeat that is not a number',
      { HEARTBEAT_MS: '5s' },
      /HEARTBEAT_MS must be a whole number from 100 to 600000, not "5s"/,
    ],
    ['a task poll too fast for the master', { TASK_POLL_MS: '100' }, /TASK_POLL_MS must be a whole number from 500/],
    [
      'an inactivity limit within two heartbeats',
      { HEARTBEAT_MS: '20000', INACTIVE_AFTER_MS: '30000' },
      /longer than two heartbeats/,
    ],
    ['a switch that is neither on nor off', { OPEN_MASTER: 'maybe' }, /OPEN_MASTER must be 1 or 0/],
    ['a port out of range', { PORT: '70000' }, /PORT must be a whole number from 1 to 65535/],
    [
      'a cluster name with control characters',
      { CLUSTER_NAME: 'prod\u0007' },
      /CLUSTER_NAME must be at most 60 printable/,
    ],
  ];
  for (const [what, env, message] of refused) {
    it(`stops with a clear message for ${what}`, () => {
      assert.throws(
        () => readServerConfig(env, {}, noFile),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it('stops for an unknown setting in the file, naming it and the known ones', () => {
    assert.throws(
      () =>
        readServerConfig(
          { DASHBOARD_CONFIG_FILE: 'dashboard.json' },
          {},
          () => '{"CLUSTER_NAME":"x","HEARTBEAT":5000}',
        ),
      /unknown setting\(s\) HEARTBEAT\. Known: CLOUDAI_MASTER_URL, CLUSTER_NAME/,
    );
  });

  it('stops for a file that cannot be read or is not one JSON object', () => {
    assert.throws(
      () => readServerConfig({ DASHBOARD_CONFIG_FILE: 'missing.json' }, {}, noFile),
      /cannot read missing\.json/,
    );
    assert.throws(
      () => readServerConfig({ DASHBOARD_CONFIG_FILE: 'a.json' }, {}, () => '{"CLUSTER_NAME":'),
      /a\.json is not JSON/,
    );
    assert.throws(() => readServerConfig({ DASHBOARD_CONFIG_FILE: 'a.json' }, {}, () => '[1]'), /one JSON object/);
  });
});
