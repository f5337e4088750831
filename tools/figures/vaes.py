"""Figure for docs/model-families/vaes.md: the IWAE bound climbing towards log p(x) as K grows."""

PAGE = "model-families/vaes.md"
CODE = "vae_toy.py"
SVG = "vae-toy-iwae-bound.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    ax = fig.subplots()
    Ks, iwae, se = ns["Ks"], ns["iwae"], ns["iwae_se"]
    ax.axhline(ns["log_px"], color="C1", label="exact log p(x)")
    ax.axhline(ns["elbo0"], color="C2", linestyle="--", label="ELBO (closed form)")
    ax.fill_between(Ks, iwae - 2 * se, iwae + 2 * se, color="C0", alpha=0.25, linewidth=0)
    ax.plot(
        Ks,
        iwae,
        color="C0",
        marker="o",
        markersize=2,
        label="IWAE bound (shaded: ±2 standard errors)",
    )
    ax.set_xscale("log", base=2)
    ax.set_xticks([1, 2, 4, 8, 16, 32, 64])
    ax.set_xticklabels(["1", "2", "4", "8", "16", "32", "64"])
    ax.set_xlabel("samples per bound, K")
    ax.set_ylabel("value in nats")
    ax.set_title("IWAE bound vs. number of samples K")
    ax.legend(loc="center right", frameon=False)
