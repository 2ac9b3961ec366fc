/**
 * Renders the nginx deployment: `node --import tsx deploy/nginx/render.ts` (or the bundled
 * `render.mjs` in the container image) reads the same settings as `npm run serve`, checks them the
 * same way, and writes into RUNTIME_DIR:
 *   nginx.conf, proxy.conf, security-headers.conf  the configuration (from nginx.conf.template),
 *   root<BASE_PATH>…                               a copy of the built app (DIST_DIR) with its
 *                                                  base href set and the configuration document.
 * Then run `nginx -c $RUNTIME_DIR/nginx.conf`. Unlike `npm run serve` there is no simulator:
 * CLOUDAI_MASTER_URL is required.
 */
import { chownSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configScript } from '../../scripts/lib/config-script';
import { MasterHealthWatch } from '../../scripts/lib/master-health';
import { securityHeaders } from '../../scripts/lib/security-headers';
import { ConfigError, ServerConfig, readServerConfig } from '../../scripts/lib/server-config';

export interface NginxLayout {
  /** The production build's browser files. */
  readonly distDir: string;
  /** Where the configuration and the site copy are written (and nginx keeps its pid and temporary files). */
  readonly runtimeDir: string;
  /** The nginx configuration template. */
  readonly template: string;
  /** nginx's modules-enabled folder (Debian), loaded when it exists; brotli is used when one of them provides it. */
  readonly modulesDir: string;
  readonly mimeTypes: string;
  readonly accessLog: string;
}

/** The configuration files for these settings, by name (relative to the runtime folder). */
export function renderNginxConfig(
  config: ServerConfig,
  layout: NginxLayout,
  masterUrl: string,
  templateText: string,
): Record<string, string> {
  const master = new URL(masterUrl);
  const hostPort = `${master.hostname}:${master.port || (master.protocol === 'https:' ? 443 : 80)}`;
  const modules = existsSync(layout.modulesDir) ? readdirSync(layout.modulesDir) : [];
  const brotli = modules.some((file) => file.includes('brotli'));
  const base = config.basePath;
  const fields: Record<string, string> = {
    RUNTIME_DIR: layout.runtimeDir,
    USER: runsAsRoot() ? `user nobody nogroup;` : '# not started as root: the workers run as this user',
    LOAD_MODULES: modules.length > 0 ? `include ${layout.modulesDir}/*.conf;` : '',
    MIME_TYPES: layout.mimeTypes,
    ACCESS_LOG: layout.accessLog,
    MASTER_HOST_PORT: hostPort,
    MASTER_URL: master.origin,
    MASTER_SCHEME: master.protocol.slice(0, -1),
    // An IPv6 address is written in brackets.
    LISTEN: `${config.host.includes(':') ? `[${config.host.replace(/^\[|\]$/g, '')}]` : config.host}:${config.port}`,
    SITE_ROOT: join(layout.runtimeDir, 'root'),
    BASE_PATH: base,
    AUTH_REQUEST: config.openMaster
      ? '# OPEN_MASTER=1: forwarded without a session check.'
      : 'auth_request /_cloudai_session_check;',
    BROTLI_STATIC: brotli ? 'brotli_static on;' : '# brotli_static: no brotli module installed',
    BARE_BASE_REDIRECT:
      base === '/'
        ? ''
        : `location = ${base.slice(0, -1)} {\n      return 308 ${base};\n    }\n    location / {\n      return 404 "Not found. The dashboard is at ${base}\\n";\n    }`,
  };
  const nginxConf = templateText.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in fields)) throw new Error(`The nginx template names an unknown field {{${name}}}.`);
    return fields[name];
  });
  const headers = Object.entries(securityHeaders)
    .map(([name, value]) => `add_header ${name} "${value.replace(/"/g, '\\"')}" always;`)
    .join('\n');
  const proxy = [
    'proxy_http_version 1.1;',
    'proxy_set_header Host $proxy_host;',
    'proxy_set_header Upgrade $http_upgrade;',
    'proxy_set_header Connection $connection_upgrade;',
    'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    'proxy_set_header X-Forwarded-Proto $scheme;',
    // An https master is asked for by name (SNI).
    'proxy_ssl_server_name on;',
    // The app reads answers whole; the master's are small except the task list.
    'proxy_buffering on;',
  ].join('\n');
  return { 'nginx.conf': nginxConf, 'security-headers.conf': `${headers}\n`, 'proxy.conf': `${proxy}\n` };
}

/** Writes the configuration and the site copy; returns the path of nginx.conf. */
export async function renderNginx(
  env: Readonly<Record<string, string | undefined>>,
  layout: NginxLayout,
): Promise<string> {
  const config = readServerConfig(env, { port: 8080 });
  if (config.masterUrl === null) {
    throw new ConfigError('CLOUDAI_MASTER_URL is required behind nginx: it starts no simulator.');
  }
  const indexFile = join(layout.distDir, 'index.html');
  if (!existsSync(indexFile))
    throw new ConfigError(`DIST_DIR: no built app in ${layout.distDir} (index.html is missing).`);
  const html = readFileSync(indexFile, 'utf8');
  if (!html.includes('<base href="/"')) throw new ConfigError(`DIST_DIR: ${indexFile} has no <base href="/">.`);

  const root = join(layout.runtimeDir, 'root');
  const site = join(root, config.basePath);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const folder of ['tmp', 'auth-cache']) {
    const path = join(layout.runtimeDir, folder);
    mkdirSync(path, { recursive: true });
    // Started as root, nginx runs its workers as nobody (see USER in the template): they write here.
    if (runsAsRoot()) chownSync(path, NOBODY, NOBODY);
  }
  cpSync(layout.distDir, site, { recursive: true });
  // index.html is rewritten: its precompressed copies would be the build's.
  for (const stale of ['index.html.gz', 'index.html.br']) rmSync(join(site, stale), { force: true });
  writeFileSync(join(site, 'index.html'), html.replace('<base href="/"', `<base href="${config.basePath}"`));

  // Whether the master is the simulator, as its /health says, asked once at start (a real master never says so).
  const health = await new MasterHealthWatch(config.masterUrl).current();
  mkdirSync(join(site, '_dashboard'), { recursive: true });
  writeFileSync(join(site, '_dashboard', 'config.js'), configScript(config, { url: config.masterUrl, simulated: health.reachable && health.simulator }));

  const files = renderNginxConfig(config, layout, config.masterUrl, readFileSync(layout.template, 'utf8'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(layout.runtimeDir, name), text);
  return join(layout.runtimeDir, 'nginx.conf');
}

/** nobody and nogroup on Debian. */
const NOBODY = 65_534;

function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The layout from the environment, with the container image's paths as defaults. */
export function layoutFromEnv(env: Readonly<Record<string, string | undefined>>, here: string): NginxLayout {
  return {
    distDir: resolve(env['DIST_DIR'] || '/usr/share/cloudai-dashboard'),
    runtimeDir: resolve(env['RUNTIME_DIR'] || '/tmp/cloudai-dashboard'),
    template: resolve(env['NGINX_TEMPLATE'] || join(here, 'nginx.conf.template')),
    modulesDir: env['NGINX_MODULES_DIR'] || '/etc/nginx/modules-enabled',
    mimeTypes: env['NGINX_MIME_TYPES'] || '/etc/nginx/mime.types',
    accessLog: env['NGINX_ACCESS_LOG'] || '/dev/stdout',
  };
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  renderNginx(process.env, layoutFromEnv(process.env, dirname(fileURLToPath(import.meta.url))))
    .then((file) => console.log(`nginx configuration written to ${file}`))
    .catch((error: unknown) => {
      console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
      process.exit(error instanceof ConfigError ? 2 : 1);
    });
}
