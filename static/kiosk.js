// The kiosk's screen (templates/kiosk/visit/): prompts in turn on the attract
// screen, "Are you still there?" after the idle time, the reset for the next
// visitor, and reconnecting after a network drop. Every screen works without
// this file; it only makes the kiosk look after itself.
(function () {
  "use strict";
  var body = document.body;
  if (!body || !body.classList.contains("kiosk")) {
    return;
  }
  var data = body.dataset;
  var PROMPT_EVERY = 6000;
  var HEARTBEAT_EVERY = 5 * 60 * 1000; // the staff's "last contact", while nobody plays
  var RESET_PENDING = "kiosk-reset-pending";

  function screen() { return document.getElementById("kiosk-screen"); }
  function onAttract() { var current = screen(); return !current || current.dataset.screen === "attract"; }
  function dialog() { return document.getElementById("still-there"); }

  // --- reconnecting -------------------------------------------------------
  var reconnecting = false;
  function reconnect() {
    if (reconnecting) {
      return;
    }
    reconnecting = true;
    var notice = document.getElementById("reconnecting");
    if (notice) {
      notice.hidden = false;
    }
    var wait = 1000;
    function ask() {
      fetch(data.pingUrl, { cache: "no-store", credentials: "same-origin" }).then(function (response) {
        if (response.status >= 500) {
          throw new Error("not yet");
        }
        window.location.replace(data.homeUrl); // the server decides where the visit stands
      }).catch(function () {
        wait = Math.min(wait * 2, 15000);
        window.setTimeout(ask, wait);
      });
    }
    ask();
  }
  if (body.classList.contains("kiosk-offline")) {
    reconnect();
    return;
  }
  document.addEventListener("htmx:sendError", reconnect);
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status >= 500) {
      reconnect();
    }
  });

  // --- the reset ------------------------------------------------------------
  function restart() {
    // A new document at the attract screen, replacing this history entry:
    // no answer, form state, scroll position or focus survives it.
    window.location.replace(data.homeUrl);
  }
  function reset() {
    stopTimers();
    try { window.sessionStorage.clear(); window.localStorage.clear(); } catch (ignored) { /* storage blocked */ }
    var token = JSON.parse(data.hxHeaders)["X-CSRFToken"];
    fetch(data.resetUrl, { method: "POST", credentials: "same-origin",
                           headers: { "X-CSRFToken": token, "X-Kiosk-Reset": "1" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("not reset");
        }
      })
      .catch(function () {
        // Tried again on the next page that loads (the server also ends a play left too long).
        try { window.sessionStorage.setItem(RESET_PENDING, "1"); } catch (ignored) { /* storage blocked */ }
      })
      .then(restart);
  }
  document.addEventListener("submit", function (event) {
    if (event.target.matches("[data-kiosk-reset]")) {
      event.preventDefault();
      reset();
    }
  });

  // --- idle: "Are you still there?" -----------------------------------------
  var idleTimer = null;
  var tickTimer = null;
  function stopTimers() {
    window.clearTimeout(idleTimer);
    window.clearInterval(tickTimer);
  }
  function warn() {
    var box = dialog();
    if (onAttract() || !box) {
      return;
    }
    var left = Number(data.stillThereSeconds);
    var counter = box.querySelector("[data-countdown]");
    counter.textContent = left;
    box.showModal();
    tickTimer = window.setInterval(function () {
      left -= 1;
      counter.textContent = Math.max(left, 0);
      if (left <= 0) {
        reset();
      }
    }, 1000);
  }
  function arm() {
    var box = dialog();
    if (box && box.open) {
      return; // only "still here" (or Escape) answers the warning
    }
    stopTimers();
    if (!onAttract()) {
      idleTimer = window.setTimeout(warn, Number(data.idleSeconds) * 1000);
    }
  }
  ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (name) {
    document.addEventListener(name, arm, { capture: true, passive: true });
  });
  document.addEventListener("close", function (event) {
    if (event.target.id === "still-there") {
      window.clearInterval(tickTimer);
      arm();
    }
  }, true);
  // A screen is ready once htmx (loaded first) has taken over its links and forms:
  // tests wait for this mark, as a tap before it would follow a plain link.
  function markReady() {
    var current = screen();
    if (current) {
      current.dataset.ready = "true";
    }
  }
  document.addEventListener("htmx:afterSettle", function () {
    var current = screen();
    if (current && current.lang) {
      document.documentElement.lang = current.lang; // the visitor's language, for screen readers and fonts
    }
    arm();
    markReady();
  });

  // --- attract prompts ------------------------------------------------------
  var promptAt = 0;
  function showPrompt() {
    var prompts = document.querySelectorAll(".attract-prompt");
    prompts.forEach(function (prompt, i) { prompt.hidden = i !== promptAt % prompts.length; });
    promptAt += 1;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var pending = false;
    try { pending = window.sessionStorage.getItem(RESET_PENDING) === "1"; } catch (ignored) { /* storage blocked */ }
    if (pending) {
      window.sessionStorage.removeItem(RESET_PENDING);
      if (!onAttract()) {
        reset();
        return;
      }
    }
    showPrompt();
    window.setInterval(showPrompt, PROMPT_EVERY);
    window.setInterval(function () {
      if (onAttract()) {
        fetch(data.pingUrl, { cache: "no-store", credentials: "same-origin" }).catch(function () { /* the next touch reconnects */ });
      }
    }, HEARTBEAT_EVERY);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register(data.workerUrl, { scope: data.homeUrl }).catch(function () { /* no offline screen, the rest works */ });
    }
    arm();
    markReady();
  });
}());
