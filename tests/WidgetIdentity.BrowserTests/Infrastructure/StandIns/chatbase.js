// Chatbase stand-in, served as the site's embed script (after the tag, whose calls wait for the window's load event).
// Like the embed, it defines window.chatbase as a function that queues its calls in chatbase.q, and loads the agent's
// script after the load event, which replays the queue. identify takes one object: a JWT in token, or (deprecated)
// user_id with user_hash; resetUser takes nothing.
(function () {
  "use strict";
  if (typeof window.chatbase === "function") {
    return;
  }

  var sdk = window.__standInRecord("chatbase");
  var queued = function () { queued.q.push(arguments); };
  queued.q = [];
  window.chatbase = queued;

  function agent(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (method === "identify") {
      if (args.length !== 1) {
        sdk.fail("identify takes one object");
      }
      sdk.object(args[0], "identify's argument");
      if (args[0].token !== undefined) {
        sdk.text(args[0].token, "identify's token");
        if (args[0].token.split(".").length !== 3) {
          sdk.fail("identify's token is not a JWT");
        }
      } else {
        sdk.text(args[0].user_id, "identify's user_id");
        sdk.text(args[0].user_hash, "identify's user_hash");
      }
    } else if (method === "resetUser") {
      if (args.length !== 0) {
        sdk.fail("resetUser takes no arguments");
      }
    } else {
      sdk.fail("unknown method " + String(method));
    }
    sdk.accept(method, args);
  }

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the agent's script arrives after the load event
      window.chatbase = agent;
      queued.q.forEach(function (args) { agent.apply(null, args); });
    }), 0);
  });
})();
