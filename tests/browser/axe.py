"""axe-core in Chromium: the WCAG 2.1 AA rules, in light mode and in dark mode.

axe-core comes from the npm registry (package.json at the top of the repo, ``npm ci``).
Tests load its source once (``AXE.read_text()``, after ``require_tool("axe-core",
path=AXE)`` from tests.public_pages) and hand it to ``axe_violations`` for each page.
"""

from tests.public_pages import NODE_MODULES

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_21_AA = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
# What a colour scheme changes: the rules that compare colours. The other rules see the
# same document in both schemes, so in dark mode only these run again.
COLOUR_RULES = {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}
RUN_AXE = """async (runOnly) => {
    const results = await axe.run(document, {runOnly, resultTypes: ["violations"]});
    return results.violations.map((rule) => ({
        id: rule.id,
        help: rule.help,
        nodes: rule.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
    }));
}"""


def axe_violations(page, axe_source) -> list[str]:
    """axe-core's WCAG 2.1 AA violations on the page, in light mode then in dark mode."""
    page.evaluate(axe_source)
    found, backgrounds = [], set()
    for scheme, rules in (("light", WCAG_21_AA), ("dark", COLOUR_RULES)):
        page.emulate_media(color_scheme=scheme)
        backgrounds.add(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
        for rule in page.evaluate(RUN_AXE, rules):
            found.append(f"[{scheme}] {rule['id']}: {rule['help']}")
            found += [f"    {node}" for node in rule["nodes"]]
    if len(backgrounds) == 1:
        found.append("[dark] the page has no dark mode: its colours did not change")
    return found
