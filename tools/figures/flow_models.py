"""Figure for docs/model-families/flow-models.md: base samples and their images under the coupling flow."""

PAGE = "model-families/flow-models.md"
CODE = "flow_toy.py"
SVG = "flow-toy-coupling.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    left, right = fig.subplots(1, 2, sharex=True, sharey=True)
    z, x = ns["z_base"], ns["x_samples"]
    left.scatter(z[:, 0], z[:, 1], s=6, color="C0")
    left.set_title("Base samples z ~ N(0, I)")
    # Every 8th grid line inside the plotted square is enough for the contours
    # and keeps the SVG small.
    keep = (ns["grid"] >= -5.5) & (ns["grid"] <= 5.5)
    idx = keep.nonzero()[0][::8]
    sub = (idx[:, None], idx[None, :])
    right.contour(
        ns["gx"][sub], ns["gy"][sub], ns["density"][sub], levels=4, colors="C1", linewidths=0.8
    )
    right.scatter(x[:, 0], x[:, 1], s=6, color="C0")
    right.set_title("Images x = f⁻¹(z) and density")
    for ax in (left, right):
        ax.set_xlim(-5, 5)
        ax.set_ylim(-5, 5)
        ax.set_aspect("equal")
        ax.set_xlabel("first coordinate")
    left.set_ylabel("second coordinate")
