// Front Chat stand-in, served as chat.bundle.js (the tag loads it after its own script): it defines window.FrontChat.
// init takes an object with a chatId; it cannot run again before shutdown; a userHash needs the userId (or email) it
// signs; a userId is text and an email an address. The widget answers init later, calling onInitCompleted where given.
// shutdown needs a started widget and takes optional options.
(function () {
  "use strict";
  if (typeof window.FrontChat === "function") {
    return;
  }

  var sdk = window.__standInRecord("frontchat");
  var started = false;

  function init(options) {
    if (started) {
      sdk.fail("init while the chat is started: shutdown first");
    }
    sdk.object(options, "init's options");
    sdk.text(options.chatId, "init's chatId");
    if (options.userId !== undefined) {
      sdk.text(options.userId, "init's userId");
    }
    if (options.email !== undefined) {
      sdk.email(options.email, "init's email");
    }
    if (options.userHash !== undefined) {
      sdk.text(options.userHash, "init's userHash");
      if (options.userId === undefined && options.email === undefined) {
        sdk.fail("init's userHash signs a userId or email, and neither is given");
      }
    }
    started = true;
    if (typeof options.onInitCompleted === "function") {
      sdk.later(options.onInitCompleted);
    }
  }

  window.FrontChat = function (method, options) {
    if (method === "init") {
      init(options);
    } else if (method === "shutdown") {
      if (!started) {
        sdk.fail("shutdown before init");
      }
      if (options !== undefined) {
        sdk.object(options, "shutdown's options");
      }
      started = false;
    } else {
      sdk.fail("unknown method " + String(method));
    }
    sdk.accept(method, Array.prototype.slice.call(arguments, 1));
  };

  window.addEventListener("load", function () {
    sdk.start(function () {});
  });
})();
