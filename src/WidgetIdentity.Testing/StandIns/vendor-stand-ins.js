// Stand-ins for the vendors' scripts, run with each inline script of a page in a JavaScript engine. Each takes the user
// data exactly where the vendor's own script takes it (a global object, a queue, a call on the vendor's SDK object or
// function) and reports it in one shape: who was identified, what was signed and with what, the other fields, the custom
// attributes, and whether the widget was first told to forget another visitor. Like a browser, the page's script runs while
// the document is loading; then the vendors' snippets that follow the tag run, DOMContentLoaded and load are dispatched,
// and the widgets load (reading their globals and queues, dispatching their ready events).
var window = this;
var __identities = [];
var __resets = {};
var __anyReset = false;
var __reloads = [];
var __rejections = [];

// A call the vendor's SDK rejects: it throws, as the SDK does, and is reported so the reader can say why.
function __reject(vendor, message) {
  __rejections.push({ vendor: vendor, message: message });
  throw new Error(message);
}

function Event(type) { this.type = type; }

function __eventTarget(target) {
  var listeners = {};
  target.addEventListener = function (type, listener, options) {
    (listeners[type] = listeners[type] || []).push({ listener: listener, once: !!(options && options.once) });
  };
  target.removeEventListener = function (type, listener) {
    listeners[type] = (listeners[type] || []).filter(function (entry) { return entry.listener !== listener; });
  };
  target.dispatchEvent = function (event) {
    var registered = listeners[event.type] || [];
    registered.slice().forEach(function (entry) {
      if (entry.once) {
        registered.splice(registered.indexOf(entry), 1);
      }
      try {
        entry.listener.call(target, event);
      } catch (error) {
        // As in a browser, a listener that throws does not stop the others; the SDK's rejections are in __rejections.
      }
    });
    return true;
  };
}

__eventTarget(window);
var document = { readyState: "loading" };
__eventTarget(document);

// --- What every stand-in reports -------------------------------------------------------------------------------------

function __text(value) {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : null;
}

function __stringFields(data, skip) {
  var fields = {};
  if (data && typeof data === "object") {
    Object.keys(data).forEach(function (name) {
      if (typeof data[name] === "string" && skip.indexOf(name) < 0) { fields[name] = data[name]; }
    });
  }
  return fields;
}

function __objectOrEmpty(value) {
  return value && typeof value === "object" && !Array.isArray(value) ? value : {};
}

function __reset(vendor) {
  __resets[vendor] = true;
  __anyReset = true;
}

// identity: { target, signs ("id" | "email" | "jwt"), id, signedValue, signature, signatureField, fields, customAttributes }
function __identify(vendor, identity) {
  identity.resetFirst = !!__resets[vendor];
  identity.vendor = vendor;
  identity.customAttributes = identity.customAttributes || {};
  if (identity.signs === "jwt" && typeof identity.signature === "string") {
    var token = __decodeJwt(identity.signature);
    identity.claims = token.payload;
    identity.keyId = typeof token.header.kid === "string" ? token.header.kid : null;
    if (identity.id === undefined) { identity.id = __text(token.payload[identity.idClaim]); }
  }
  __identities.push(identity);
  return identity;
}

// A JWT's header and payload, read as the vendor reads them (base64url JSON); a token that is not one reads as empty.
function __decodeJwt(token) {
  var parts = token.split(".");
  function part(text) {
    try { return JSON.parse(__base64UrlText(text || "")); } catch (e) { return {}; }
  }
  return { header: part(parts[0]), payload: part(parts[1]) };
}

function __base64UrlText(text) {
  var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var bits = 0, value = 0, escaped = "";
  for (var i = 0; i < text.length; i++) {
    var digit = alphabet.indexOf(text.charAt(i));
    if (digit < 0) { throw new Error("not base64url"); }
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      escaped += "%" + (256 + ((value >> bits) & 255)).toString(16).slice(1);
    }
  }
  return decodeURIComponent(escaped);
}

// --- Ainisa: window.ainisaUser, read when widget.js loads --------------------------------------------------------------

function __ainisaLoad() {
  var user = window.ainisaUser;
  if (user === undefined) { return; }
  __identify("Ainisa", {
    target: "window.ainisaUser", signs: "id", id: __text(user && user.user_id),
    signature: user && user.user_hash, signatureField: "user_hash",
    fields: __stringFields(user, ["user_id", "user_hash"])
  });
}

// --- Chatwoot family: calls on $chatwoot / $chatbot after their ready events; reset() reloads the widget -------------

function __readyEventSdk(sdkName, readyEvent) {
  var current = null;
  window[sdkName] = {
    setUser: function (id, user) {
      if (typeof id !== "string" && typeof id !== "number") {
        __reject(readyEvent, "Identifier should be a string or a number");
      }
      if (!user || !(user.avatar_url || user.email || user.name)) {
        __reject(readyEvent, "User object should have one of the keys [avatar_url, email, name]");
      }
      current = __identify(readyEvent, {
        target: readyEvent, signs: "id", id: __text(id),
        signature: user && user.identifier_hash, signatureField: "identifier_hash",
        fields: __stringFields(user, ["identifier_hash"])
      });
    },
    setCustomAttributes: function (attributes) {
      if (!attributes || !Object.keys(attributes).length) {
        __reject(readyEvent, "Custom attributes should have atleast one key");
      }
      if (current) { current.customAttributes = __objectOrEmpty(attributes); }
    },
    reset: function () { __reset(readyEvent); __reloads.push(readyEvent); }
  };
}

__readyEventSdk("$chatwoot", "chatwoot:ready");
__readyEventSdk("$chatbot", "chatbot:ready");

// --- Intercom: window.intercomSettings read when the Messenger boots, or Intercom("boot", settings); shutdown --------

var __intercomSettingNames = ["app_id", "api_base", "user_id", "email", "name", "phone", "avatar", "user_hash", "intercom_user_jwt",
  "company", "companies", "created_at", "signed_up_at", "last_request_at", "unsubscribed_from_emails", "language_override",
  "utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "custom_launcher_selector", "alignment",
  "vertical_padding", "horizontal_padding", "z_index", "hide_default_launcher", "session_duration", "action_color", "background_color"];

function __intercomBoot(target, settings) {
  if (!settings || (settings.user_id === undefined && settings.email === undefined && settings.intercom_user_jwt === undefined)) {
    return; // a visitor: the Messenger starts without identity
  }
  var attributes = {};
  Object.keys(settings).forEach(function (name) {
    if (__intercomSettingNames.indexOf(name) < 0) { attributes[name] = settings[name]; }
  });
  var jwt = settings.intercom_user_jwt !== undefined;
  var fields = __stringFields(settings, ["user_id", "user_hash", "intercom_user_jwt"]);
  if (settings.avatar && typeof settings.avatar.image_url === "string") { fields.avatar = settings.avatar.image_url; } // {type, image_url}
  __identify("Intercom", {
    target: target, signs: jwt ? "jwt" : "id", id: jwt ? undefined : __text(settings.user_id), idClaim: "user_id",
    signature: jwt ? settings.intercom_user_jwt : settings.user_hash, signatureField: jwt ? "intercom_user_jwt" : "user_hash",
    fields: fields,
    customAttributes: attributes
  });
}

function __intercomSnippet() {
  window.Intercom = function (method, settings) {
    if (method === "boot") { __intercomBoot("Intercom(\"boot\")", settings); }
    else if (method === "shutdown") { __reset("Intercom"); }
  };
}

function __intercomLoad() {
  if (window.intercomSettings !== undefined) { __intercomBoot("window.intercomSettings", window.intercomSettings); }
}

// --- Crisp: commands pushed on the window.$crisp queue, replayed when the chatbox loads ---------------------------------

window.$crisp = []; // Crisp's snippet, before the tag

function __crispLoad() {
  var queue = window.$crisp;
  if (!Array.isArray(queue)) { return; }
  var user = null;
  queue.forEach(function (command) {
    if (!Array.isArray(command)) { return; }
    var values = Array.isArray(command[2]) ? command[2] : [command[2]];
    if (command[0] === "do" && command[1] === "session:reset") {
      __reset("Crisp");
      user = null;
    } else if (command[0] === "set" && command[1] === "user:email") {
      user = __identify("Crisp", {
        target: "$crisp", signs: "email", id: null, signedValue: __text(values[0]),
        signature: values[1], signatureField: "user:email signature", fields: {}
      });
      user.fields["user:email"] = __text(values[0]);
    } else if (command[0] === "set" && command[1] === "session:data" && user) {
      (Array.isArray(values[0]) ? values[0] : []).forEach(function (pair) { user.customAttributes[pair[0]] = pair[1]; });
    } else if (command[0] === "set" && user && typeof values[0] === "string") {
      user.fields[command[1]] = values[0];
    }
  });
  window.$crisp = { push: function () { } };
}

// --- Help Scout: Beacon("identify", {...}) on the queue Beacon's snippet defines; Beacon("logout") -------------------

var __beaconFields = ["name", "email", "company", "jobTitle", "avatar", "signature"];

window.Beacon = function (method, data) {
  if (method === "logout") { __reset("HelpScout"); return; }
  if (method !== "identify" || !data) { return; }
  var attributes = {};
  Object.keys(data).forEach(function (name) {
    if (__beaconFields.indexOf(name) < 0) { attributes[name] = data[name]; }
  });
  __identify("HelpScout", {
    target: "Beacon(\"identify\")", signs: "email", id: null, signedValue: __text(data.email),
    signature: data.signature, signatureField: "signature",
    fields: __stringFields(data, ["signature"].concat(Object.keys(attributes))), customAttributes: attributes
  });
};

// --- Gleap: Gleap.identify(id, data, hash) and Gleap.clearIdentity() on the stub Gleap's snippet defines ----------------

window.Gleap = {
  identify: function (id, data, hash) {
    __identify("Gleap", {
      target: "Gleap.identify", signs: "id", id: __text(id), signature: hash, signatureField: "the third argument (user hash)",
      fields: __stringFields(data, []), customAttributes: __objectOrEmpty(data && data.customData)
    });
  },
  clearIdentity: function () { __reset("Gleap"); }
};

// --- Chatbase: chatbase("identify", {token}) or the deprecated {user_id, user_hash, user_metadata}; "resetUser" -------

function __chatbaseSnippet() {
  window.chatbase = function (method, data) {
    if (method === "resetUser") { __reset("Chatbase"); return; }
    if (method !== "identify" || !data) { return; }
    if (data.token !== undefined) {
      var user = __identify("Chatbase", {
        target: "chatbase(\"identify\")", signs: "jwt", idClaim: "user_id", signature: data.token, signatureField: "token",
        fields: __stringFields(data, ["token"])
      });
      user.customAttributes = __objectOrEmpty(user.claims && user.claims.custom_attributes);
      return;
    }
    __identify("Chatbase", {
      target: "chatbase(\"identify\")", signs: "id", id: __text(data.user_id), signature: data.user_hash, signatureField: "user_hash",
      fields: __stringFields(data.user_metadata, [])
    });
  };
}

// --- Zendesk: zE("messenger", "loginUser", function (callback) { callback(jwt); }); "logoutUser" ------------------------

function __zendeskSnippet() {
  window.zE = function (scope, method, getToken) {
    if (scope !== "messenger") { return; }
    if (method === "logoutUser") { __reset("Zendesk"); return; }
    if (method !== "loginUser" || typeof getToken !== "function") { return; }
    getToken(function (token) {
      __identify("Zendesk", {
        target: "zE(\"messenger\", \"loginUser\")", signs: "jwt", idClaim: "external_id", signature: token, signatureField: "the JWT",
        fields: {}
      });
    });
  };
}

// --- Front Chat: FrontChat("init", {..., userHash, onInitCompleted}) once chat.bundle.js has run; "shutdown" ------------

function __frontChatBundle() {
  window.FrontChat = function (method, data) {
    if (method === "shutdown") { __reset("FrontChat"); return; }
    if (method !== "init" || !data) { return; }
    if (data.userId !== undefined || data.userHash !== undefined) {
      // Front signs the user id when one is passed, else the email.
      var byId = data.userId !== undefined;
      __identify("FrontChat", {
        target: "FrontChat(\"init\")", signs: byId ? "id" : "email", id: __text(data.userId), signedValue: byId ? undefined : __text(data.email),
        signature: data.userHash, signatureField: "userHash",
        fields: __stringFields(data, ["userId", "userHash"]), customAttributes: __objectOrEmpty(data.customFields)
      });
    }
    if (typeof data.onInitCompleted === "function") { data.onInitCompleted(); }
  };
}

// --- Featurebase: Featurebase("boot", {appId, featurebaseJwt}), queued in Featurebase.q until the SDK loads --------------

function __featurebaseSdk() {
  var queued = typeof window.Featurebase === "function" && window.Featurebase.q ? window.Featurebase.q : [];
  window.Featurebase = function (method, data) {
    if (method !== "boot" || !data || data.featurebaseJwt === undefined) { return; } // a visitor boots without a token
    var user = __identify("Featurebase", {
      target: "Featurebase(\"boot\")", signs: "jwt", idClaim: "userId", signature: data.featurebaseJwt, signatureField: "featurebaseJwt",
      fields: __stringFields(data, ["featurebaseJwt"])
    });
    var attributes = {};
    var own = ["userId", "email", "name", "profilePicture", "companies", "tags", "locale", "createdAt", "iat", "exp", "nbf", "iss", "aud", "sub", "jti"];
    Object.keys(user.claims).forEach(function (name) { if (own.indexOf(name) < 0) { attributes[name] = user.claims[name]; } });
    user.customAttributes = attributes;
  };
  Array.prototype.slice.call(queued).forEach(function (args) { window.Featurebase.apply(window, args); });
}

// --- Plain: Plain.setCustomerDetails({email, emailHash, ...}) once Plain's script has loaded and called Plain.init -------

function __plainInit() {
  window.Plain = {
    init: function () { },
    setCustomerDetails: function (details) {
      __identify("Plain", {
        target: "Plain.setCustomerDetails", signs: "email", id: null, signedValue: __text(details && details.email),
        signature: details && details.emailHash, signatureField: "emailHash", fields: __stringFields(details, ["emailHash"])
      });
    }
  };
}

// --- After the page's script --------------------------------------------------------------------------------------------

function __vendorsLoad() {
  // The vendors' snippets and bundles written after the tag run while the document is still being parsed.
  __intercomSnippet();
  __chatbaseSnippet();
  __zendeskSnippet();
  __frontChatBundle();
  __featurebaseSdk();
  __ainisaLoad();

  document.readyState = "interactive";
  document.dispatchEvent(new Event("DOMContentLoaded"));

  // Scripts loaded by the page (Plain's, which then calls Plain.init) have run when the window's load event fires.
  __plainInit();
  document.readyState = "complete";
  window.dispatchEvent(new Event("load"));

  // The widgets load: Intercom boots from its settings, Crisp replays its queue, the Chatwoot family dispatches its ready
  // events (again after each reset, which reloads the widget).
  __intercomLoad();
  __crispLoad();
  ["chatwoot:ready", "chatbot:ready"].forEach(function (type) { window.dispatchEvent(new Event(type)); });
  for (var reload = 0; reload < 10 && __reloads.length > 0; reload++) {
    window.dispatchEvent(new Event(__reloads.shift()));
  }
  return JSON.stringify({ identities: __identities, resets: __anyReset, rejections: __rejections });
}
