"""Name the parts of a news page that are never article text, so extraction can drop them first."""

from __future__ import annotations

# Elements that hold site furniture, whatever their class says.
TAGS = frozenset(
    {"nav", "footer", "aside", "form", "button", "dialog", "figcaption", "noscript", "iframe", "select"}
)

# ARIA roles of navigation, site header and footer, side boxes and pop-ups.
ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search"})

# Words of a class or id (split at `-`, `_` and spaces) that mark a box as boilerplate.
WORDS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "breadcrumb",
        "breadcrumbs",
        "byline",
        "consent",
        "cookie",
        "cookies",
        "gdpr",
        "newsletter",
        "newsletters",
        "outbrain",
        "paywall",
        "popular",
        "promo",
        "recommended",
        "related",
        "share",
        "sharing",
        "signup",
        "social",
        "sponsored",
        "subscribe",
        "subscription",
        "taboola",
        "trending",
    }
)

# Two-word class or id names that mark boilerplate where neither word alone does.
PHRASES = frozenset({"most-read", "most-viewed", "more-stories", "read-more", "also-read", "sign-up"})

# A container holding this many paragraphs of at least MIN_PARAGRAPH_CHARS is content, whatever
# its class or tag says: some sites wrap the whole page in a <form> or a "with-sidebar" div.
CONTENT_PARAGRAPHS = 3
MIN_PARAGRAPH_CHARS = 80

# Elements that are the page or the article itself, never pruned.
PROTECTED_TAGS = frozenset({"html", "body", "main", "article"})
