"""The drawing pad in child mode: a finger, a pen or a mouse draws; a few colours; undo; clear.

Strokes are kept in the pad's own coordinates from 0 to 1 (so a resize never distorts them) and
drawn into a white picture of `PICTURE_SIZE` when kept: `png()` gives it as PNG bytes in memory,
never through a file, and the store keeps it encrypted with the interview.

By keys alone: the pad is one stop in the Tab order; the arrow keys move a cross, Space puts the
pen down or lifts it (moving with the pen down draws), as a child who cannot hold a mouse might.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

PICTURE_SIZE = QSize(1000, 750)  # the kept picture: 4 by 3, like the pad
COLOURS: tuple[tuple[str, str], ...] = (("Black", "#222222"), ("Red", "#D7263D"), ("Blue", "#1B65D6"),
                                        ("Green", "#2E9E44"), ("Yellow", "#F2C200"), ("Brown", "#7A4A24"))
PEN = 0.012  # the line's width, as a share of the pad's width
STEP = 0.02  # how far an arrow key moves the cross


@dataclass
class Stroke:
    colour: str
    points: list[QPointF] = field(default_factory=list)


class DrawingPad(QWidget):
    """A white page to draw on, 4 by 3, as big as the room it is given allows."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawingPad")
        self.setAccessibleName("Drawing page")
        self.setAccessibleDescription("Draw with a finger, a pen or the mouse. With the keys: arrows move the "
                                      "cross, Space puts the pen down or lifts it")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        # as big as the room it is given; the 4 by 3 page is drawn centred in it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.colour = COLOURS[0][1]
        self.strokes: list[Stroke] = []
        self._undone_clear: list[Stroke] | None = None  # what Clear took, for Undo to bring back
        self._drawing: Stroke | None = None
        self.cross = QPointF(0.5, 0.5)
        self.pen_down = False  # by the keys

    # ------------------------------------------------------------------ what was drawn

    @property
    def is_empty(self) -> bool:
        return not any(s.points for s in self.strokes)

    def undo(self) -> None:
        """The last line goes; after Clear, everything comes back."""
        if self._undone_clear is not None and not self.strokes:
            self.strokes, self._undone_clear = self._undone_clear, None
        elif self.strokes:
            self.strokes.pop()
        self._drawing = None
        self.pen_down = False
        self.update()
        self.changed.emit()

    def clear(self) -> None:
        if self.strokes:
            self._undone_clear = self.strokes
        self.strokes = []
        self._drawing = None
        self.pen_down = False
        self.update()
        self.changed.emit()

    def reset(self) -> None:
        """A new, blank page (nothing to undo)."""
        self.strokes, self._undone_clear, self._drawing, self.pen_down = [], None, None, False
        self.cross = QPointF(0.5, 0.5)
        self.update()

    def png(self) -> bytes:
        """The drawing as PNG bytes, white behind, at PICTURE_SIZE: made in memory, never on disk."""
        image = QImage(PICTURE_SIZE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self._paint_strokes(painter, QRectF(0, 0, PICTURE_SIZE.width(), PICTURE_SIZE.height()))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    # ------------------------------------------------------------------ size

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(640, 480)

    def _page(self) -> QRectF:
        """The 4 by 3 page inside the widget, centred."""
        w, h = self.width(), self.height()
        pw = min(w, h * 4 / 3)
        ph = pw * 3 / 4
        return QRectF((w - pw) / 2, (h - ph) / 2, pw, ph)

    # ------------------------------------------------------------------ drawing it

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        page = self._page()
        painter.fillRect(page, QColor("white"))
        painter.setPen(QPen(QColor("#4A3525"), 2))
        painter.drawRect(page)
        self._paint_strokes(painter, page)
        if self.hasFocus():  # the keys' cross, and whether the pen is down
            c = QPointF(page.x() + self.cross.x() * page.width(), page.y() + self.cross.y() * page.height())
            painter.setPen(QPen(QColor(self.colour), 3 if self.pen_down else 2,
                                Qt.PenStyle.SolidLine if self.pen_down else Qt.PenStyle.DashLine))
            painter.drawLine(c - QPointF(12, 0), c + QPointF(12, 0))
            painter.drawLine(c - QPointF(0, 12), c + QPointF(0, 12))
        painter.end()

    def _paint_strokes(self, painter: QPainter, page: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self.strokes:
            if not stroke.points:
                continue
            pen = QPen(QColor(stroke.colour), max(2.0, PEN * page.width()), Qt.PenStyle.SolidLine,
                       Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            pts = [QPointF(page.x() + p.x() * page.width(), page.y() + p.y() * page.height()) for p in stroke.points]
            if len(pts) == 1:
                painter.drawPoint(pts[0])
                continue
            path = QPainterPath(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            painter.drawPath(path)

    def _to_page(self, pos: QPointF) -> QPointF:
        page = self._page()
        x = (pos.x() - page.x()) / page.width()
        y = (pos.y() - page.y()) / page.height()
        return QPointF(min(1.0, max(0.0, x)), min(1.0, max(0.0, y)))

    # ------------------------------------------------------------------ finger, pen, mouse

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._start(self._to_page(event.position()))
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._drawing is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._drawing.points.append(self._to_page(event.position()))
            self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton and self._drawing is not None:
            self._drawing = None
            self.changed.emit()

    def _start(self, at: QPointF) -> None:
        self._undone_clear = None
        self._drawing = Stroke(self.colour, [at])
        self.strokes.append(self._drawing)
        self.update()

    # ------------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt name)
        moves = {Qt.Key.Key_Left: (-STEP, 0), Qt.Key.Key_Right: (STEP, 0), Qt.Key.Key_Up: (0, -STEP),
                 Qt.Key.Key_Down: (0, STEP)}
        key = event.key()
        if key in moves:
            dx, dy = moves[key]
            self.cross = QPointF(min(1.0, max(0.0, self.cross.x() + dx)), min(1.0, max(0.0, self.cross.y() + dy)))
            if self.pen_down and self._drawing is not None:
                self._drawing.points.append(QPointF(self.cross))
                self.changed.emit()
            self.update()
            return
        if key == Qt.Key.Key_Space:
            self.pen_down = not self.pen_down
            if self.pen_down:
                self._start(QPointF(self.cross))
            else:
                self._drawing = None
                self.changed.emit()
            self.update()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().focusOutEvent(event)
        if self.pen_down:
            self.pen_down, self._drawing = False, None
        self.update()
