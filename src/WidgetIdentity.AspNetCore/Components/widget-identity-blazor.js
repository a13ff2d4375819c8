// WidgetIdentity's page script for Blazor Web Apps, written by <ChatWidgetUser /> and run once per full page load.
// Blazor's enhanced navigation and enhanced form posts patch the page instead of loading it: scripts in the new content
// never run, and whatever is not in the server's HTML (the chat widget's launcher and frames) is removed. So:
//  - elements a script adds to <body> are moved, when an enhanced navigation starts, into the widget host
//    (data-permanent), whose content Blazor keeps;
//  - when the visitor behind the new content differs from the one the widget was told about (signed in, signed out,
//    another user), the page is loaded in full, so that the widget is told exactly as on a first visit;
//  - scripts that arrive by streaming rendering during a full load were written inert; they are started here, in order.
(function () {
  "use strict";
  if (window.WidgetIdentityBlazor) {
    return;
  }

  var nonce = document.currentScript ? document.currentScript.nonce : "";
  var body = document.body;
  var addedByScripts = new WeakSet();
  var started = new WeakSet();
  var navigating = false;
  // Maps without a prototype: a widget may be named anything.
  var applied = Object.create(null);

  // Whom each widget on the page identifies: { "<widget name>": "<page key>" }, "" for the root widget and for nobody.
  function pageKeys() {
    var keys = Object.create(null);
    document.querySelectorAll("template[data-widget-identity]").forEach(function (marker) {
      var value = marker.getAttribute("data-widget-identity");
      var colon = value.lastIndexOf(":");
      keys[value.slice(0, colon)] = value.slice(colon + 1);
    });
    return keys;
  }

  // A widget the page has not loaded yet, or one now told about someone else: the new content's scripts never run, so
  // only a full load tells the widget right. A widget the new content leaves out keeps what it was told.
  function needsFullLoad(keys) {
    return Object.keys(keys).some(function (widget) {
      return !(widget in applied) || applied[widget] !== keys[widget];
    });
  }

  function startInertScripts() {
    document.querySelectorAll('script[type="text/widget-identity"]').forEach(function (inert) {
      if (started.has(inert)) {
        return;
      }
      started.add(inert);
      var live = document.createElement("script");
      if (nonce) {
        live.nonce = nonce;
      }
      var src = inert.getAttribute("data-src");
      if (src) {
        live.src = src;
        live.async = false;
      } else {
        live.text = inert.text;
      }
      document.head.appendChild(live);
    });
  }

  function recordAdded(name, firstOnly) {
    var original = body[name];
    body[name] = function () {
      var count = firstOnly ? 1 : arguments.length;
      for (var i = 0; i < count; i++) {
        if (arguments[i] instanceof Element) {
          addedByScripts.add(arguments[i]);
        }
      }
      return original.apply(this, arguments);
    };
  }

  recordAdded("appendChild", true);
  recordAdded("insertBefore", true);
  recordAdded("append", false);
  recordAdded("prepend", false);
  var removeChild = body.removeChild;
  body.removeChild = function (child) {
    // A widget that removes its own element from <body> finds it where it was kept.
    if (child && child.parentNode && child.parentNode !== body) {
      return child.parentNode.removeChild(child);
    }
    return removeChild.call(this, child);
  };

  function keepWidgetElements() {
    var host = document.querySelector("[data-widget-identity-host]");
    if (!host) {
      return;
    }
    Array.prototype.slice.call(body.children).forEach(function (element) {
      if (addedByScripts.has(element)) {
        host.appendChild(element);
      }
    });
  }

  function onPageUpdated() {
    var keys = pageKeys();
    if (navigating) {
      if (needsFullLoad(keys)) {
        location.reload();
      }
      return;
    }
    // Streaming rendering during a full load: this page's own scripts, arriving late.
    startInertScripts();
    Object.assign(applied, keys);
  }

  function attach() {
    Object.assign(applied, pageKeys());
    startInertScripts();
    var blazor = window.Blazor;
    if (!blazor || typeof blazor.addEventListener !== "function") {
      return;
    }
    blazor.addEventListener("enhancednavigationstart", function () {
      navigating = true;
      keepWidgetElements();
    });
    blazor.addEventListener("enhancedload", onPageUpdated);
    blazor.addEventListener("enhancednavigationend", function () {
      navigating = false;
    });
  }

  window.WidgetIdentityBlazor = {};
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attach, { once: true });
  } else {
    attach();
  }
})();
