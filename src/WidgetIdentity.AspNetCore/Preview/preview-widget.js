// WidgetIdentity preview widget: development only. It stands in for a chat vendor's widget script, reads the
// user data exactly where that vendor's script would (a global object, setUser() after the ready event, a queue
// or stub the vendor's snippet defines, settings read when the vendor's script arrives, a login callback),
// shows it in a small panel and asks the server whether the signature verifies (an HMAC of the user id or of the
// email, or a JWT). It never receives a hash or token from the server: the verify endpoint answers only true or false.
(function () {
  "use strict";

  var script = document.currentScript;
  var source = new URL(script.src, window.location.href);
  var query = source.searchParams;
  var verifyUrl = new URL("preview/verify", source);
  var widget = query.get("widget");

  var state = {
    vendor: query.get("vendor"),
    widget: widget,
    received: null,
    setUserCalls: [],
    status: "waiting"
  };
  // A page can carry several widgets (the root one and named ones): each keeps its own state and panel.
  // window.__widgetIdentityPreview is the root widget's, or the first named one's where the page has no root widget.
  (window.__widgetIdentityPreviews = window.__widgetIdentityPreviews || {})[widget || ""] = state;
  if (!widget || !window.__widgetIdentityPreview) {
    window.__widgetIdentityPreview = state;
  }
  var panelId = "widget-identity-preview" + (widget ? "-" + widget : "");

  function whenDocumentReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback, { once: true });
    } else {
      callback();
    }
  }

  function fieldsExcept(data, excluded) {
    var fields = {};
    Object.keys(data).forEach(function (key) {
      if (excluded.indexOf(key) < 0) {
        fields[key] = data[key];
      }
    });
    return fields;
  }

  function display(value) {
    return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
  }

  function row(list, label, value) {
    var term = document.createElement("dt");
    term.textContent = label;
    var detail = document.createElement("dd");
    detail.textContent = value;
    detail.setAttribute("data-field", label);
    list.appendChild(term);
    list.appendChild(detail);
  }

  function render(user) {
    var panel = document.createElement("aside");
    // Stacked above the panels already shown, so no widget's panel hides another's.
    var bottom = 16;
    Array.prototype.forEach.call(document.querySelectorAll("aside[data-widget-identity-preview]"), function (shown) {
      bottom += shown.offsetHeight + 8;
    });
    panel.id = panelId;
    panel.setAttribute("data-widget-identity-preview", widget || "");
    panel.setAttribute("role", "status");
    panel.style.cssText = "position:fixed;right:16px;bottom:" + bottom + "px;z-index:2147483647;max-width:360px;" +
      "font:13px/1.4 system-ui,sans-serif;background:#fff;color:#1b1f24;border:1px solid #d0d7de;" +
      "border-radius:10px;box-shadow:0 8px 24px rgba(0,0,0,.15);padding:12px 14px;overflow-wrap:anywhere";

    var title = document.createElement("strong");
    title.textContent = "Chat widget preview · " + state.vendor + (widget ? " (" + widget + ")" : "");
    panel.appendChild(title);

    if (state.resets) {
      var reset = document.createElement("p");
      reset.style.cssText = "margin:6px 0 0;color:#57606a";
      reset.textContent = "widget reset first: the previous visitor was forgotten";
      panel.setAttribute("data-reset", "true");
      panel.appendChild(reset);
    }

    if (state.conversation) {
      var conversation = document.createElement("p");
      conversation.style.cssText = "margin:6px 0 0;color:#57606a";
      conversation.textContent = (state.conversation.resumed ? "resumed conversation " : "new conversation ") + state.conversation.token;
      panel.setAttribute("data-conversation", state.conversation.resumed ? "resumed" : "new");
      panel.appendChild(conversation);
    }

    var status = document.createElement("p");
    status.id = panelId + "-status";
    status.style.cssText = "margin:6px 0;font-weight:600";
    panel.appendChild(status);

    if (user) {
      var list = document.createElement("dl");
      list.style.cssText = "display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0";
      row(list, user.signs === "email" ? "email" : "id", user.id);
      Object.keys(user.fields).forEach(function (key) { row(list, key, display(user.fields[key])); });
      if (user.signs === "token") {
        row(list, "token", user.token);
      } else {
        row(list, "hash", user.hash === undefined ? "(none)" : String(user.hash));
      }
      panel.appendChild(list);
    }

    document.body.appendChild(panel);
    return status;
  }

  function setStatus(element, text, color) {
    if (state.rejected && text.indexOf("rejected") !== 0) {
      return; // a rejection by the SDK outranks the hash check
    }
    state.status = text;
    element.textContent = text;
    element.style.color = color;
    element.parentNode.setAttribute("data-status", text);
  }

  // What the vendor verifies: the HMAC of the user id (the default) or of the email, or the JWT.
  function verifyQuestion(user) {
    if (user.signs === "token") {
      return { widget: widget, token: String(user.token) };
    }
    var hash = typeof user.hash === "string" ? user.hash : null;
    return user.signs === "email" ? { widget: widget, email: user.id, hash: hash } : { widget: widget, userId: user.id, hash: hash };
  }

  function show(user) {
    state.received = user;
    whenDocumentReady(function () {
      var status = render(user);
      if (!user) {
        setStatus(status, "anonymous visitor: no user data", "#57606a");
        return;
      }

      setStatus(status, "checking…", "#57606a");
      fetch(verifyUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(verifyQuestion(user))
      }).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (answer) {
        if (answer.verified === true) {
          setStatus(status, "verified", "#1a7f37");
        } else {
          setStatus(status, "hash mismatch", "#cf222e");
        }
      }).catch(function (error) {
        setStatus(status, "verify endpoint unreachable: " + error.message, "#9a6700");
      });
    });
  }

  // The vendor's SDK refuses the call: the panel says why, and the call throws as the SDK's would.
  function reject(message) {
    state.rejected = message;
    whenDocumentReady(function () {
      var status = document.getElementById(panelId + "-status") || render(null);
      setStatus(status, "rejected by the SDK: " + message, "#cf222e");
    });
    throw new Error(message);
  }

  var mode = query.get("mode");
  if (mode === "global") {
    var data = window[query.get("object")];
    var idField = query.get("id");
    var hashField = query.get("hash");
    show(data && typeof data === "object"
      ? { id: String(data[idField]), hash: data[hashField], fields: fieldsExcept(data, [idField, hashField]) }
      : null);
  } else if (mode === "ready") {
    standInForReadyEventSdk(query.get("sdk"), query.get("event"), query.get("hash"));
  } else if (Object.prototype.hasOwnProperty.call(vendorModes(), mode)) {
    standInForVendor(vendorModes()[mode]);
  } else {
    show(null);
  }

  // Enforces what the vendor's SDK enforces, so a call the real widget would reject fails here too: setUser throws
  // unless the identifier is a string or number and the user has a non-empty avatar_url, email or name;
  // setCustomAttributes throws without a key. Like the SDK it keeps the conversation in a cookie on the site's domain
  // (cw_conversation, resumed on the next page) and the last user in cw_user_<token>; reset() removes both and reloads
  // the widget, which starts a new conversation and dispatches the ready event again.
  function standInForReadyEventSdk(sdkName, readyEvent, hashKey) {
    var conversationCookie = "cw_conversation";
    var userCookie = "cw_user_preview";
    var called = false;
    var reloading = false;
    state.resets = 0;
    state.customAttributes = null;
    state.rejected = null;
    state.conversation = null;

    function readCookie(name) {
      var match = document.cookie.split("; ").filter(function (pair) { return pair.indexOf(name + "=") === 0; })[0];
      return match ? decodeURIComponent(match.substring(name.length + 1)) : null;
    }

    function writeCookie(name, value, maxAge) {
      document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + maxAge + "; samesite=lax";
    }

    // What the SDK stores of the user: a hash of the user data, never the data itself.
    function fingerprint(text) {
      var hash = 0x811c9dc5;
      for (var i = 0; i < text.length; i++) {
        hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      }
      return (hash >>> 0).toString(16);
    }

    // The widget frame has loaded: it resumes the conversation the cookie names, or starts one.
    function load() {
      var token = readCookie(conversationCookie);
      state.conversation = { token: token || "preview-" + Math.random().toString(36).slice(2, 10), resumed: !!token };
      writeCookie(conversationCookie, state.conversation.token, 31536000);
    }

    function dispatchReady() {
      load();
      window.dispatchEvent(new Event(readyEvent));
    }

    function settle() {
      if (!called && !reloading && !state.rejected) { show(null); }
    }

    window[sdkName] = {
      setUser: function (id, attributes) {
        state.setUserCalls.push([id, attributes]);
        if (typeof id !== "string" && typeof id !== "number") {
          reject("Identifier should be a string or a number");
        }
        if (!attributes || !(attributes.avatar_url || attributes.email || attributes.name)) {
          reject("User object should have one of the keys [avatar_url, email, name]");
        }
        writeCookie(userCookie, fingerprint(JSON.stringify([id, attributes])), 31536000);
        if (!called) {
          called = true;
          show({ id: String(id), hash: attributes[hashKey], fields: fieldsExcept(attributes, [hashKey]) });
        }
      },
      setCustomAttributes: function (attributes) {
        if (!attributes || !Object.keys(attributes).length) {
          reject("Custom attributes should have atleast one key");
        }
        state.customAttributes = attributes;
        whenDocumentReady(function () {
          var list = document.querySelector("#" + panelId + " dl");
          if (list) {
            Object.keys(attributes).forEach(function (key) { row(list, "custom: " + key, JSON.stringify(attributes[key])); });
          }
        });
      },
      reset: function () {
        writeCookie(conversationCookie, "", 0);
        writeCookie(userCookie, "", 0);
        state.resets++;
        reloading = true;
        setTimeout(function () {
          reloading = false;
          dispatchReady();
          settle();
        }, 0);
      }
    };
    whenDocumentReady(function () {
      dispatchReady();
      settle();
    });
  }
  // ---- The vendors whose script takes the data from a queue, a stub, settings or a callback ----------------------------
  //
  // Each mode is a function given the stand-in's tools; it defines what the vendor's snippet or SDK defines (only where the
  // page has not defined it yet), and returns the vendor's arrival: what its script does once it has loaded (after the
  // window's load event, as the real scripts arrive), usually replaying what the snippet queued. The panel shows the
  // identity the SDK holds once the script has arrived and every callback it scheduled has run.
  function standInForVendor(defineMode) {
    var pending = 0;
    var arrived = false;
    var settled = false;
    var identity = null;
    state.resets = 0;
    state.rejected = null;
    state.calls = [];

    function settle() {
      if (arrived && pending === 0 && !settled) {
        settled = true;
        if (!state.rejected) {
          show(identity);
        }
      }
    }

    var tools = {
      reject: reject,
      // The SDK now holds this user (null: nobody).
      identify: function (user) { identity = user; },
      // The SDK's call that forgets the visitor.
      forget: function () {
        identity = null;
        state.resets++;
      },
      record: function (method, args) {
        state.calls.push({ method: method, args: Array.prototype.slice.call(args) });
      },
      // Runs a callback later, as an SDK answers asynchronously; the panel waits for it.
      later: function (run) {
        pending++;
        setTimeout(function () {
          try {
            run();
          } finally {
            pending--;
            settle();
          }
        }, 0);
      },
      text: function (value, what) {
        if (typeof value !== "string" || value.length === 0) {
          reject(what + " must be a non-empty string");
        }
      },
      email: function (value, what) {
        if (typeof value !== "string" || value.lastIndexOf("@") < 1 || value.lastIndexOf("@") === value.length - 1) {
          reject(what + " must be an email address");
        }
      },
      object: function (value, what) {
        if (value === null || typeof value !== "object" || Array.isArray(value)) {
          reject(what + " must be an object");
        }
      },
      except: fieldsExcept,
      // The payload of a JWT, as the vendor's server reads it once the signature has been checked (the panel's verdict).
      claims: function (token, what) {
        tools.text(token, what);
        var parts = token.split(".");
        if (parts.length !== 3) {
          reject(what + " is not a JWT");
        }
        try {
          var base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
          var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
          var claims = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, function (c) { return c.charCodeAt(0); })));
          if (claims === null || typeof claims !== "object" || Array.isArray(claims)) {
            throw new Error("not an object");
          }
          return claims;
        } catch (error) {
          return reject(what + " is not a JWT: its payload is not a JSON object");
        }
      },
      // An identity signed by a JWT: the id is the claim named idClaim; the fields are those beside the token, then the
      // token's other claims (its times left out).
      tokenIdentity: function (token, claims, idClaim, beside) {
        var fields = beside || {};
        Object.keys(claims).forEach(function (key) {
          if (key !== idClaim && key !== "iat" && key !== "exp" && key !== "nbf") {
            fields[key] = claims[key];
          }
        });
        return { signs: "token", id: claims[idClaim] === undefined ? "(none)" : String(claims[idClaim]), token: token, fields: fields };
      }
    };

    var arrival = defineMode(tools);
    afterLoad(function () {
      try {
        arrival();
      } finally {
        arrived = true;
        settle();
      }
    });
  }

  // Runs once the window has loaded, in a later task: when the vendors' scripts arrive.
  function afterLoad(run) {
    if (document.readyState === "complete") {
      setTimeout(run, 0);
    } else {
      window.addEventListener("load", function () { setTimeout(run, 0); }, { once: true });
    }
  }

  function vendorModes() {
    return {
      intercom: intercom,
      crisp: crisp,
      helpscout: helpscout,
      frontchat: frontchat,
      gleap: gleap,
      chatbase: chatbase,
      zendesk: zendesk,
      featurebase: featurebase,
      plain: plain
    };
  }

  // Intercom: window.intercomSettings, read when the Messenger arrives (after the window's load event); its loader's
  // window.Intercom queues calls until then. boot needs an app_id; a user_hash signs the user_id (or, without one, the
  // email); intercom_user_jwt is a JWT whose user_id is the user's; shutdown forgets the visitor.
  function intercom(tools) {
    if (typeof window.Intercom !== "function") {
      var queued = function () { queued.q.push(arguments); };
      queued.q = [];
      window.Intercom = queued;
    }

    function boot(settings) {
      tools.object(settings, "boot settings");
      tools.text(settings.app_id, "app_id");
      if (settings.user_hash !== undefined && settings.user_id === undefined && settings.email === undefined) {
        tools.reject("user_hash signs a user_id or email, and neither is given");
      }
      if (settings.avatar !== undefined && (settings.avatar === null || settings.avatar.type !== "avatar" || typeof settings.avatar.image_url !== "string")) {
        tools.reject("avatar must be {type: \"avatar\", image_url}");
      }
      if (settings.intercom_user_jwt !== undefined) {
        var claims = tools.claims(settings.intercom_user_jwt, "intercom_user_jwt");
        tools.identify(tools.tokenIdentity(settings.intercom_user_jwt, claims, "user_id", tools.except(settings, ["intercom_user_jwt"])));
      } else if (settings.user_id !== undefined) {
        tools.identify({ signs: "id", id: String(settings.user_id), hash: settings.user_hash, fields: tools.except(settings, ["user_id", "user_hash"]) });
      } else if (settings.user_hash !== undefined) {
        tools.identify({ signs: "email", id: String(settings.email), hash: settings.user_hash, fields: tools.except(settings, ["email", "user_hash"]) });
      } else {
        tools.identify(null);
      }
    }

    function messenger(method, options) {
      tools.record(method, Array.prototype.slice.call(arguments, 1));
      if (method === "boot") {
        boot(options === undefined ? window.intercomSettings : options);
      } else if (method === "shutdown") {
        tools.forget();
      }
      // update, show, hide, trackEvent, reattach_activator (the loader's own call): the Messenger takes them quietly.
    }

    return function () {
      var queue = window.Intercom && window.Intercom.q ? window.Intercom.q : [];
      if (window.intercomSettings !== undefined && window.intercomSettings.app_id !== undefined) {
        boot(window.intercomSettings);
      }
      window.Intercom = messenger;
      Array.prototype.forEach.call(queue, function (args) { messenger.apply(null, args); });
    };
  }

  // Crisp: commands pushed on window.$crisp, the array Crisp's snippet assigns; the chatbox replaces it when it arrives and
  // runs what was queued. ["set", "user:email", [email, signature]] identifies the visitor (the signature is the HMAC of the
  // email); the other "set" commands are shown as fields; ["do", "session:reset"] forgets the visitor.
  function crisp(tools) {
    var dataKey = /^[a-z0-9_-]+$/;
    var signed = null;
    var fields = {};
    if (window.$crisp === undefined) {
      window.$crisp = [];
    }

    function values(args, min, max, what) {
      if (!Array.isArray(args) || args.length < min || args.length > max) {
        tools.reject(what + " takes an array of " + min + " to " + max + " values");
      }
    }

    function set(method, args) {
      if (method === "user:email") {
        values(args, 1, 2, method);
        tools.email(args[0], method);
        if (args.length === 2) {
          tools.text(args[1], "the user:email signature");
        }
        signed = { email: args[0], signature: args[1] };
        return;
      }
      if (method === "user:nickname" || method === "user:phone" || method === "user:avatar") {
        values(args, 1, 1, method);
        tools.text(args[0], method);
      } else if (method === "user:company") {
        values(args, 1, 2, method);
        tools.text(args[0], method);
        if (args.length === 2) {
          tools.object(args[1], "the company details");
        }
      } else if (method === "session:data") {
        values(args, 1, 1, method);
        if (!Array.isArray(args[0])) {
          tools.reject("session:data takes one argument: [key, value] pairs");
        }
        args[0].forEach(function (entry) {
          if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== "string" || !dataKey.test(entry[0])) {
            tools.reject("session:data takes [key, value] pairs with keys of a-z, 0-9, '_' and '-'");
          }
          if (["string", "number", "boolean"].indexOf(typeof entry[1]) < 0) {
            tools.reject("session:data values are text, numbers or booleans");
          }
        });
      } else {
        return; // the chatbox's other settings (segments, events, ...) say nothing about who the visitor is
      }
      fields[method] = args.length === 1 ? args[0] : args;
    }

    function command(item) {
      if (!Array.isArray(item) || typeof item[0] !== "string" || typeof item[1] !== "string") {
        tools.reject("a command is [action, method, args]");
      }
      tools.record(item[0] + " " + item[1], item.slice(2));
      if (item[0] === "set") {
        set(item[1], item[2]);
      } else if (item[0] === "do" && item[1] === "session:reset") {
        signed = null;
        fields = {};
        tools.forget();
      }
      tools.identify(signed ? { signs: "email", id: signed.email, hash: signed.signature, fields: Object.assign({}, fields) } : null);
    }

    return function () {
      var queued = window.$crisp;
      if (!Array.isArray(queued)) {
        tools.reject("window.$crisp is no longer the snippet's queue (did Crisp's own chatbox load?)");
      }
      window.$crisp = { push: function () { Array.prototype.forEach.call(arguments, command); } };
      queued.forEach(command);
    };
  }

  // Help Scout: Beacon's init snippet defines window.Beacon as a queue (readyQueue) and calls Beacon("init", id); the Beacon
  // replays the queue when it arrives. identify (secure mode) takes the email with its signature, the HMAC of the email;
  // logout forgets the visitor. Nothing but init is accepted before init.
  function helpscout(tools) {
    var limits = { name: 80, company: 60, avatar: 200 };
    var beaconId = null;
    if (typeof window.Beacon !== "function") {
      var queued = function (method, options, data) { queued.readyQueue.push({ method: method, options: options, data: data }); };
      queued.readyQueue = [];
      window.Beacon = queued;
    }

    function beacon(method, options, data) {
      tools.record(method, [options, data]);
      if (method === "init") {
        tools.text(options, "the Beacon id");
        beaconId = options;
        return undefined;
      }
      if (beaconId === null) {
        tools.reject("Beacon(\"" + String(method) + "\") before init");
      }
      if (method === "identify") {
        tools.object(options, "identify's user");
        tools.email(options.email, "identify's email");
        tools.text(options.signature, "identify's signature (secure mode)");
        Object.keys(options).forEach(function (key) {
          if (typeof options[key] !== "string") {
            tools.reject("identify's " + key + " must be text");
          }
          if (limits[key] !== undefined && options[key].length > limits[key]) {
            tools.reject("identify's " + key + " is longer than " + limits[key] + " characters");
          }
        });
        tools.identify({ signs: "email", id: options.email, hash: options.signature, fields: tools.except(options, ["email", "signature"]) });
      } else if (method === "logout") {
        if (options !== undefined) {
          tools.object(options, "logout's options");
        }
        tools.forget();
      }
      return undefined;
    }

    return function () {
      var queue = window.Beacon && window.Beacon.readyQueue ? window.Beacon.readyQueue : [];
      window.Beacon = beacon;
      queue.forEach(function (call) { beacon(call.method, call.options, call.data); });
    };
  }

  // Front Chat: window.FrontChat, defined by chat.bundle.js (which this script replaces). init takes the chatId and, for a
  // verified identity, the userId with userHash, the HMAC of the id (of the email where no userId is given); it cannot run
  // again before shutdown, which forgets the visitor. The widget answers init later, calling onInitCompleted.
  function frontchat(tools) {
    var started = false;

    function init(options) {
      if (started) {
        tools.reject("init while the chat is started: shutdown first");
      }
      tools.object(options, "init's options");
      tools.text(options.chatId, "init's chatId");
      if (options.userId !== undefined) {
        tools.text(options.userId, "init's userId");
      }
      if (options.email !== undefined) {
        tools.email(options.email, "init's email");
      }
      if (options.userHash !== undefined) {
        tools.text(options.userHash, "init's userHash");
        if (options.userId === undefined && options.email === undefined) {
          tools.reject("init's userHash signs a userId or email, and neither is given");
        }
      }
      started = true;
      if (options.userId !== undefined) {
        tools.identify({ signs: "id", id: options.userId, hash: options.userHash, fields: tools.except(options, ["userId", "userHash", "onInitCompleted"]) });
      } else if (options.userHash !== undefined) {
        tools.identify({ signs: "email", id: options.email, hash: options.userHash, fields: tools.except(options, ["email", "userHash", "onInitCompleted"]) });
      } else {
        tools.identify(null);
      }
      if (typeof options.onInitCompleted === "function") {
        tools.later(options.onInitCompleted);
      }
    }

    if (typeof window.FrontChat !== "function") {
      window.FrontChat = function (method, options) {
        tools.record(method, Array.prototype.slice.call(arguments, 1));
        if (method === "init") {
          init(options);
        } else if (method === "shutdown") {
          if (!started) {
            tools.reject("shutdown before init");
          }
          if (options !== undefined) {
            tools.object(options, "shutdown's options");
          }
          started = false;
          tools.forget();
        }
      };
    }

    return function () {};
  }

  // Gleap: its snippet defines window.Gleap as a stub whose methods queue {e: method, a: args} in window.GleapActions, and
  // calls Gleap.initialize(apiKey); the SDK replays the actions when it arrives. identify(userId, data, userHash): the hash
  // is the HMAC of the id; clearIdentity forgets the visitor. Nothing but initialize is accepted before initialize.
  function gleap(tools) {
    var apiKey = null;
    var dataFields = ["name", "email", "phone", "companyName"];
    if (window.Gleap === undefined) {
      window.GleapActions = window.GleapActions || [];
      window.Gleap = new Proxy({}, {
        get: function (target, method) {
          return function () { window.GleapActions.push({ e: method, a: Array.prototype.slice.call(arguments) }); };
        }
      });
    }

    var sdk = {
      initialize: function (key) {
        tools.text(key, "the API key");
        apiKey = key;
      },
      identify: function (userId, data, userHash) {
        if (apiKey === null) {
          tools.reject("identify before initialize");
        }
        if (typeof userId !== "string" && typeof userId !== "number") {
          tools.reject("identify's userId must be a string or a number");
        }
        tools.object(data, "identify's data");
        Object.keys(data).forEach(function (key) {
          if (key === "customData") {
            tools.object(data.customData, "customData");
            if (Object.keys(data.customData).length > 35) {
              tools.reject("customData takes at most 35 keys");
            }
          } else if (dataFields.indexOf(key) < 0 || typeof data[key] !== "string") {
            tools.reject("identify's " + key + " is not a text field Gleap takes");
          }
        });
        tools.identify({ signs: "id", id: String(userId), hash: userHash, fields: tools.except(data, []) });
      },
      clearIdentity: function () {
        tools.forget();
      }
    };

    return function () {
      var queued = Array.isArray(window.GleapActions) ? window.GleapActions : [];
      window.Gleap = new Proxy(sdk, {
        get: function (target, method) {
          var run = Object.prototype.hasOwnProperty.call(target, method) ? target[method] : function () {};
          return function () {
            tools.record(String(method), arguments);
            return run.apply(null, arguments);
          };
        }
      });
      queued.forEach(function (action) { window.Gleap[action.e].apply(null, action.a); });
    };
  }

  // Chatbase: the embed defines window.chatbase as a function queueing its calls in chatbase.q and loads the agent's script
  // on the window's load event, which replays them. identify takes one object: a JWT in token (user_id is the user's id),
  // or, deprecated, user_id with user_hash, the HMAC of the id; resetUser forgets the visitor.
  function chatbase(tools) {
    if (typeof window.chatbase !== "function") {
      var queued = function (method) {
        if (method === "getState") {
          return "initialized"; // so an embed snippet standing after this script does not install a second queue
        }
        queued.q.push(arguments);
        return undefined;
      };
      queued.q = [];
      window.chatbase = queued;
    }

    function agent(method) {
      var args = Array.prototype.slice.call(arguments, 1);
      tools.record(method, args);
      if (method === "identify") {
        if (args.length !== 1) {
          tools.reject("identify takes one object");
        }
        var user = args[0];
        tools.object(user, "identify's argument");
        if (user.token !== undefined) {
          tools.identify(tools.tokenIdentity(user.token, tools.claims(user.token, "identify's token"), "user_id", tools.except(user, ["token"])));
        } else {
          tools.text(user.user_id, "identify's user_id");
          tools.text(user.user_hash, "identify's user_hash");
          tools.identify({ signs: "id", id: user.user_id, hash: user.user_hash, fields: tools.except(user, ["user_id", "user_hash"]) });
        }
      } else if (method === "resetUser") {
        if (args.length !== 0) {
          tools.reject("resetUser takes no arguments");
        }
        tools.forget();
      } else if (method === "getState") {
        return "initialized";
      }
      return undefined;
    }

    return function () {
      var queue = window.chatbase && window.chatbase.q ? window.chatbase.q : [];
      window.chatbase = agent;
      Array.prototype.forEach.call(queue, function (args) { agent.apply(null, args); });
    };
  }

  // Zendesk messaging: window.zE (defined by the ze-snippet) queues calls until the widget starts after the window's load
  // event. zE("messenger", "loginUser", fn): the widget calls fn (later) with a callback for the JWT, whose external_id is
  // the user's id; zE("messenger", "logoutUser") forgets the visitor.
  function zendesk(tools) {
    var queue = [];
    if (typeof window.zE !== "function") {
      window.zE = function () { queue.push(arguments); };
    }

    function messenger(namespace, command) {
      var args = Array.prototype.slice.call(arguments, 2);
      tools.record(namespace + " " + command, args);
      if (namespace !== "messenger") {
        return; // messenger:set, messenger:on, webWidget: nothing about who the visitor is
      }
      if (command === "loginUser") {
        if (args.length < 1 || typeof args[0] !== "function") {
          tools.reject("loginUser takes a function that hands the JWT to its callback");
        }
        tools.later(function () {
          args[0](function (jwt) {
            tools.identify(tools.tokenIdentity(jwt, tools.claims(jwt, "the JWT"), "external_id"));
          });
        });
      } else if (command === "logoutUser") {
        tools.forget();
      }
    }

    return function () {
      window.zE = messenger;
      queue.forEach(function (args) { messenger.apply(null, args); });
    };
  }

  // Featurebase: the snippet's stub queues calls in Featurebase.q, replayed by the SDK (which this script replaces).
  // boot takes an appId and, for a verified user, a JWT in featurebaseJwt (userId is the user's id), and an optional
  // callback. Featurebase documents no logout: the next boot replaces the identity.
  function featurebase(tools) {
    var queued = typeof window.Featurebase === "function" && window.Featurebase.q ? window.Featurebase.q : [];

    function sdk(method, options, callback) {
      tools.record(method, Array.prototype.slice.call(arguments, 1));
      if (method !== "boot") {
        return; // the feedback and changelog widgets' calls say nothing about who the visitor is
      }
      if (arguments.length > 3 || (callback !== undefined && typeof callback !== "function")) {
        tools.reject("boot takes options and an optional callback");
      }
      tools.object(options, "boot's options");
      tools.text(options.appId, "boot's appId");
      if (options.featurebaseJwt !== undefined) {
        var beside = {};
        Object.keys(options).forEach(function (key) {
          if (key !== "featurebaseJwt" && typeof options[key] !== "function") {
            beside[key] = options[key];
          }
        });
        tools.identify(tools.tokenIdentity(options.featurebaseJwt, tools.claims(options.featurebaseJwt, "boot's featurebaseJwt"), "userId", beside));
      } else {
        tools.identify(null);
      }
    }

    window.Featurebase = sdk;
    Array.prototype.forEach.call(queued, function (args) { sdk.apply(null, args); });
    return function () {};
  }

  // Plain: Plain's snippet loads Plain's script and calls Plain.init({appId}) from its onload, before the window's load
  // event. setCustomerDetails takes the email with emailHash, the HMAC of the email, and optionally fullName, shortName and
  // chatAvatarUrl, and only after init. The preview keeps window.Plain: Plain's own script, if the snippet loads it, cannot
  // replace it, so the snippet's init reaches the preview.
  function plain(tools) {
    var fields = ["email", "emailHash", "fullName", "shortName", "chatAvatarUrl"];
    var appId = null;
    var preview = {
      init: function (options) {
        tools.record("init", arguments);
        tools.object(options, "init's options");
        tools.text(options.appId, "init's appId");
        appId = options.appId;
        if (options.customerDetails !== undefined) {
          preview.setCustomerDetails(options.customerDetails);
        }
      },
      setCustomerDetails: function (details) {
        tools.record("setCustomerDetails", arguments);
        if (appId === null) {
          tools.reject("setCustomerDetails before init");
        }
        if (arguments.length !== 1) {
          tools.reject("setCustomerDetails takes one argument");
        }
        tools.object(details, "the customer details");
        tools.email(details.email, "the customer's email");
        tools.text(details.emailHash, "the customer's emailHash");
        Object.keys(details).forEach(function (key) {
          if (fields.indexOf(key) < 0 || typeof details[key] !== "string") {
            tools.reject("the customer detail " + key + " is not one Plain takes");
          }
        });
        tools.identify({ signs: "email", id: details.email, hash: details.emailHash, fields: tools.except(details, ["email", "emailHash"]) });
      },
      open: function () {},
      close: function () {},
      isInitialized: function () { return appId !== null; }
    };
    state.vendorScriptKeptOut = false;
    Object.defineProperty(window, "Plain", {
      configurable: true,
      get: function () { return preview; },
      set: function () { state.vendorScriptKeptOut = true; }
    });
    return function () {};
  }
})();
