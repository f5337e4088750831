"""Figure for docs/model-families/transformers.md: decoding cost with and without a KV cache."""

PAGE = "model-families/transformers.md"
CODE = "attention_kv_cache.py"
SVG = "attention-kv-cache-cost.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    ax = fig.subplots()
    steps = range(1, ns["n"] + 1)
    ax.plot(steps, ns["recompute_macs"], color="C3", label="rerun the prefix each step")
    ax.plot(steps, ns["cached_macs"], color="C0", label="KV cache")
    ax.set_yscale("log")
    ax.set_xlabel("tokens generated")
    ax.set_ylabel("multiply-adds so far")
    ax.set_title("One attention layer, d = 32: cost of decoding")
    ax.minorticks_off()  # fewer tick marks, a smaller SVG
    ax.legend(frameon=False)
