import { it } from 'node:test';
import { postJson, startSim } from '/work/main/sim/test/helpers.ts';
it('probe', async () => {
  const env = await startSim({ workers: 1, control: true });
  await postJson(`${env.url}/__sim/faults`, { method: 'GET', path: '/api/tasks', action: 'delay', delay_ms: 60_000, times: 5 });
  const hanging = fetch(`${env.url}/api/tasks`).then(() => 'answered', () => 'dropped');
  await new Promise((r) => setTimeout(r, 100));
  console.log('before', process.getActiveResourcesInfo());
  await env.dispose();
  console.log(await hanging);
  console.log('after', process.getActiveResourcesInfo());
});
