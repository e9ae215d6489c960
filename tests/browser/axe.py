"""axe-core in the browser tests, and the focus ring's contrast.

axe is the npm package pinned in tests/package-lock.json (tests/run.sh runs
`npm ci`), never a CDN. Playwright adds its file to every page of a context
as an init script: it runs before the page's own scripts, is not subject to
the page's Content-Security-Policy (the app's pages are audited with their
real headers), and costs less than sending 650 KB per page.

JavaScript "off": Playwright cannot run axe in a context whose JavaScript is
disabled (promises never settle there), so an off context refuses every
script the app serves instead. The page is then what a browser without
JavaScript shows (the app has no <noscript>, which off_context checks on
each audit): no htmx, no app.js, every form posted as a whole page.

Each page state is audited at a phone's 360x740 and at 1920x1080: every rule
axe runs by default plus target-size at the size the page is at, then at the
other size the rules whose outcome depends on layout (contrast, target size,
scrolling regions, links told apart by colour). The other rules read the DOM
and ARIA, the same at both sizes as long as both show the same elements
(site.css hides nothing on screen by width); when they do not, every rule
runs at both sizes. Any violation of any impact is kept and reported at the
end of the test with the state it was found in.
"""
from __future__ import annotations

import re
from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
PHONE, DESKTOP = {"width": 360, "height": 740}, {"width": 1920, "height": 1080}
SCRIPT = re.compile(r"\.js(\?.*)?$")

LAYOUT_RULES = ["color-contrast", "target-size", "scrollable-region-focusable", "link-in-text-block"]
SHOWN = "() => [...document.querySelectorAll('body *')].filter(el => el.checkVisibility({visibilityProperty: true})).length"
RUN_AXE = """async (only) => {
  const options = only ? {runOnly: {type: 'rule', values: only}} : {rules: {'target-size': {enabled: true}}};
  const results = await axe.run(document, {resultTypes: ['violations'], ...options});
  return results.violations.map(v => `${v.id} (${v.impact}): ${v.help}\\n      ` + v.nodes.slice(0, 4)
      .map(n => n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\\s+/g, ' ')).join('\\n      '));
}"""


def audit_context(browser, javascript: bool, **options):
    """A browser context for audits: axe in every page, the app's scripts refused when JavaScript is off."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` in tests/ (tests/run.sh does)"
    context = browser.new_context(viewport=PHONE, **options)
    context.add_init_script(path=AXE)
    if not javascript:
        context.route(SCRIPT, lambda route: route.abort())
    return context


class Auditor:
    """Audits page states and keeps what it finds: `audit(page, "what this state is")`."""

    def __init__(self, javascript: bool):
        self.javascript = javascript
        self.found: list[str] = []
        self.states = 0

    def __call__(self, page, state: str) -> None:
        page.wait_for_load_state("load")
        if not self.javascript:
            assert page.locator("noscript").count() == 0, f"{state}: a <noscript> is not what a browser without JS shows here"
        self.states += 1
        # From the top, as a page opens: scrolled, the sticky quick-exit bar would count as
        # covering the header's links beneath it (axe's target-size treats them as obscured).
        page.evaluate("window.scrollTo(0, 0)")
        here = page.viewport_size
        there = DESKTOP if here == PHONE else PHONE
        shown = page.evaluate(SHOWN)
        self._run(page, state, here, None)
        page.set_viewport_size(there)
        self._run(page, state, there, LAYOUT_RULES if page.evaluate(SHOWN) == shown else None)

    def _run(self, page, state, size, rules):
        for violation in page.evaluate(RUN_AXE, rules):
            self.found.append(f"{state} at {size['width']}x{size['height']} ({page.url}):\n    {violation}")

    def assert_clean(self) -> None:
        assert self.states, "nothing was audited"
        assert not self.found, f"{len(self.found)} axe violation(s) in {self.states} states:\n" + "\n".join(self.found)


# The focus ring: WCAG 2.2's focus appearance asks 3:1 between the ring and what is around it.
# An outline drawn outside the element (outline-offset >= 0) sits on its parent's background.
# A control whose own outline is off shows its ring on the box around it (a card, an option's label).
RING_CONTRAST = """(el) => {
  const ringOf = (node) => {
    const s = getComputedStyle(node);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 ? s : null;
  };
  let carrier = el, style = ringOf(el);
  for (let up = 0; !style && up < 3 && carrier.parentElement; up++) {
    carrier = carrier.parentElement;
    style = ringOf(carrier);
  }
  if (!style) {
    return {ring: null};
  }
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
      .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let node = parseFloat(style.outlineOffset) >= 0 ? carrier.parentElement : carrier;
  let background = 'rgb(255, 255, 255)';
  for (; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    const parts = rgb(colour);
    if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) { background = colour; break; }
  }
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
  return {ring: style.outlineColor, background, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def focus_rings(page, stops: int = 200) -> list[dict]:
    """Tabs through the page from the top; for each element reached, where it
    is (header, main, footer) and its focus ring against the background."""
    # Start at the top whatever has focus now (the feedback an htmx swap focused, say): a
    # focused element removed leaves the next Tab's starting point where it was.
    page.evaluate("""() => {
      const start = document.createElement('span');
      start.tabIndex = -1;
      document.body.prepend(start);
      start.focus();
      start.remove();
    }""")
    page.mouse.move(0, 0)
    seen, rings = [], []
    for _ in range(stops):
        page.keyboard.press("Tab")
        focused = page.evaluate_handle("document.activeElement")
        key = focused.evaluate("el => el.outerHTML.slice(0, 200) + '@' + [...document.querySelectorAll('*')].indexOf(el)")
        if seen and key == seen[-1]:
            continue  # Tab moving between the parts of one control (a date's day, month, year)
        if key in seen or focused.evaluate("el => el === document.body"):
            break  # round the page and back to the top
        seen.append(key)
        ring = focused.evaluate(RING_CONTRAST)
        ring["where"] = focused.evaluate(
            "el => el.closest('header') ? 'header' : el.closest('footer') ? 'footer' : el.closest('main') ? 'main' : 'page'")
        ring["element"] = key.split("@")[0][:120]
        rings.append(ring)
    return rings
