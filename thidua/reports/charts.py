"""Charts drawn on the server as inline SVG: no chart library, no script, nothing fetched from
the internet (union offices run thidua on intranets). Each function returns markup that is safe
to put in a page: every label is escaped here."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from thidua.core.numbers import percent as percent_text

# Bootstrap's colours, so a chart matches the badges next to it.
COLOURS = {
    "on_time": "#198754",
    "late": "#ffc107",
    "returned": "#0dcaf0",
    "missing": "#dc3545",
    "waiting": "#6c757d",
}


def stacked_bars(rows: list[tuple[str, list[tuple[str, int, str]]]], *, title: str, width: int = 560) -> SafeString:
    """One horizontal bar per row, split into parts: rows = [(label, [(key, count, part label)])].
    Bars are scaled to the row's own total (shares), with the count in each part's tooltip."""
    # Each label sits above its bar, so long unit names read whole on a phone too.
    bar_h, text_h, gap = 16, 15, 8
    row_h = text_h + bar_h + gap
    height = len(rows) * row_h
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
    ]
    for n, (label, parts) in enumerate(rows):
        y = n * row_h
        short = label if len(label) <= 80 else label[:79] + "…"
        out.append(f'<text x="0" y="{y + text_h - 3}" font-size="13">{escape(short)}</text>')
        total = sum(count for _key, count, _label in parts)
        x, top = 0.0, y + text_h
        if not total:
            out.append(f'<rect x="0" y="{top}" width="{width}" height="{bar_h}" fill="#f1f3f5"/>')
        for key, count, part_label in parts:
            if not count:
                continue
            w = width * count / total
            out.append(
                f'<rect x="{x:.1f}" y="{top}" width="{w:.1f}" height="{bar_h}" fill="{COLOURS.get(key, "#0d6efd")}">'
                f"<title>{escape(part_label)}: {count}</title></rect>"
            )
            x += w
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every text above is escaped


def gauge(percent: float, *, label: str, colour: str = "#198754") -> SafeString:
    """A ring filled to `percent`, the figure written in its middle."""
    r, c = 34, 2 * 3.14159265 * 34
    filled = max(0.0, min(100.0, percent)) / 100 * c
    figure = percent_text(percent)  # "27,8 %", as the page's language writes it
    return mark_safe(  # noqa: S308 - the label is escaped, the rest are numbers
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 90" width="90" height="90" role="img" '
        f'aria-label="{escape(label)}: {figure}" class="chart">'
        f'<circle cx="45" cy="45" r="{r}" fill="none" stroke="#e9ecef" stroke-width="10"/>'
        f'<circle cx="45" cy="45" r="{r}" fill="none" stroke="{colour}" stroke-width="10" '
        f'stroke-dasharray="{filled:.1f} {c:.1f}" transform="rotate(-90 45 45)"/>'
        f'<text x="45" y="50" text-anchor="middle" font-size="16" font-weight="600">{figure}</text></svg>'
    )
