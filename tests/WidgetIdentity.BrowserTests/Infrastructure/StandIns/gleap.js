// Gleap stand-in, run as an init script where Gleap's snippet stands (before the tag): window.Gleap is a stub whose
// methods queue { e: method, a: args } in window.GleapActions, and the snippet calls Gleap.initialize(apiKey). After the
// window's load event the SDK arrives, replaces window.Gleap and replays the actions. identify(userId, data, userHash)
// needs a text id, an object of text fields (customData an object of at most 35 keys) and, with identity verification
// enforced, the hash; clearIdentity takes nothing. Nothing but initialize is accepted before initialize.
(function () {
  "use strict";
  if (window.__vendors && window.__vendors.gleap) {
    return;
  }

  var sdk = window.__standInRecord("gleap");
  var methods = ["initialize", "identify", "clearIdentity"];
  var apiKey = null;
  window.GleapActions = [];
  window.Gleap = {};
  methods.forEach(function (method) {
    window.Gleap[method] = function () { window.GleapActions.push({ e: method, a: Array.prototype.slice.call(arguments) }); };
  });
  window.Gleap.initialize("standin-gleap-api-key");

  function identify(userId, data, userHash) {
    if (arguments.length !== 3) {
      sdk.fail("identify takes (userId, data, userHash) with identity verification enforced");
    }
    sdk.text(userId, "identify's userId");
    sdk.object(data, "identify's data");
    sdk.text(userHash, "identify's userHash");
    Object.keys(data).forEach(function (key) {
      if (key === "customData") {
        sdk.object(data.customData, "customData");
        if (Object.keys(data.customData).length > 35) {
          sdk.fail("customData takes at most 35 keys");
        }
      } else if (["name", "email", "phone", "companyName"].indexOf(key) < 0 || typeof data[key] !== "string") {
        sdk.fail("identify's " + key + " is not a text field Gleap takes");
      }
    });
    sdk.accept("identify", arguments);
  }

  var gleap = {
    initialize: function (key) {
      sdk.text(key, "the API key");
      apiKey = key;
      sdk.record.init = key;
    },
    identify: function () {
      if (apiKey === null) {
        sdk.fail("identify before initialize");
      }
      identify.apply(null, arguments);
    },
    clearIdentity: function () {
      if (arguments.length !== 0) {
        sdk.fail("clearIdentity takes no arguments");
      }
      sdk.accept("clearIdentity", arguments);
    }
  };

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the SDK's script arrives after the load event
      var queued = window.GleapActions;
      window.Gleap = gleap;
      queued.forEach(function (action) { gleap[action.e].apply(null, action.a); });
    }), 0);
  });
})();
