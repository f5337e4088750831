"""Open Graph and Twitter card meta tags: what a link to a page shows when it is shared (its own
title and description, and its section's preview image, generate/preview_images.py).

Only the tags readers of a shared link see: X (Twitter) reads title, description and image from
Open Graph when its own tags are absent, and the image's size is in the file. Every byte here
is on every page, and the longest article has under 1 KB of its page-weight budget to spare."""

from __future__ import annotations


def share_meta(
    *,
    title: str,
    description: str,
    url: str,
    site_name: str,
    image_url: str,
    image_alt: str,
    is_article: bool,
) -> list[tuple[str, str, str]]:
    """(attribute, key, content) for each tag: Open Graph uses `property`, Twitter `name`."""
    graph = [
        ("og:type", "article" if is_article else "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:image", image_url),
        ("og:image:alt", image_alt),
    ]
    return [("property", key, value) for key, value in graph] + [
        ("name", "twitter:card", "summary_large_image")
    ]
