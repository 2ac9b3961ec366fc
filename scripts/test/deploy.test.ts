import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages a program imports at run time, found by bundling it with every package left out. */
async function importedPackages(entryPoint: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      const bare = !imported.path.startsWith('.') && !imported.path.startsWith('/');
      if (!imported.external || !bare || imported.path.startsWith('node:') || builtinModules.includes(imported.path))
        continue;
      const parts = imported.path.split('/');
      packages.add(imported.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return packages;
}

describe('what a deployment needs at run time', () => {
  it('every package `npm run serve` and the simulator it may start import is a dependency, so `npm ci --omit=dev` keeps it', async () => {
    const needed = new Set([
      ...(await importedPackages('scripts/serve.ts')),
      ...(await importedPackages('sim/src/main.ts')),
      'tsx',
    ]);
    const missing = [...needed].filter((name) => !(name in packageJson.dependencies));
    assert.deepEqual(missing, [], `move to "dependencies": ${missing.join(', ')}`);
  });
});

describe('the nginx renderer, bundled as the container image bundles it', () => {
  let work: string;
  let dist: string;
  before(() => {
    execFileSync('npm', ['run', '--silent', 'build:deploy'], { stdio: 'inherit' });
    work = mkdtempSync(join(tmpdir(), 'cloudai-nginx-'));
    // Started as root, nginx's workers run as nobody, who must be able to read the site.
    chmodSync(work, 0o755);
    dist = join(work, 'dist');
    execFileSync('mkdir', ['-p', dist]);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><base href="/"></head><body></body></html>');
    writeFileSync(join(dist, 'index.html.gz'), 'stale');
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), 'console.log(1);');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const render = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['dist/deploy/render.mjs'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'], DIST_DIR: dist, NGINX_ACCESS_LOG: 'off', ...env },
    });

  it('runs on plain Node and writes a configuration nginx accepts, with the site under the base path', (context) => {
    const runtime = join(work, 'runtime');
    const rendered = render({
      RUNTIME_DIR: runtime,
      // Nothing listens there: the renderer only asks it whether it is the simulator, and goes on.
      CLOUDAI_MASTER_URL: 'http://127.0.0.1:9',
      BASE_PATH: '/ops/cloudai',
      CLUSTER_NAME: 'prod-eu',
      PORT: '4999',
    });
    assert.equal(rendered.status, 0, rendered.stderr);
    const conf = readFileSync(join(runtime, 'nginx.conf'), 'utf8');
    assert.match(conf, /listen 127\.0\.0\.1:4999;/);
    assert.match(conf, /location \^~ \/ops\/cloudai\/api\/ \{\s+auth_request \/_cloudai_session_check;/);
    assert.match(conf, /location = \/ops\/cloudai \{\s+return 308 \/ops\/cloudai\/;/);
    assert.doesNotMatch(conf, /\{\{/);
    const site = join(runtime, 'root', 'ops', 'cloudai');
    assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /<base href="\/ops\/cloudai\/">/);
    assert.equal(existsSync(join(site, 'index.html.gz')), false, 'the stale precompressed index.html is gone');
    assert.ok(existsSync(join(site, 'main-ABCDEFGH.js')));
    assert.match(
      readFileSync(join(site, '_dashboard', 'config.js'), 'utf8'),
      /"clusterName":"prod-eu","simulated":false/,
    );

    const nginx = spawnSync('nginx', ['-t', '-c', join(runtime, 'nginx.conf'), '-e', 'stderr'], { encoding: 'utf8' });
    if (nginx.error) return context.skip('nginx is not installed here (.ci/run installs it)');
    assert.equal(nginx.status, 0, nginx.stderr);
  });

  it('running, is alive while the master is down, and not ready, saying why', async (context) => {
    if (spawnSync('nginx', ['-v']).error) return context.skip('nginx is not installed here (.ci/run installs it)');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const runtime = join(work, 'running');
    const rendered = render({
      RUNTIME_DIR: runtime,
      CLOUDAI_MASTER_URL: 'http://127.0.0.1:9',
      PORT: String(port),
      BASE_PATH: '/ops/',
    });
    assert.equal(rendered.status, 0, rendered.stderr);
    const nginx = spawn('nginx', ['-c', join(runtime, 'nginx.conf'), '-e', 'stderr'], { stdio: 'ignore' });
    try {
      const url = `http://127.0.0.1:${port}/ops/`;
      let healthz: Response | undefined;
      for (let attempt = 0; attempt < 100 && !healthz; attempt++) {
        healthz = await fetch(`${url}_dashboard/healthz`).catch(() => undefined);
        if (!healthz) await sleep(50);
      }
      assert.equal(healthz?.status, 200);
      const readyz = await fetch(`${url}_dashboard/readyz`);
      assert.equal(readyz.status, 503);
      assert.match(((await readyz.json()) as { reason: string }).reason, /cannot be reached/);
      const page = await fetch(`${url}tasks/task-1`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<base href="\/ops\/">/);
    } finally {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
  });

  it('renders no session check with OPEN_MASTER=1', () => {
    const runtime = join(work, 'open');
    const rendered = render({ RUNTIME_DIR: runtime, CLOUDAI_MASTER_URL: 'http://127.0.0.1:9', OPEN_MASTER: '1' });
    assert.equal(rendered.status, 0, rendered.stderr);
    const conf = readFileSync(join(runtime, 'nginx.conf'), 'utf8');
    assert.doesNotMatch(conf, /^\s*auth_request/m);
    assert.match(conf, /OPEN_MASTER=1: forwarded without a session check/);
  });

  it('stops with a clear message and status 2 for a missing master address or a bad setting', () => {
    const noMaster = render({ RUNTIME_DIR: join(work, 'none') });
    assert.equal(noMaster.status, 2);
    assert.match(noMaster.stderr, /Configuration: CLOUDAI_MASTER_URL is required behind nginx/);
    const badPath = render({
      RUNTIME_DIR: join(work, 'bad'),
      CLOUDAI_MASTER_URL: 'http://master:8080',
      BASE_PATH: 'cloudai',
    });
    assert.equal(badPath.status, 2);
    assert.match(badPath.stderr, /Configuration: BASE_PATH must be a path/);
  });
});
