// jsdom, plus the WHATWG fetch classes and encoders of the Node realm: in UI tests the real
// resolver and @forge/api run in the same realm as the page (in Forge they run on the server),
// and the platform's fetch boundary speaks WHATWG `Response`.
const { TestEnvironment } = require('jest-environment-jsdom');

class JsdomWithFetchEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['Response', 'Request', 'Headers', 'ReadableStream', 'TextEncoder', 'TextDecoder', 'structuredClone', 'AbortSignal', 'AbortController']) {
      if (globalThis[name] !== undefined) this.global[name] = globalThis[name];
    }
    // The page and the server run in one realm here, and the server's packages must load their
    // Node builds: jsdom's default `browser` condition picks e.g. yaml's ES-module browser build,
    // which this CommonJS project cannot require.
    this.customExportConditions = ['node', 'node-addons', 'require', 'default'];
  }
}

module.exports = JsdomWithFetchEnvironment;
