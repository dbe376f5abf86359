"""Themes and presentation mode: a palette and a stylesheet for the whole application.

`apply_theme(app, name, presentation=False)` sets both the QPalette and the stylesheet from
`resources/styles/<name>.qss`. Themes: "default", "high_contrast", "dark". Presentation mode (for a
projector) makes the base font and every size in the stylesheet larger, and the controls roomier;
it combines with any theme. The look the application started with is kept, so switching back to
"default" (or out of presentation mode) restores it exactly.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ..paths import resources_dir

THEMES: dict[str, str] = {"default": "&Standard", "high_contrast": "&High contrast", "dark": "&Dark"}
DEFAULT_THEME = "default"
PRESENTATION_SCALE = 1.4

# Extra room for a projector: applied after the theme's own rules, then scaled with them.
_PRESENTATION_RULES = """
/* Presentation mode: roomier controls for a projector. */
QPushButton, QToolButton {
    padding: 6px 16px;
}
QPushButton:focus {
    padding: 4px 14px;
}
QPushButton[role="child-big"] {
    padding: 10px 36px;
}
QPushButton[role="child-big"]:focus {
    padding: 8px 34px;
}
QPushButton[role="child-small"] {
    padding: 4px 14px;
}
QPushButton[role="child-small"]:focus {
    padding: 2px 12px;
}
QLineEdit, QComboBox, QSpinBox, QDateEdit {
    padding: 4px 6px;
}
QTabBar::tab {
    padding: 6px 14px;
}
"""

_SIZE = re.compile(r"(?<![\w.#])(\d+(?:\.\d+)?)(pt|px)\b")

_original: dict[int, tuple[QPalette, QFont]] = {}


def theme_names() -> list[str]:
    return list(THEMES)


def stylesheet_path(name: str):
    return resources_dir() / "styles" / f"{name}.qss"


def scale_sizes(qss: str, factor: float) -> str:
    """Every point and pixel size in a stylesheet multiplied by `factor` (borders of 1px stay 1px)."""

    def bigger(match: re.Match) -> str:
        number, unit = float(match.group(1)), match.group(2)
        if unit == "px" and number <= 1:
            return match.group(0)
        scaled = number * factor
        text = f"{scaled:.1f}".rstrip("0").rstrip(".") if unit == "pt" else str(round(scaled))
        return text + unit

    return _SIZE.sub(bigger, qss)


def stylesheet(name: str, presentation: bool = False) -> str:
    path = stylesheet_path(name if name in THEMES else DEFAULT_THEME)
    qss = path.read_text("utf-8") if path.exists() else ""
    qss = qss.replace("@ICONS@", (resources_dir() / "icons").as_posix())  # pictures the stylesheet draws
    if presentation:
        qss = scale_sizes(qss + _PRESENTATION_RULES, PRESENTATION_SCALE)
    return qss


def _palette(name: str, base: QPalette) -> QPalette:
    if name == "high_contrast":
        colours = {
            "Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#1a1a1a",
            "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "BrightText": "#ffff00",
            "Highlight": "#ffff00", "HighlightedText": "#000000", "Link": "#ffff00", "LinkVisited": "#ffd700",
            "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "PlaceholderText": "#d0d0d0",
            "Light": "#ffffff", "Midlight": "#ffffff", "Mid": "#ffffff", "Dark": "#ffffff", "Shadow": "#ffffff",
        }
        disabled = "#b0b0b0"  # 10:1 on black
    elif name == "dark":
        colours = {
            "Window": "#1f2124", "WindowText": "#e8eaed", "Base": "#2a2c30", "AlternateBase": "#303236",
            "Text": "#e8eaed", "Button": "#34363a", "ButtonText": "#e8eaed", "BrightText": "#ffffff",
            "Highlight": "#8ab4f8", "HighlightedText": "#1f2124", "Link": "#8ab4f8", "LinkVisited": "#c58af9",
            "ToolTipBase": "#303236", "ToolTipText": "#e8eaed", "PlaceholderText": "#a8adb3",
            "Light": "#4a4d52", "Midlight": "#3f4246", "Mid": "#6b7076", "Dark": "#18191b", "Shadow": "#000000",
        }
        disabled = "#9aa0a6"  # over 5:1 on the window colour
    else:
        return QPalette(base)
    palette = QPalette(base)
    for role, colour in colours.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(disabled))
    return palette


def apply_theme(app: QApplication, name: str, presentation: bool = False) -> None:
    """Set the palette, the font and the stylesheet for `name` (unknown names fall back to the default)."""
    if name not in THEMES:
        name = DEFAULT_THEME
    key = id(app)
    if key not in _original:
        _original[key] = (QPalette(app.palette()), QFont(app.font()))
    base_palette, base_font = _original[key]
    font = QFont(base_font)
    if presentation:
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * PRESENTATION_SCALE)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * PRESENTATION_SCALE))
    app.setPalette(_palette(name, base_palette))
    app.setFont(font)
    app.setStyleSheet(stylesheet(name, presentation))
    app.setProperty("dayinlife_theme", name)
    app.setProperty("dayinlife_presentation", bool(presentation))


def running_app() -> QApplication | None:
    return QApplication.instance()


def current_theme(app: QApplication) -> tuple[str, bool]:
    """The theme and presentation mode last applied (the default, if none was)."""
    return (app.property("dayinlife_theme") or DEFAULT_THEME, bool(app.property("dayinlife_presentation")))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio between two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
