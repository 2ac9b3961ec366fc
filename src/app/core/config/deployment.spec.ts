import { DEFAULT_DEPLOYMENT, dataWorkerName, deploymentOfWorker, readDeployment } from './deployment';
import { realtimeConfigFor } from './realtime-defaults';

describe('deployment settings', () => {
  it("are the real master's own timings without a configuration document", () => {
    expect(readDeployment(undefined)).toEqual(DEFAULT_DEPLOYMENT);
    expect(DEFAULT_DEPLOYMENT).toEqual(
      jasmine.objectContaining({ heartbeatMs: 5000, inactiveAfterMs: 30_000, taskPollMs: 3000, simulated: false }),
    );
  });

  it("take the document's values over the defaults, keeping the defaults for what it leaves out", () => {
    expect(readDeployment({ clusterName: 'prod-eu', heartbeatMs: 10_000 })).toEqual({
      ...DEFAULT_DEPLOYMENT,
      clusterName: 'prod-eu',
      heartbeatMs: 10_000,
    });
  });

  it('reach the data worker through its name, and a worker named otherwise runs on the defaults', () => {
    const deployment = { ...DEFAULT_DEPLOYMENT, heartbeatMs: 2000, inactiveAfterMs: 12_000, taskPollMs: 1500 };
    expect(deploymentOfWorker(dataWorkerName(deployment))).toEqual(deployment);
    expect(dataWorkerName(deployment)).not.toBe(dataWorkerName(DEFAULT_DEPLOYMENT));
    expect(deploymentOfWorker('cloudai-data')).toEqual(DEFAULT_DEPLOYMENT);
    expect(deploymentOfWorker('cloudai-data {broken')).toEqual(DEFAULT_DEPLOYMENT);
  });

  it('set the live timings: late after two heartbeats, a silent socket after four, inactive as configured', () => {
    const config = realtimeConfigFor({ heartbeatMs: 10_000, inactiveAfterMs: 60_000 });
    expect(config.heartbeatMs).toBe(10_000);
    expect(config.silentSocketMs).toBe(40_000);
    expect(config.inactiveAfterMs).toBe(60_000);
  });
});
