"""The complaint form's respondent (被投诉方), completed from the business register (经营者).

Typing in the name, credit code or phone box offers, after a short pause, the register's
businesses whose name starts with or contains the text, or whose credit code or phone number
starts with it (:func:`~station_app.registry.businesses.find_businesses`, read off the GUI thread).
Choosing one fills all four boxes and links the complaint to that business; typing in the name or
credit code box again unlinks it (it may be another business now).

When a complaint is saved with a respondent the register does not hold, the field offers to add
it as this station's own business (see :mod:`station_app.registry.businesses` for how such a row
goes to the county and meets the county's roster).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QMessageBox, QWidget
from shiboken6 import isValid

from station_app.errors import StationError
from station_app.gui.app.context import AppContext
from station_app.gui.app.crash_dialog import show_refusal
from station_app.registry.businesses import (
    BusinessChoice,
    add_business,
    find_businesses,
    registered_business,
)

LOOKUP_DELAY_MS = 200  # wait for a pause in typing before asking the register
CHOICE_ROLE = Qt.ItemDataRole.UserRole


class RespondentField(QObject):
    """Completion and the offer to register, over the form's four respondent boxes."""

    business_chosen = Signal(object)  # the business id chosen, or None once the text is changed
    looked_up = Signal()  # the offers for the latest text are in the list (tests wait on it)

    def __init__(
        self,
        app: AppContext,
        name: QLineEdit,
        credit_code: QLineEdit,
        phone: QLineEdit,
        address: QLineEdit,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.name, self.credit_code, self.phone, self.address = name, credit_code, phone, address
        self.chosen: BusinessChoice | None = None
        self.offer: QMessageBox | None = None  # the last offer to register (tests answer it)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(10)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self._typed_in: QLineEdit = name
        self._asked = 0  # the number of the latest lookup: an older answer is dropped
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._look_up)
        for edit in (name, credit_code, phone):
            edit.textEdited.connect(lambda _text, edit=edit: self._edited(edit))

    # --- completion ---------------------------------------------------------------------------

    def _edited(self, edit: QLineEdit) -> None:
        if edit is not self.phone and self.chosen is not None:
            self.chosen = None
            self.business_chosen.emit(None)
        self._typed_in = edit
        self._timer.start()

    def _look_up(self) -> None:
        text = self._typed_in.text()
        self._asked += 1
        asked = self._asked
        identity = self.app.installation.identity()
        station = identity.code if identity else None
        self.app.jobs.run_query(
            lambda: find_businesses(text, station),
            lambda found: self._show(asked, found),
            lambda _error: None,  # a failed lookup offers nothing; typing goes on
            title=self.tr("查找经营者"),
        )

    def _show(self, asked: int, found: list[BusinessChoice]) -> None:
        if not isValid(self) or asked != self._asked:  # the form closed meanwhile, or typed on
            return
        self.model.clear()
        for business in found:
            parts = [business.name, business.credit_code or "", business.phone or ""]
            item = QStandardItem("    ".join(part for part in parts if part))
            item.setData(business, CHOICE_ROLE)
            item.setToolTip(business.address or "")
            self.model.appendRow(item)
        edit = self._typed_in
        if found and edit.hasFocus():
            self.completer.setWidget(edit)
            popup = self.completer.popup()
            popup.setTextElideMode(Qt.TextElideMode.ElideRight)
            wide = popup.sizeHintForColumn(0) + popup.verticalScrollBar().sizeHint().width() + 8
            screen = edit.screen().availableGeometry().width() if edit.screen() else wide
            width = max(edit.width(), min(wide, screen // 2))
            self.completer.complete(QRect(0, 0, width, edit.height()))
        else:
            self.completer.popup().hide()
        self.looked_up.emit()

    def _activated(self, index: QModelIndex) -> None:
        business = index.data(CHOICE_ROLE)
        if isinstance(business, BusinessChoice):
            self.choose(business)

    def choose(self, business: BusinessChoice) -> None:
        """Fill the four boxes from ``business`` and link the complaint to it."""
        self._timer.stop()
        self.name.setText(business.name)
        self.credit_code.setText(business.credit_code or "")
        self.phone.setText(business.phone or "")
        self.address.setText(business.address or "")
        self.chosen = business
        self.business_chosen.emit(business.id)

    # --- the offer to register ----------------------------------------------------------------

    def offer_to_register(self, _complaint_id: int = 0) -> QMessageBox | None:
        """After a save: offer to add a respondent the register does not hold. The offer opens
        over the window the form was opened from and outlives the form (which closes)."""
        values = (self.name.text(), self.credit_code.text(), self.phone.text(), self.address.text())
        if self.chosen is not None or not values[0].strip():
            return None
        if registered_business(values[0], values[1]) is not None:  # one index lookup
            return None
        form = self.parent()
        owner = form.parentWidget() if isinstance(form, QWidget) else None
        self.offer = offer_registration(self.app, owner, values)
        return self.offer


def offer_registration(
    app: AppContext, owner: QWidget | None, values: tuple[str, str, str, str]
) -> QMessageBox:
    """The box asking whether to add the respondent ``values`` (name, credit code, phone,
    address) to the register; 加入名册 adds it on the writer."""
    translate = QCoreApplication.translate
    box = QMessageBox(owner)
    box.setObjectName("businessOffer")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("RespondentField", "加入经营者名册？"))
    box.setText(
        translate(
            "RespondentField",
            "被投诉方“%1”不在经营者名册中。加入后，下次登记时输入名称、信用代码或电话的开头就能选用。",
        ).replace("%1", values[0].strip())
    )
    box.setInformativeText(
        translate(
            "RespondentField",
            "它作为本站添加的经营者，随数据包报送县消协。县消协的名册以后列入同一经营者"
            "（同一统一社会信用代码；没有代码时同名同村）时，导入名册会用名册的内容更新这一条。",
        )
    )
    add = box.addButton(translate("RespondentField", "加入名册"), QMessageBox.ButtonRole.AcceptRole)
    add.setObjectName("addBusinessButton")
    skip = box.addButton(translate("RespondentField", "不加入"), QMessageBox.ButtonRole.RejectRole)
    skip.setObjectName("skipBusinessButton")
    box.setDefaultButton(add)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    ctx = app.context()

    def refused(error: Exception) -> None:
        if not isinstance(error, StationError):
            raise error
        show_refusal(error, owner)

    add.clicked.connect(
        lambda: app.jobs.run_write(
            lambda: add_business(ctx, *values),
            lambda _added: None,
            refused,
            title=translate("RespondentField", "加入经营者名册"),
        )
    )
    box.open()
    return box
