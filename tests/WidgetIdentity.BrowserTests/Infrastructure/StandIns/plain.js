// Plain stand-in, run as an init script where Plain's snippet stands (before the tag). The snippet loads Plain's script,
// which delays the window's load event, and calls Plain.init({ appId }) from its onload: here window.Plain is defined
// and initialized by the first load listener, before any listener the page adds. setCustomerDetails needs init first,
// and an object with an email and its emailHash, fullName / shortName / chatAvatarUrl text where given, nothing else.
(function () {
  "use strict";
  if (window.__vendors && window.__vendors.plain) {
    return;
  }

  var sdk = window.__standInRecord("plain");
  var fields = ["email", "emailHash", "fullName", "shortName", "chatAvatarUrl"];
  var appId = null;

  var plain = {
    init: function (options) {
      sdk.object(options, "init's options");
      sdk.text(options.appId, "init's appId");
      appId = options.appId;
      sdk.record.init = appId;
    },
    setCustomerDetails: function (details) {
      if (appId === null) {
        sdk.fail("setCustomerDetails before init");
      }
      if (arguments.length !== 1) {
        sdk.fail("setCustomerDetails takes one argument");
      }
      sdk.object(details, "the customer details");
      sdk.email(details.email, "the customer's email");
      sdk.text(details.emailHash, "the customer's emailHash");
      Object.keys(details).forEach(function (key) {
        if (fields.indexOf(key) < 0 || typeof details[key] !== "string") {
          sdk.fail("the customer detail " + key + " is not one Plain takes");
        }
      });
      sdk.accept("setCustomerDetails", arguments);
    }
  };

  window.addEventListener("load", function () {
    sdk.start(function () {
      window.Plain = plain;
      window.Plain.init({ appId: "standin-plain-app" });
    });
  });
})();
