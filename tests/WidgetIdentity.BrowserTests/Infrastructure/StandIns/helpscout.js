// Help Scout Beacon stand-in, run as an init script where the Beacon init snippet stands (before the tag): window.Beacon
// queues { method, options, data } in Beacon.readyQueue, and the snippet calls Beacon("init", id). After the window's
// load event the Beacon arrives, replaces window.Beacon and replays the queue. Nothing but init is accepted before init.
// identify (secure mode) needs an object with an email and its signature, every value text; like the Beacon, it does not
// save a name over 80 characters, a company over 60 or an avatar URL over 200 (recorded in notSaved, not thrown);
// logout takes optional options.
(function () {
  "use strict";
  if (window.__vendors && window.__vendors.helpscout) {
    return;
  }

  var sdk = window.__standInRecord("helpscout");
  var limits = { name: 80, company: 60, avatar: 200 };
  var beaconId = null;
  var queue = function (method, options, data) { queue.readyQueue.push({ method: method, options: options, data: data }); };
  queue.readyQueue = [];
  window.Beacon = queue;
  window.Beacon("init", "standin-beacon-id");

  // The user as the Beacon saves it: an over-long value is silently not saved.
  function identify(user) {
    sdk.object(user, "identify's user");
    sdk.email(user.email, "identify's email");
    sdk.text(user.signature, "identify's signature (secure mode)");
    var saved = {};
    Object.keys(user).forEach(function (key) {
      if (typeof user[key] !== "string") {
        sdk.fail("identify's " + key + " must be text");
      }
      if (limits[key] !== undefined && user[key].length > limits[key]) {
        (sdk.record.notSaved = sdk.record.notSaved || []).push(key);
      } else {
        saved[key] = user[key];
      }
    });
    return saved;
  }

  function beacon(method, options, data) {
    if (method === "init") {
      sdk.text(options, "the Beacon id");
      beaconId = options;
      sdk.record.init = options;
      return;
    }
    if (beaconId === null) {
      sdk.fail("Beacon(\"" + String(method) + "\") before init");
    }
    if (method === "identify") {
      options = identify(options);
    } else if (method === "logout") {
      if (options !== undefined) {
        sdk.object(options, "logout's options");
      }
    } else {
      sdk.fail("unknown method " + String(method));
    }
    var args = [options, data];
    while (args.length > 0 && args[args.length - 1] === undefined) {
      args.pop();
    }
    sdk.accept(method, args);
  }

  window.addEventListener("load", function () {
    setTimeout(sdk.start.bind(null, function () { // the Beacon's script arrives after the load event
      var queued = window.Beacon.readyQueue;
      window.Beacon = beacon;
      queued.forEach(function (call) { beacon(call.method, call.options, call.data); });
    }), 0);
  });
})();
