import { defineConfig } from '@playwright/test';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from './scripts/lib/chromium.cjs';
import { BASE_PATH, CLUSTER_NAME, DEPLOY_MASTER_URL, DEPLOY_SIM_PORT, NGINX_PORT, NODE_PORT } from './e2e-deploy/ports';

const CI = !!process.env['CI'];
const SIM_DATA = 'e2e/.artifacts/deploy-sim-data';
const NGINX_RUNTIME = 'e2e/.artifacts/nginx';

/** The settings both servers get: the same variables an operator sets. */
const SETTINGS = { CLOUDAI_MASTER_URL: DEPLOY_MASTER_URL, BASE_PATH, CLUSTER_NAME, HOST: '127.0.0.1' };

/**
 * The deployment smoke suite: the production build under a sub-path, once through `npm run serve`
 * and once through real nginx configured by deploy/nginx/render.ts from the very template the
 * container image uses, both in front of one faithful simulated master with sign-in.
 */
export default defineConfig({
  testDir: 'e2e-deploy',
  outputDir: 'test-results-deploy',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['json', { outputFile: 'e2e/.artifacts/deploy-results.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS },
  },
  projects: [
    { name: 'node', use: { baseURL: `http://127.0.0.1:${NODE_PORT}${BASE_PATH}` } },
    { name: 'nginx', use: { baseURL: `http://127.0.0.1:${NGINX_PORT}${BASE_PATH}` } },
  ],
  webServer: [
    {
      command: `rm -rf ${SIM_DATA} && node --import tsx sim/src/main.ts --port ${DEPLOY_SIM_PORT} --data-dir ${SIM_DATA} --control --heartbeat-ms 1000 --task-rate 0 --dropout 0 --seed 11 --first-pull-ms 500 --pull-ms 200`,
      url: `${DEPLOY_MASTER_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node --import tsx scripts/serve.ts',
      env: { ...SETTINGS, PORT: String(NODE_PORT) },
      url: `http://127.0.0.1:${NODE_PORT}${BASE_PATH}_dashboard/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `bash -c 'node --import tsx deploy/nginx/render.ts && exec nginx -c "$RUNTIME_DIR/nginx.conf" -e stderr'`,
      env: {
        ...SETTINGS,
        PORT: String(NGINX_PORT),
        DIST_DIR: 'dist/cloudai-dashboard/browser',
        RUNTIME_DIR: `${process.cwd()}/${NGINX_RUNTIME}`,
        NGINX_ACCESS_LOG: 'off',
      },
      url: `http://127.0.0.1:${NGINX_PORT}${BASE_PATH}_dashboard/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
