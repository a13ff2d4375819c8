// Zendesk messaging stand-in, served as the site's ze-snippet script (after the tag, whose calls wait for the window's
// load event). window.zE queues its calls until the widget has started, after the load event. Only the "messenger"
// namespace is known: loginUser takes one function, which the widget calls (later) with a callback for the JWT;
// logoutUser takes nothing. The JWT recorded is the one handed to the callback.
(function () {
  "use strict";
  if (typeof window.zE === "function") {
    return;
  }

  var sdk = window.__standInRecord("zendesk");
  var queue = [];
  window.zE = function () { queue.push(arguments); };

  function messenger(namespace, command) {
    var args = Array.prototype.slice.call(arguments, 2);
    if (namespace !== "messenger") {
      sdk.fail("unknown namespace " + String(namespace));
    }
    if (command === "loginUser") {
      if (args.length !== 1 || typeof args[0] !== "function") {
        sdk.fail("loginUser takes one function that hands the JWT to its callback");
      }
      sdk.later(function () {
        args[0](function (jwt) {
          sdk.text(jwt, "the JWT");
          if (jwt.split(".").length !== 3) {
            sdk.fail("the JWT is not one");
          }
          sdk.accept("loginUser", [jwt]);
        });
      });
    } else if (command === "logoutUser") {
      if (args.length !== 0) {
        sdk.fail("logoutUser takes no arguments");
      }
      sdk.accept("logoutUser", args);
    } else {
      sdk.fail("unknown command " + String(command));
    }
  }

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the widget starts after the load event
      window.zE = messenger;
      queue.forEach(function (args) { messenger.apply(null, args); });
    }), 0);
  });
})();
