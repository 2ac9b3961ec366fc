// Karma runs the unit tests in the system Chromium (Debian's package), headless.
const { CHROMIUM_BIN, CHROMIUM_FLAGS } = require('./scripts/lib/chromium.cjs');

process.env.CHROME_BIN = CHROMIUM_BIN;

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher'), require('karma-jasmine-html-reporter')],
    client: {
      jasmine: { random: true },
      clearContext: false,
    },
    jasmineHtmlReporter: { suppressAll: true },
    reporters: ['progress', 'kjhtml'],
    browsers: ['ChromeHeadlessLocal'],
    customLaunchers: {
      ChromeHeadlessLocal: {
        base: 'ChromeHeadless',
        flags: CHROMIUM_FLAGS,
      },
    },
    browserNoActivityTimeout: 120000,
    captureTimeout: 120000,
    restartOnFileChange: true,
  });
};
