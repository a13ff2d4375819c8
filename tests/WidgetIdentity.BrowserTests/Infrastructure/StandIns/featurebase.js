// Featurebase stand-in, served as the SDK the tag loads after its queueing stub and boot call: it replaces
// window.Featurebase and replays Featurebase.q. boot takes an object with an appId and, for an identified user, a JWT
// in featurebaseJwt, and an optional callback.
(function () {
  "use strict";
  if (window.__vendors && window.__vendors.featurebase) {
    return;
  }

  var sdk = window.__standInRecord("featurebase");
  var queued = typeof window.Featurebase === "function" && window.Featurebase.q ? window.Featurebase.q : [];

  function featurebase(method, options, callback) {
    if (method !== "boot") {
      sdk.fail("unknown method " + String(method));
    }
    if (arguments.length > 3 || (callback !== undefined && typeof callback !== "function")) {
      sdk.fail("boot takes options and an optional callback");
    }
    sdk.object(options, "boot's options");
    sdk.text(options.appId, "boot's appId");
    if (options.featurebaseJwt !== undefined) {
      sdk.text(options.featurebaseJwt, "boot's featurebaseJwt");
      if (options.featurebaseJwt.split(".").length !== 3) {
        sdk.fail("boot's featurebaseJwt is not a JWT");
      }
    }
    sdk.accept(method, [options]);
  }

  sdk.start(function () {
    window.Featurebase = featurebase;
    Array.prototype.forEach.call(queued, function (args) { featurebase.apply(null, args); });
  });
})();
