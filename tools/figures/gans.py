"""Figure for docs/model-families/gans.md: the trained discriminator against D*, and JSD against W1 as the generator shifts."""

PAGE = "model-families/gans.md"
CODE = "gan_toy.py"
SVG = "gan-toy-discriminator.svg"


def draw(ns, fig):
    """ns: the program's globals after it ran; fig: a Matplotlib Figure (6.4 x 3.2 in)."""
    left, right = fig.subplots(1, 2)

    # Every 10th grid point on [-4, 5]: about 90 points per curve keeps the SVG small.
    keep = (ns["x"] >= -4) & (ns["x"] <= 5)
    x = ns["x"][keep][::10]
    left.plot(x, ns["p_data"][keep][::10], color="C0", lw=1, alpha=0.6, label="data density")
    left.plot(x, ns["p_g"][keep][::10], color="C1", lw=1, alpha=0.6, label="generator density")
    left.plot(x, ns["D_star"][keep][::10], color="C2", lw=3, alpha=0.5, label="optimal D*")
    left.plot(x, ns["D_learned"][keep][::10], color="C3", lw=1, ls="--", label="trained D")
    left.set_xlim(-4, 5)
    left.set_xlabel("x")
    left.set_title("Trained D lands on D*")
    left.legend(frameon=False, loc="upper right")

    shifts = ns["shifts"]
    right.plot(shifts, ns["jsd_by_shift"], "o-", color="C0", ms=3, label="JSD")
    right.plot(shifts, ns["w1_by_shift"], "s-", color="C1", ms=3, label="Wasserstein-1")
    right.set_xlabel("generator shift")
    right.set_ylabel("distance (nats for JSD)")
    right.set_title("JSD stalls; W1 keeps falling")
    right.legend(frameon=False)
