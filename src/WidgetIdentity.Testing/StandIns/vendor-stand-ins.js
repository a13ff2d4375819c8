// Stand-ins for the vendors' scripts, run with each inline script of a page in a JavaScript engine: they take the
// user data exactly where the vendor's own script takes it (a global object read when the vendor's script loads, or
// calls on the SDK object after its ready event), and record it. Like the real SDKs, reset() reloads the widget,
// which dispatches the ready event again.
var window = this;
var __listeners = {};
var __calls = [];
var __reloads = [];

function Event(type) { this.type = type; }

window.addEventListener = function (type, listener, options) {
  (__listeners[type] = __listeners[type] || []).push({ listener: listener, once: !!(options && options.once) });
};

window.dispatchEvent = function (event) {
  var registered = __listeners[event.type] || [];
  registered.slice().forEach(function (entry) {
    if (entry.once) {
      registered.splice(registered.indexOf(entry), 1);
    }
    entry.listener.call(window, event);
  });
  return true;
};

function __readyEventSdk(sdkName, readyEvent) {
  function record(method, args) {
    __calls.push({ target: readyEvent, method: method, args: Array.prototype.slice.call(args) });
  }
  window[sdkName] = {
    setUser: function () { record("setUser", arguments); },
    setCustomAttributes: function () { record("setCustomAttributes", arguments); },
    reset: function () { record("reset", arguments); __reloads.push(readyEvent); }
  };
}

__readyEventSdk("$chatwoot", "chatwoot:ready");
__readyEventSdk("$chatbot", "chatbot:ready");

// Run after the page's script: the vendors' scripts load, read their globals and dispatch their ready events.
function __vendorsLoad(globalNames) {
  var globals = {};
  globalNames.forEach(function (name) {
    if (window[name] !== undefined) { globals[name] = window[name]; }
  });
  ["chatwoot:ready", "chatbot:ready"].forEach(function (type) { window.dispatchEvent(new Event(type)); });
  for (var reload = 0; reload < 10 && __reloads.length > 0; reload++) {
    window.dispatchEvent(new Event(__reloads.shift()));
  }
  return JSON.stringify({ globals: globals, calls: __calls });
}
