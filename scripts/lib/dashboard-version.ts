import packageJson from '../../package.json' with { type: 'json' };

/** The dashboard's version, as released (package.json); bundled into the nginx renderer too. */
export const DASHBOARD_VERSION: string = packageJson.version;
