// Debian's Chromium, as Karma and Playwright launch it. Root and container environments need
// --no-sandbox; the networking flags stop Chromium from phoning home, which a closed network
// answers with a flood of refused connections.
const CHROMIUM_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

module.exports = { CHROMIUM_BIN, CHROMIUM_FLAGS };
