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
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
