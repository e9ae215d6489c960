// Move keyboard and screen-reader focus to the new content after htmx swaps
// the quiz panel, so feedback is announced and "Next" is one Tab away.
document.addEventListener("htmx:afterSettle", function () {
  var target = document.querySelector("[data-autofocus]");
  if (target) {
    target.focus();
  }
});
