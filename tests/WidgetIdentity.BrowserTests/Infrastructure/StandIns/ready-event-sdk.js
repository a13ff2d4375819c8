// A stand-in for a Chatwoot-style SDK (Chatwoot's own, or a white-label such as ChatkuAI / Mampu AI), written from the
// SDK's documented behaviour: it throws where the real SDK throws, keeps the visitor's conversation and user in cookies
// on the site's domain, and reloads its widget frame on reset(). VendorStandIns serves it, calling this function with
// the vendor's names. Everything it does is recorded in window.__vendors[vendor], and in order, across page loads, in
// the sessionStorage log "__vendors.log".
(function (vendor, sdkName, readyEvent, websiteToken) {
  "use strict";

  if (window[sdkName]) {
    return; // the SDK runs once per page
  }

  // The site's option that puts the SDK's cookies on a parent domain, given here as ?baseDomain= on the script's URL.
  var baseDomain = document.currentScript ? new URL(document.currentScript.src).searchParams.get("baseDomain") : null;
  var conversationCookie = "cw_conversation";
  var userCookie = "cw_user_" + websiteToken;

  var record = {
    websiteToken: websiteToken,
    baseDomain: baseDomain,
    calls: [],     // every call on the SDK object: { method, args }
    errors: [],    // the message of every error the SDK threw
    received: [],  // what reached the widget frame: { type, ..., conversation }
    lost: [],      // what was sent while the frame was reloading, and so never arrived
    loads: [],     // each load of the frame: { carried: the token the page asked to resume, token, resumed }
    resets: 0,
    settled: false // the frame has loaded and dispatched the ready event, and no reload is pending
  };
  window.__vendors = window.__vendors || {};
  window.__vendors[vendor] = record;

  function log(entry) {
    entry.vendor = vendor;
    entry.page = location.pathname;
    var entries = JSON.parse(sessionStorage.getItem("__vendors.log") || "[]");
    entries.push(entry);
    sessionStorage.setItem("__vendors.log", JSON.stringify(entries));
  }

  function fail(message) {
    record.errors.push(message);
    log({ what: "error", message: message });
    throw new Error(message);
  }

  function copy(value) {
    return value !== null && typeof value === "object" ? Object.assign({}, value) : value;
  }

  // Cookies as the SDK writes them: path /, SameSite=Lax, kept 365 days, on baseDomain where the site set one.
  function readCookie(name) {
    var pairs = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < pairs.length; i++) {
      var eq = pairs[i].indexOf("=");
      if (pairs[i].slice(0, eq) === name) {
        return decodeURIComponent(pairs[i].slice(eq + 1));
      }
    }
    return null;
  }

  function writeCookie(name, value, expires) {
    document.cookie = name + "=" + encodeURIComponent(value) + "; expires=" + expires.toUTCString()
      + "; path=/; SameSite=Lax" + (baseDomain ? "; domain=" + baseDomain : "");
  }

  function keepCookie(name, value) {
    writeCookie(name, value, new Date(Date.now() + 365 * 24 * 60 * 60 * 1000));
  }

  function removeCookie(name) {
    writeCookie(name, "", new Date(0));
  }

  // The SDK stores a hash of the last user it sent, and sends the same user again only once that cookie is gone.
  function hashOf(text) {
    var a = 0x811c9dc5, b = 0x9747b28c;
    for (var i = 0; i < text.length; i++) {
      var unit = text.charCodeAt(i);
      a = Math.imul(a ^ unit, 0x01000193);
      b = Math.imul(b ^ unit, 0x5bd1e995);
      b ^= b >>> 15;
    }
    return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
  }

  // The vendor's server: it resumes the conversation whose token the frame's URL carries, else starts a new one.
  var server = {
    key: "__vendors.server." + vendor,
    open: function (token) {
      var known = JSON.parse(localStorage.getItem(this.key) || "[]");
      if (token !== null && known.indexOf(token) >= 0) {
        return { token: token, resumed: true };
      }
      var fresh = Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
      known.push(fresh);
      localStorage.setItem(this.key, JSON.stringify(known));
      return { token: fresh, resumed: false };
    }
  };

  // The widget frame. Its URL carries the conversation to resume; it loads asynchronously, and its 'loaded' message
  // makes the SDK keep the conversation's token in a cookie and dispatch the ready event.
  var frame = { url: null, conversation: null, loading: false, generation: 0 };

  function loadFrame(token) {
    var generation = ++frame.generation;
    frame.url = "https://widget.stand-in.test/widget?website_token=" + encodeURIComponent(websiteToken)
      + (token === null ? "" : "&cw_conversation=" + encodeURIComponent(token));
    frame.loading = true;
    record.settled = false;
    setTimeout(function () {
      if (generation !== frame.generation) {
        return; // a newer load replaced this one
      }
      loaded(token, server.open(token));
    }, 0);
  }

  function loaded(carried, conversation) {
    frame.loading = false;
    frame.conversation = conversation.token;
    record.loads.push({ carried: carried, token: conversation.token, resumed: conversation.resumed });
    log({ what: "load", carried: carried, token: conversation.token, resumed: conversation.resumed });
    keepCookie(conversationCookie, conversation.token);
    sdk.hasLoaded = true;
    record.settled = true; // a listener that calls reset() unsettles it again
    log({ what: "ready" });
    window.dispatchEvent(new CustomEvent(readyEvent));
  }

  function send(message) {
    if (frame.loading || !holder.isConnected) {
      record.lost.push(message);
      log({ what: "lost", type: message.type });
      return false;
    }
    message.conversation = frame.conversation;
    record.received.push(message);
    return true;
  }

  var sdk = {
    websiteToken: websiteToken,
    hasLoaded: false,
    resetTriggered: false,

    setUser: function (identifier, user) {
      record.calls.push({ method: "setUser", args: [identifier, copy(user)] });
      if (typeof identifier !== "string" && typeof identifier !== "number") {
        fail("Identifier should be a string or a number");
      }
      if (!user || !(user.avatar_url || user.email || user.name)) {
        fail("User object should have one of the keys [avatar_url, email, name]");
      }
      var hash = hashOf(JSON.stringify([String(identifier), user]));
      if (hash === readCookie(userCookie)) {
        log({ what: "setUser", identifier: String(identifier), sent: false });
        return;
      }
      sdk.identifier = identifier;
      sdk.user = copy(user);
      var arrived = send({ type: "set-user", identifier: identifier, user: copy(user) });
      keepCookie(userCookie, hash);
      log({ what: "setUser", identifier: String(identifier), sent: true, conversation: arrived ? frame.conversation : null });
    },

    setCustomAttributes: function (attributes) {
      record.calls.push({ method: "setCustomAttributes", args: [copy(attributes)] });
      if (!attributes || Object.keys(attributes).length === 0) {
        fail("Custom attributes should have atleast one key");
      }
      send({ type: "set-custom-attributes", attributes: copy(attributes) });
      log({ what: "setCustomAttributes", keys: Object.keys(attributes).length });
    },

    reset: function () {
      record.calls.push({ method: "reset", args: [] });
      removeCookie(conversationCookie);
      removeCookie(userCookie);
      record.resets++;
      log({ what: "reset" });
      loadFrame(null); // a fresh URL, with no conversation: the frame reloads and dispatches the ready event again
      sdk.resetTriggered = true;
    }
  };

  // Like the real SDK, the widget lives in an element it adds to the page's <body> (the launcher and the frame's
  // holder): once that is taken out of the document, nothing the page sends arrives.
  var holder = document.createElement("div");
  holder.className = "woot-widget-holder";
  holder.setAttribute("data-stand-in", vendor);
  document.body.appendChild(holder);

  window[sdkName] = sdk;
  loadFrame(readCookie(conversationCookie));
})
