"""The 登记信息 tab: the complaint as registered and decided, and the consents to pass on the
complainants' personal data."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from station_app import codes
from station_app.gui.complaints.dialogs.labels import (
    code_label,
    ground_label,
    recipient_label,
)
from station_app.messages import translate_name
from station_app.registry.dossier import ComplainantEntry, ComplaintDossier
from station_app.registry.natures import primary_of, secondary_of, split_natures
from station_app.validation import mask_id_number, mask_name
from station_app.workflow import consent

from .record_table import RecordRowsModel, heading, record_table
from .tab import button_row
from .wording import day_text, people_text, yes_no_text, yuan_text


class SummaryTab(QWidget):
    """The record's fields in a form (编辑登记信息 below) beside the consents table."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QFormLayout()
        self.summary.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.summary.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.summary.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary_values: dict[str, str] = {}
        self.full_view = False  # the handling officer sees the complainants' name and phone
        inner = QWidget()
        inner.setLayout(self.summary)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        self.edit_button, edit_row = button_row(
            self,
            QCoreApplication.translate("ComplaintDetail", "编辑登记信息"),
            "editButton",
            self.edit_requested,
        )
        left = QVBoxLayout()
        left.addWidget(scroll, 1)
        left.addLayout(edit_row)

        self.consent_model = RecordRowsModel(
            [
                QT_TRANSLATE_NOOP("ComplaintDetail", "提供给"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "投诉人"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "答复"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "方式"),
                QT_TRANSLATE_NOOP("ComplaintDetail", "时间"),
            ],
            self,
        )
        self.consent_table = record_table(self, self.consent_model, 0, [7, 4, 5, 5, 9])
        right = QVBoxLayout()
        right.addWidget(
            heading(QCoreApplication.translate("ComplaintDetail", "个人信息提供同意"), self)
        )
        right.addWidget(self.consent_table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def show_dossier(self, dossier: ComplaintDossier) -> None:
        while self.summary.rowCount():
            self.summary.removeRow(0)
        self.summary_values = {}
        for label, value in summary_rows(dossier, self.full_view):
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.summary.addRow(label + QCoreApplication.translate("ComplaintDetail", "："), shown)
            self.summary_values[label] = value
        people = {p.person_id: mask_name(p.name) for p in dossier.complainants}
        self.consent_model.set_rows(
            [
                (
                    row.id,
                    (
                        recipient_label(row.recipient),
                        people.get(row.person_id, ""),
                        (
                            QCoreApplication.translate("ComplaintDetail", "已撤回")
                            if row.withdrawn_at
                            else QCoreApplication.translate("ComplaintDetail", "同意")
                        )
                        if row.granted
                        else QCoreApplication.translate("ComplaintDetail", "不同意"),
                        translate_name(consent.CONSENT_METHODS, row.method),
                        row.given_at.strftime("%Y-%m-%d %H:%M"),
                    ),
                )
                for row in dossier.consents
            ]
        )


def summary_rows(dossier: ComplaintDossier, full: bool = False) -> list[tuple[str, str]]:
    """The form's rows: (label, value) as shown (the complainant unmasked when ``full``)."""
    complaint = dossier.complaint
    marked = split_natures(complaint.natures)
    primary = primary_of(marked, complaint.primary_nature)
    natures = [code_label("nature", c) for c in [primary, *secondary_of(marked, primary)] if c]
    demands = [code_label("demand", c) for c in (complaint.demands or "").split(",") if c]
    separator = QCoreApplication.translate("HistoryDialog", "、", "between names in a list")
    rows = [
        (QCoreApplication.translate("ComplaintDetail", "登记编号"), complaint.number),
        (
            QCoreApplication.translate("ComplaintDetail", "收到时间"),
            complaint.received_at.strftime("%Y-%m-%d %H:%M"),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "投诉渠道"),
            code_label("channel", complaint.channel),
        ),
        (QCoreApplication.translate("ComplaintDetail", "经办人"), complaint.officer_name),
        (QCoreApplication.translate("ComplaintDetail", "投诉人"), people_text(dossier, full)),
        *_complainant_rows(dossier, full),
        (QCoreApplication.translate("ComplaintDetail", "被投诉方"), complaint.respondent_name),
        (
            QCoreApplication.translate("ComplaintDetail", "统一社会信用代码"),
            complaint.respondent_credit_code or "",
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "被投诉方地址"),
            complaint.respondent_address or "",
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "被投诉方电话"),
            complaint.respondent_phone or "",
        ),
        (QCoreApplication.translate("ComplaintDetail", "商品或服务"), complaint.subject),
        (
            QCoreApplication.translate("ComplaintDetail", "大类"),
            codes.category_list().label(complaint.category_code)
            if complaint.category_code in codes.category_list()
            else complaint.category_code,
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "小类"),
            code_label("subcategory", complaint.subcategory),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "投诉性质"),
            natures[0]
            + (
                QCoreApplication.translate("ComplaintDetail", "（另有：%1）").replace(
                    "%1", separator.join(natures[1:])
                )
            )
            if len(natures) > 1
            else separator.join(natures),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "购买日期"),
            day_text(complaint.purchase_date),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "购买地点"),
            complaint.purchase_place or "",
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "购买方式"),
            complaint.purchase_channel or "",
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "实付金额"),
            yuan_text(complaint.amount_paid_fen),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "争议金额"),
            yuan_text(complaint.disputed_amount_fen),
        ),
        (QCoreApplication.translate("ComplaintDetail", "投诉事由"), complaint.facts),
        (
            QCoreApplication.translate("ComplaintDetail", "诉求"),
            separator.join(part for part in [*demands, complaint.demand_text] if part),
        ),
        (
            QCoreApplication.translate("ComplaintDetail", "受理日期"),
            day_text(complaint.accepted_on),
        ),
    ]
    if complaint.not_accepted_ground:
        ground = dossier.not_accepted_ground
        rows.append(
            (
                QCoreApplication.translate("ComplaintDetail", "不予受理情形"),
                ground_label(ground) if ground else complaint.not_accepted_ground,
            )
        )
    if complaint.termination_ground:
        ground = dossier.termination_ground
        rows.append(
            (
                QCoreApplication.translate("ComplaintDetail", "终止调解情形"),
                ground_label(ground) if ground else complaint.termination_ground,
            )
        )
        rows.append(
            (
                QCoreApplication.translate("ComplaintDetail", "终止告知日期"),
                day_text(complaint.termination_notified_on),
            )
        )
    if complaint.outcome or complaint.closed_on:
        rows += [
            (
                QCoreApplication.translate("ComplaintDetail", "处理结果"),
                code_label("outcome", complaint.outcome),
            ),
            (
                QCoreApplication.translate("ComplaintDetail", "办结日期"),
                day_text(complaint.closed_on),
            ),
            (
                QCoreApplication.translate("ComplaintDetail", "挽回经济损失"),
                yuan_text(complaint.recovered_fen),
            ),
            (
                QCoreApplication.translate("ComplaintDetail", "加倍赔偿"),
                yuan_text(complaint.punitive_fen),
            ),
            (QCoreApplication.translate("ComplaintDetail", "欺诈"), yes_no_text(complaint.fraud)),
        ]
    rows.append(
        (QCoreApplication.translate("ComplaintDetail", "12315编号"), complaint.hotline_number or "")
    )
    return rows


def _group_rows(dossier: ComplaintDossier, full: bool) -> list[tuple[str, str]]:
    """A complaint of several people: every complainant, and who represents them (names masked
    unless ``full``)."""
    people = dossier.complainants
    if len(people) < 2:
        return []
    separator = QCoreApplication.translate("HistoryDialog", "、", "between names in a list")

    def names(chosen: list[ComplainantEntry]) -> str:
        return separator.join(p.name if full else mask_name(p.name) for p in chosen)

    representatives = [p for p in people if p.is_representative]
    return [
        (QCoreApplication.translate("ComplaintDetail", "全部投诉人"), names(list(people))),
        (QCoreApplication.translate("ComplaintDetail", "代表人"), names(representatives)),
    ]


def _complainant_rows(dossier: ComplaintDossier, full: bool) -> list[tuple[str, str]]:
    """The first complainant's identity number (masked), village and address, as registered;
    the group's complainants and representatives."""
    complaint = dossier.complaint
    first = dossier.complainants[0] if dossier.complainants else None
    return [
        *_group_rows(dossier, full),
        (
            QCoreApplication.translate("ComplaintDetail", "身份证号码"),
            mask_id_number(first.id_number) if first and first.id_number else "",
        ),
        (QCoreApplication.translate("ComplaintDetail", "所在村"), complaint.village_name),
        (
            QCoreApplication.translate("ComplaintDetail", "住址"),
            (first.address or "") if first else "",
        ),
    ]
