"""The complaint form's respondent completes from the business register (issue #14, item 5):
typing part of a name, or the start of a credit code or phone, offers the register's businesses;
choosing one fills the rest and links the complaint; a new business typed in is offered for the
register after the save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from station_app.gui.complaints.form import ComplaintForm
from station_app.gui.complaints.screen import ComplaintsScreen
from station_app.registry.businesses import find_businesses
from station_app.registry.complaints import get_complaint
from station_app.registry.context import Context
from station_app.store.models import Business

from ..core.test_businesses import register  # noqa: F401 (fixture)
from .test_complaints_screen import fill_valid, screen, type_text  # noqa: F401 (fixture)

WAIT_MS = 5000


@pytest.fixture
def form(
    qtbot: QtBot,
    screen: ComplaintsScreen,  # noqa: F811
    register: dict[str, Business],  # noqa: F811
) -> ComplaintForm:
    """A new complaint filled in but for its respondent, over the business register."""
    opened = screen.new_complaint()
    qtbot.waitExposed(opened)
    fill_valid(qtbot, opened)
    opened.ui.respondentName.clear()
    return opened


def offers(qtbot: QtBot, form: ComplaintForm, edit: QLineEdit, text: str) -> list[str]:
    """Type ``text`` into ``edit`` and return the offers shown under it."""
    field = form.respondent
    edit.setFocus()
    with qtbot.waitSignal(field.looked_up, timeout=WAIT_MS):
        type_text(qtbot, edit, text)
    model = field.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def pick_first(qtbot: QtBot, form: ComplaintForm) -> None:
    popup = form.respondent.completer.popup()
    assert popup.isVisible()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)


def save(qtbot: QtBot, form: ComplaintForm, screen: ComplaintsScreen) -> int:  # noqa: F811
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(form.ui.saveButton, Qt.MouseButton.LeftButton)
    return int(saved.args[0])


def offer_box(screen: ComplaintsScreen) -> QMessageBox | None:  # noqa: F811
    boxes = [b for b in screen.findChildren(QMessageBox, "businessOffer") if b.isVisible()]
    return boxes[0] if boxes else None


def test_a_name_fragment_offers_businesses_and_choosing_fills_the_rest(
    qtbot: QtBot,
    screen: ComplaintsScreen,  # noqa: F811
    form: ComplaintForm,
    register: dict[str, Business],  # noqa: F811
) -> None:
    ui = form.ui
    shown = offers(qtbot, form, ui.respondentName, "惠民")
    assert [text.split()[0] for text in shown] == ["诺江镇惠民超市", "通江县惠民农资店"]
    assert register["超市"].credit_code in shown[0] and "0827-7220001" in shown[0]
    pick_first(qtbot, form)
    shop = register["超市"]
    assert (ui.respondentName.text(), ui.respondentCreditCode.text()) == (
        shop.name, shop.credit_code,
    )  # fmt: skip
    assert (ui.respondentPhone.text(), ui.respondentAddress.text()) == (shop.phone, shop.address)
    complaint_id = save(qtbot, form, screen)
    complaint = get_complaint(complaint_id)
    assert complaint.business_id == shop.id and complaint.respondent_name == shop.name
    assert offer_box(screen) is None  # in the register already: nothing to offer


def test_the_start_of_a_credit_code_or_phone_offers_the_business(
    qtbot: QtBot,
    form: ComplaintForm,
    register: dict[str, Business],  # noqa: F811
) -> None:
    ui = form.ui
    code = register["农资"].credit_code
    assert [t.split()[0] for t in offers(qtbot, form, ui.respondentCreditCode, code.lower())] == [
        "通江县惠民农资店"
    ]
    pick_first(qtbot, form)
    assert ui.respondentName.text() == "通江县惠民农资店"
    assert ui.respondentCreditCode.text() == code
    ui.respondentPhone.clear()
    assert offers(qtbot, form, ui.respondentPhone, "0827722")[0].startswith("诺江镇惠民超市")


def test_changing_the_name_after_choosing_unlinks_the_business(
    qtbot: QtBot,
    screen: ComplaintsScreen,  # noqa: F811
    form: ComplaintForm,
) -> None:
    ui = form.ui
    offers(qtbot, form, ui.respondentName, "通江县惠民")
    pick_first(qtbot, form)
    assert form.respondent.chosen is not None
    type_text(qtbot, ui.respondentName, "二店")  # another shop, without a credit code
    assert form.respondent.chosen is None
    ui.respondentCreditCode.clear()
    complaint_id = save(qtbot, form, screen)
    assert get_complaint(complaint_id).business_id is None
    qtbot.waitUntil(lambda: offer_box(screen) is not None, timeout=WAIT_MS)


@pytest.mark.parametrize("answer", ["addBusinessButton", "skipBusinessButton"])
def test_a_new_business_is_offered_for_the_register_after_the_save(
    qtbot: QtBot,
    screen: ComplaintsScreen,  # noqa: F811
    form: ComplaintForm,
    register: dict[str, Business],  # noqa: F811
    ctx: Context,
    answer: str,
) -> None:
    ui = form.ui
    type_text(qtbot, ui.respondentName, "诺江镇新开的面馆")
    type_text(qtbot, ui.respondentPhone, "13881234560")
    save(qtbot, form, screen)
    qtbot.waitUntil(lambda: offer_box(screen) is not None, timeout=WAIT_MS)
    box = offer_box(screen)
    assert box is not None
    assert "诺江镇新开的面馆" in box.text() and "县消协" in box.informativeText()
    before = Business.select().count()
    qtbot.mouseClick(box.findChild(QPushButton, answer), Qt.MouseButton.LeftButton)
    if answer == "skipBusinessButton":
        qtbot.wait(200)
        assert Business.select().count() == before
        return
    qtbot.waitUntil(lambda: Business.select().count() == before + 1, timeout=WAIT_MS)
    added = Business.get(Business.name == "诺江镇新开的面馆")
    assert (added.phone, added.origin, added.active) == ("13881234560", ctx.origin, True)
    assert [b.name for b in find_businesses("面馆")] == ["诺江镇新开的面馆"]
