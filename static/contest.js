// A contest round's countdown. It counts down from the seconds the server
// sent with the page (performance.now(), not the device's clock, which may
// be wrong) and, at zero, opens the round page, where the server has already
// submitted what was saved. The server enforces the time either way.
(function () {
  var clock = document.getElementById("contest-clock");
  if (!clock) {
    return;
  }
  var value = clock.querySelector(".clock-value");
  var alertRegion = document.getElementById("contest-clock-alert");
  var secondsLeft = parseInt(clock.dataset.secondsLeft, 10);
  var started = performance.now();
  var warnings = [300, 60];  // said aloud once each, not every second

  function show(seconds) {
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    value.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function tick() {
    var left = Math.max(0, secondsLeft - Math.floor((performance.now() - started) / 1000));
    show(left);
    if (warnings.length && left <= warnings[0]) {
      alertRegion.textContent = clock.dataset.labelLeft + ": " + value.textContent;
      warnings.shift();
    }
    if (left === 0) {
      window.location.assign(clock.dataset.expiredUrl);
      return;
    }
    window.setTimeout(tick, 250);
  }
  tick();
})();
