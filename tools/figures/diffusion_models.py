"""Figure for docs/model-families/diffusion-models.md: DDPM samples of a 2-D toy mixture at t = T, 200 and 0."""

PAGE = "model-families/diffusion-models.md"
CODE = "diffusion_toy.py"
SVG = "diffusion-toy-samples.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    axes = fig.subplots(1, 3, sharex=True, sharey=True)
    snapshots, means, T = ns["snapshots"], ns["means"], ns["T"]
    titles = {T: f"t = T = {T}", 200: "t = 200", 0: "t = 0"}
    # The same 60 chains in every panel (180 points in all) keep the SVG small.
    for ax, t in zip(axes, (T, 200, 0), strict=True):
        x = snapshots[t][:60]
        ax.scatter(x[:, 0], x[:, 1], s=4, color="C0", alpha=0.6, linewidths=0)
        ax.set_title(titles[t])
        ax.set_xlabel("first coordinate")
        ax.set_aspect("equal")
    axes[-1].scatter(means[:, 0], means[:, 1], marker="x", s=30, color="C3", label="data modes")
    axes[-1].legend(loc="lower right", handletextpad=0.2)
    axes[0].set_ylabel("second coordinate")
    axes[0].set_xlim(-3.6, 3.6)
    axes[0].set_ylim(-3.0, 3.6)
