import { defineConfig } from '@playwright/test';
import { CHROMIUM_BIN, CHROMIUM_FLAGS } from './scripts/lib/chromium.cjs';
import { APP_URL, MASTER_URL, SIM_PORT, APP_PORT } from './e2e/helpers/ports';

const CI = !!process.env['CI'];
const SIM_DATA = 'e2e/.artifacts/sim-data';

/**
 * End-to-end tests in Debian's Chromium against the production build, served by
 * `scripts/serve.ts` and proxied to a simulated master that Playwright starts with its
 * control API on and its task generator off, so every change on screen comes from a test.
 * That master is faithful to the real one, bugs included (crashing handlers, image pulls, the
 * log stream's status writes, the cancel lock, sign-in); only its timings are shortened
 * (heartbeats, pulls, cancels). The `setup` project signs the test operator in.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'e2e/.artifacts/results.json' }],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_BIN, args: CHROMIUM_FLAGS },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'chromium',
      use: { browserName: 'chromium', storageState: 'e2e/.artifacts/signed-in.json' },
      dependencies: ['setup'],
    },
  ],
  webServer: [
    {
      command: `rm -rf ${SIM_DATA} && node --import tsx sim/src/main.ts --port ${SIM_PORT} --data-dir ${SIM_DATA} --control --heartbeat-ms 1000 --task-rate 0 --dropout 0 --seed 7 --first-pull-ms 3000 --pull-ms 1000 --cancel-delay-ms 3000`,
      url: `${MASTER_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
    },
    {
      command: 'node --import tsx scripts/serve.ts',
      env: { PORT: String(APP_PORT), HOST: '127.0.0.1', CLOUDAI_MASTER_URL: MASTER_URL },
      url: APP_URL,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
