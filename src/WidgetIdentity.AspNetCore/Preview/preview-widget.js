// WidgetIdentity preview widget: development only. It stands in for a chat vendor's widget script, reads the
// user data exactly where that vendor's script would (a global object, or setUser() after the ready event),
// shows it in a small panel and asks the server whether the hash verifies. It never receives a hash from the
// server: the verify endpoint answers only true or false.
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
      row(list, "id", user.id);
      Object.keys(user.fields).forEach(function (key) { row(list, key, String(user.fields[key])); });
      row(list, "hash", user.hash);
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
        body: JSON.stringify({ widget: widget, userId: user.id, hash: user.hash })
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

  if (query.get("mode") === "global") {
    var data = window[query.get("object")];
    var idField = query.get("id");
    var hashField = query.get("hash");
    show(data && typeof data === "object"
      ? { id: String(data[idField]), hash: data[hashField], fields: fieldsExcept(data, [idField, hashField]) }
      : null);
  } else {
    standInForReadyEventSdk(query.get("sdk"), query.get("event"), query.get("hash"));
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

    function reject(message) {
      state.rejected = message;
      whenDocumentReady(function () {
        var status = document.getElementById(panelId + "-status") || render(null);
        setStatus(status, "rejected by the SDK: " + message, "#cf222e");
      });
      throw new Error(message);
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
})();
