/** Ports of the deployment smoke run, away from the main e2e run's and the development defaults. */
export const DEPLOY_SIM_PORT = 18090;
export const DEPLOY_MASTER_URL = `http://127.0.0.1:${DEPLOY_SIM_PORT}`;
/** `npm run serve` under the sub-path. */
export const NODE_PORT = 4310;
/** nginx, configured by deploy/nginx/render.ts, under the same sub-path. */
export const NGINX_PORT = 4320;
export const BASE_PATH = '/cloudai/';
export const CLUSTER_NAME = 'smoke-cluster';
