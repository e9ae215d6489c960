// A little plain JS; every page works without it.

// Move keyboard and screen-reader focus to the feedback, so it is announced
// and "Next" is one Tab away: after htmx swaps the quiz panel, and also when
// the feedback arrived as a full page (an answer sent before htmx had loaded).
function focusFeedback() {
  var target = document.querySelector("[data-autofocus]");
  if (target) {
    target.focus();
  }
}
document.addEventListener("htmx:afterSettle", focusFeedback);

// Red-flag marking: without JS each part is a checkbox in a label. With JS it
// becomes a toggle button (aria-pressed) driving the same hidden checkbox, so
// the form posts exactly what it would have without JS. The checkbox stays
// beside the button, not inside it: a button may not hold a form control.
function enhanceMarkableParts(root) {
  root.querySelectorAll("label.part-markable").forEach(function (label) {
    var box = label.querySelector(".part-box");
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("aria-pressed", box.checked ? "true" : "false");
    box.remove();
    box.hidden = true;
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    button.addEventListener("click", function () {
      box.checked = !box.checked;
      button.setAttribute("aria-pressed", box.checked ? "true" : "false");
      // As a click on the box would: a contest saves the answer on change.
      box.dispatchEvent(new Event("change", { bubbles: true }));
    });
    label.replaceWith(box, button);
  });
}

document.addEventListener("DOMContentLoaded", function () {
  enhanceMarkableParts(document);
  focusFeedback();
});
document.addEventListener("htmx:load", function (event) { enhanceMarkableParts(event.target); });

// "Print" buttons on reports and join sheets (the print stylesheet does the rest).
// They come hidden: without JavaScript they could not print, so only this shows them.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) { button.hidden = false; });
});
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A refused htmx request (expired form, too many tries, an error on our side)
// comes back as a short message aimed at the status region beside its target
// (HX-Retarget): swap it in and keep the form, with what the student chose.
// A response without that header (a proxy's error page) or no response at all
// (a dropped connection) gets the page's own message instead: never a whole
// page inside the panel, never a button that silently does nothing.
function statusRegion(target) {
  return (target && document.getElementById(target.id + "-status")) || document.getElementById("page-status");
}

function showFailure(target) {
  var region = statusRegion(target);
  var message = document.createElement("p");
  message.className = "alert alert-error";
  message.tabIndex = -1;
  message.textContent = document.body.dataset.msgFailed;
  region.replaceChildren(message);
  message.focus();
}

document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  if (xhr.status < 400) {
    return;
  }
  if (xhr.getResponseHeader("HX-Retarget") && event.detail.target) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  } else {
    showFailure(event.detail.target);
  }
});
document.addEventListener("htmx:sendError", function (event) { showFailure(event.detail.target); });

// Quick exit (GOV.UK "Exit this page"): without JS the button is a plain link.
// With JS the page goes blank at once and the neutral page replaces this
// history entry, so Back does not come here; Shift pressed three times in a
// row (no other key between, within two seconds) does the same.
function quickExit(url) {
  document.body.hidden = true;
  document.title = "";
  try { window.sessionStorage.clear(); } catch (ignored) { /* storage blocked */ }
  window.location.replace(url);
}
document.addEventListener("click", function (event) {
  var exit = event.target.closest("[data-quick-exit]");
  if (exit) {
    event.preventDefault();
    quickExit(exit.href);
  }
});
var shiftPresses = [];
document.addEventListener("keydown", function (event) {
  var exit = document.querySelector("[data-quick-exit]");
  if (!exit || event.repeat) {
    return;
  }
  if (event.key !== "Shift") {
    shiftPresses = [];
    return;
  }
  shiftPresses = shiftPresses.filter(function (at) { return event.timeStamp - at < 2000; });
  shiftPresses.push(event.timeStamp);
  if (shiftPresses.length >= 3) {
    quickExit(exit.href);
  }
});
