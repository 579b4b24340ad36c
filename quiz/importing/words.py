"""Small Vietnamese word lists the import rules share (function words, abbreviations)."""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A set of the space-separated words in ``words`` (lists read better as one line of text)."""
    return frozenset(words.split())


# Function words: a line containing them is running text, and a title must not end with them.
FUNCTION_WORDS = word_set(
    "và của các những với trong cho để là được đã sẽ đang về tại theo từ đến tới có một này đó khi thì mà "
    "nhưng hoặc hay như cũng vào trên dưới bằng do bởi nên vì đối nhằm"
)
# Titles and place abbreviations that end in a full stop inside a sentence ("TP. Hạ Long", "PGS.TS. Lê A").
ABBREVIATIONS = word_set("tp tx tt ts ths th gs pgs bs ks cn ls nxb tr st sđd dr mr mrs ms vol ckii cki bsck ncs kts")
