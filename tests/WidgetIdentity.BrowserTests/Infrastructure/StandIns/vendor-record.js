// Shared by the vendor stand-ins (prepended to each by VendorStandInScripts): window.__vendors[vendor] records every
// call the stand-in SDK accepted, as { method, args } with the arguments copied exactly (functions left out), and the
// message of every error it threw. "settled" is true once the SDK has loaded, replayed what the snippet queued, and run
// every callback it scheduled.
window.__standInRecord = window.__standInRecord || function (vendor) {
  "use strict";
  window.__vendors = window.__vendors || {};
  var record = { loaded: false, pending: 0, settled: false, calls: [], errors: [] };
  window.__vendors[vendor] = record;

  function fail(message) {
    record.errors.push(message);
    throw new Error(vendor + ": " + message);
  }

  function settle() {
    record.settled = record.loaded && record.pending === 0;
  }

  return {
    record: record,
    accept: function (method, args) {
      var copied = Array.prototype.map.call(args, function (arg) {
        return arg === undefined || typeof arg === "function" ? null : JSON.parse(JSON.stringify(arg));
      });
      record.calls.push({ method: method, args: copied });
    },
    fail: fail,
    // A non-empty string, as every SDK requires of ids, keys and signatures.
    text: function (value, what) {
      if (typeof value !== "string" || value.length === 0) {
        fail(what + " must be a non-empty string");
      }
    },
    // An address: something before and after the last "@".
    email: function (value, what) {
      if (typeof value !== "string" || value.lastIndexOf("@") < 1 || value.lastIndexOf("@") === value.length - 1) {
        fail(what + " must be an email address");
      }
    },
    object: function (value, what) {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        fail(what + " must be an object");
      }
    },
    // Runs a callback later, as an SDK answers asynchronously; the record settles only once it has run.
    later: function (run) {
      record.pending++;
      setTimeout(function () {
        try {
          run();
        } finally {
          record.pending--;
          settle();
        }
      }, 0);
    },
    // The SDK starts: run (its loading, the queue's replay) then marks it loaded, even if run threw.
    start: function (run) {
      try {
        run();
      } finally {
        record.loaded = true;
        settle();
      }
    }
  };
};
