"""Figure for docs/model-families/autoregressive-models.md: test loss vs training-set size."""

PAGE = "model-families/autoregressive-models.md"
CODE = "autoregressive_toy.py"
SVG = "autoregressive-toy-loss.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    ax = fig.subplots()
    ax.plot(ns["sizes"], ns["test_nll"], "o-", color="C0", label="fitted model, loss on new data")
    ax.axhline(
        ns["entropy_per_token"],
        color="C1",
        linestyle="--",
        label="entropy of the true process per token",
    )
    ax.set_xscale("log")
    ax.set_xlabel("training sequences")
    ax.set_ylabel("loss (nats per token)")
    ax.set_title("Counting conditionals: loss falls to the entropy floor")
    ax.minorticks_off()  # fewer tick marks, a smaller SVG
    ax.legend(frameon=False)
