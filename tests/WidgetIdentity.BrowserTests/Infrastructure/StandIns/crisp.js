// Crisp stand-in, run as an init script where Crisp's snippet stands (before the tag): it sets window.$crisp to an empty
// queue and CRISP_WEBSITE_ID. After the window's load event the chatbox arrives, replaces the queue with an object whose
// push runs each command, and runs what was queued. Commands are [action, method, args]: "set" user:email takes
// [email] or [email, signature], user:nickname / user:phone / user:avatar one text, user:company a name and optional
// details, session:data one argument of [key, value] pairs with keys of a-z, 0-9, '_' and '-'; "do" session:reset takes
// nothing. Anything else is refused with an error.
(function () {
  "use strict";
  if (window.__vendors && window.__vendors.crisp) {
    return;
  }

  var sdk = window.__standInRecord("crisp");
  var dataKey = /^[a-z0-9_-]+$/;
  window.$crisp = [];
  window.CRISP_WEBSITE_ID = "standin-crisp-website";

  function values(args, min, max, what) {
    if (!Array.isArray(args) || args.length < min || args.length > max) {
      sdk.fail(what + " takes an array of " + min + " to " + max + " values");
    }
  }

  function pair(entry) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string" || !dataKey.test(entry[0])) {
      sdk.fail("session:data takes [key, value] pairs with keys of a-z, 0-9, '_' and '-'");
    }
    if (["string", "number", "boolean"].indexOf(typeof entry[1]) < 0) {
      sdk.fail("session:data values are text, numbers or booleans");
    }
  }

  function set(method, args) {
    if (method === "user:email") {
      values(args, 1, 2, method);
      sdk.email(args[0], method);
      if (args.length === 2) {
        sdk.text(args[1], "the user:email signature");
      }
    } else if (method === "user:nickname" || method === "user:phone" || method === "user:avatar") {
      values(args, 1, 1, method);
      sdk.text(args[0], method);
    } else if (method === "user:company") {
      values(args, 1, 2, method);
      sdk.text(args[0], method);
      if (args.length === 2) {
        sdk.object(args[1], "the company details");
      }
    } else if (method === "session:data") {
      values(args, 1, 1, method);
      if (!Array.isArray(args[0])) {
        sdk.fail("session:data takes one argument: [key, value] pairs");
      }
      args[0].forEach(pair);
    } else {
      sdk.fail("unknown set " + String(method));
    }
  }

  function command(item) {
    if (!Array.isArray(item) || typeof item[0] !== "string" || typeof item[1] !== "string") {
      sdk.fail("a command is [action, method, args]");
    }
    if (item[0] === "set") {
      set(item[1], item[2]);
    } else if (item[0] === "do" && item[1] === "session:reset") {
      if (item.length > 2) {
        sdk.fail("session:reset takes no arguments");
      }
    } else {
      sdk.fail("unknown command " + item[0] + " " + item[1]);
    }
    sdk.accept(item[0] + " " + item[1], item.slice(2));
  }

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the chatbox's script arrives after the load event
      var queued = window.$crisp;
      if (!Array.isArray(queued)) {
        sdk.fail("window.$crisp is no longer the snippet's queue");
      }
      window.$crisp = { push: function () { Array.prototype.forEach.call(arguments, command); } };
      queued.forEach(command);
    }), 0);
  });
})();
