// Intercom stand-in, served as the site's loader script (after the tag's window.intercomSettings, as Intercom's install
// guide places its loader). Like the loader, it defines window.Intercom as a function that queues its calls, and loads
// the Messenger after the window's load event; the Messenger then boots from window.intercomSettings where they name an
// app_id, and replays the queue. boot needs an app_id; a user_hash needs the user_id or email it signs; the avatar is
// {type: "avatar", image_url}; shutdown ends the session; a call other than boot before a boot is refused.
(function () {
  "use strict";
  if (typeof window.Intercom === "function") {
    return;
  }

  var sdk = window.__standInRecord("intercom");
  var booted = false;
  var queued = function () { queued.q.push(arguments); };
  queued.q = [];
  window.Intercom = queued;

  function boot(settings, args) {
    sdk.object(settings, "boot settings");
    sdk.text(settings.app_id, "app_id");
    if (settings.user_hash !== undefined && settings.user_id === undefined && settings.email === undefined) {
      sdk.fail("user_hash signs a user_id or email, and neither is given");
    }
    if (settings.avatar !== undefined && (settings.avatar === null || settings.avatar.type !== "avatar" || typeof settings.avatar.image_url !== "string")) {
      sdk.fail("avatar must be {type: \"avatar\", image_url}");
    }
    booted = true;
    sdk.accept("boot", args);
  }

  function messenger(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (method === "boot") {
      boot(args[0], args);
    } else if (method === "shutdown") {
      booted = false;
      sdk.accept("shutdown", args);
    } else if (method === "update") {
      if (!booted) {
        sdk.fail("update before boot");
      }
      sdk.accept("update", args);
    } else {
      sdk.fail("unknown method " + String(method));
    }
  }

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the Messenger's script arrives after the load event
      if (window.intercomSettings !== undefined && window.intercomSettings.app_id !== undefined) {
        boot(window.intercomSettings, [window.intercomSettings]);
      }
      window.Intercom = messenger;
      queued.q.forEach(function (args) { messenger.apply(null, args); });
    }), 0);
  });
})();
