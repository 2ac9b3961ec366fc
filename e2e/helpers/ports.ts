/** Ports of the e2e run, away from the development defaults so both can run at once. */
export const SIM_PORT = 18080;
export const APP_PORT = 4300;
export const MASTER_URL = `http://127.0.0.1:${SIM_PORT}`;
export const APP_URL = `http://127.0.0.1:${APP_PORT}`;
