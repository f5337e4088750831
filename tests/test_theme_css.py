"""Material's main.css cut down to the classes the site uses (hooks/handbook/render/theme_css.py)."""

from __future__ import annotations

from handbook.render.theme_css import class_values, theme_subset, used_classes

CSS = (
    ":root{--md-icon--used:url('data:x');--md-icon--unused:url('data:y')}"
    ".md-nav{color:red}.md-blog{color:blue}.md-nav,.md-blog>a{margin:0}"
    "a:not(.md-never){x:1}.md-tag--topic{y:1}"
    "@media print{.md-blog{display:none}.md-nav{display:block}}"
    ".md-nav::before{mask-image:var(--md-icon--used)}"
)


def test_rules_keep_the_classes_pages_or_scripts_use_and_drop_the_rest():
    used = used_classes(class_values('<p class="md-nav x">'), ["h('div',{class:`md-tag--${t}`})"])
    kept = theme_subset(CSS, used)
    assert ".md-nav{color:red}" in kept and ".md-blog{color:blue}" not in kept
    assert ".md-nav{margin:0}" in kept  # the unused half of a selector list goes
    assert "a:not(.md-never)" in kept  # a class inside :not() never removes a rule
    assert ".md-tag--topic" in kept  # a script builds md-tag--... from a template
    assert "@media print{.md-nav{display:block}}" in kept
    assert "--md-icon--used" in kept and "--md-icon--unused" not in kept  # nothing reads it


def test_a_custom_property_read_elsewhere_stays():
    used = used_classes([], [])
    kept = theme_subset(CSS, used, elsewhere="b{mask:var(--md-icon--unused)}")
    assert "--md-icon--unused" in kept
