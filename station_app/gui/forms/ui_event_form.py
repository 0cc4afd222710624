# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'event_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

from station_app.gui.widgets.date_field import DateField

class Ui_EventForm(object):
    def setupUi(self, EventForm):
        if not EventForm.objectName():
            EventForm.setObjectName(u"EventForm")
        EventForm.resize(560, 560)
        self.dialogLayout = QVBoxLayout(EventForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.eventLayout = QFormLayout()
        self.eventLayout.setObjectName(u"eventLayout")
        self.eventLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.eventLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.heldOnLabel = QLabel(EventForm)
        self.heldOnLabel.setObjectName(u"heldOnLabel")

        self.eventLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.heldOnLabel)

        self.heldOn = DateField(EventForm)
        self.heldOn.setObjectName(u"heldOn")
        self.heldOn.setDisplayFormat(u"yyyy-MM-dd")
        self.heldOn.setCalendarPopup(True)

        self.eventLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.heldOn)

        self.typeLabel = QLabel(EventForm)
        self.typeLabel.setObjectName(u"typeLabel")

        self.eventLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.typeLabel)

        self.typeCombo = QComboBox(EventForm)
        self.typeCombo.setObjectName(u"typeCombo")
        self.typeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.typeCombo.setMinimumContentsLength(8)

        self.eventLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.typeCombo)

        self.topicLabel = QLabel(EventForm)
        self.topicLabel.setObjectName(u"topicLabel")

        self.eventLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.topicLabel)

        self.topic = QLineEdit(EventForm)
        self.topic.setObjectName(u"topic")
        self.topic.setMaxLength(200)

        self.eventLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.topic)

        self.villageLabel = QLabel(EventForm)
        self.villageLabel.setObjectName(u"villageLabel")

        self.eventLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.villageCombo = QComboBox(EventForm)
        self.villageCombo.setObjectName(u"villageCombo")
        self.villageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.villageCombo.setMinimumContentsLength(8)

        self.eventLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.attendeesLabel = QLabel(EventForm)
        self.attendeesLabel.setObjectName(u"attendeesLabel")

        self.eventLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.attendeesLabel)

        self.attendeesRow = QHBoxLayout()
        self.attendeesRow.setObjectName(u"attendeesRow")
        self.attendees = QSpinBox(EventForm)
        self.attendees.setObjectName(u"attendees")
        self.attendees.setMinimumSize(QSize(140, 0))
        self.attendees.setMaximum(100000)
        self.attendees.setGroupSeparatorShown(False)

        self.attendeesRow.addWidget(self.attendees)

        self.attendeesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendeesRow.addItem(self.attendeesSpacer)


        self.eventLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.attendeesRow)

        self.leafletsLabel = QLabel(EventForm)
        self.leafletsLabel.setObjectName(u"leafletsLabel")

        self.eventLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.leafletsLabel)

        self.leafletsRow = QHBoxLayout()
        self.leafletsRow.setObjectName(u"leafletsRow")
        self.leaflets = QSpinBox(EventForm)
        self.leaflets.setObjectName(u"leaflets")
        self.leaflets.setMinimumSize(QSize(140, 0))
        self.leaflets.setMaximum(1000000)
        self.leaflets.setGroupSeparatorShown(False)

        self.leafletsRow.addWidget(self.leaflets)

        self.leafletsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.leafletsRow.addItem(self.leafletsSpacer)


        self.eventLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.leafletsRow)

        self.consultationsLabel = QLabel(EventForm)
        self.consultationsLabel.setObjectName(u"consultationsLabel")

        self.eventLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.consultationsLabel)

        self.consultationsRow = QHBoxLayout()
        self.consultationsRow.setObjectName(u"consultationsRow")
        self.consultations = QSpinBox(EventForm)
        self.consultations.setObjectName(u"consultations")
        self.consultations.setMinimumSize(QSize(140, 0))
        self.consultations.setMaximum(100000)
        self.consultations.setGroupSeparatorShown(False)

        self.consultationsRow.addWidget(self.consultations)

        self.consultationsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.consultationsRow.addItem(self.consultationsSpacer)


        self.eventLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.consultationsRow)

        self.officerLabel = QLabel(EventForm)
        self.officerLabel.setObjectName(u"officerLabel")

        self.eventLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerCombo = QComboBox(EventForm)
        self.officerCombo.setObjectName(u"officerCombo")
        self.officerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.officerCombo.setMinimumContentsLength(8)

        self.eventLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.officerCombo)

        self.notesLabel = QLabel(EventForm)
        self.notesLabel.setObjectName(u"notesLabel")

        self.eventLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notes = QPlainTextEdit(EventForm)
        self.notes.setObjectName(u"notes")
        self.notes.setMinimumSize(QSize(0, 80))
        self.notes.setTabChangesFocus(True)

        self.eventLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.notes)


        self.dialogLayout.addLayout(self.eventLayout)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.keysHint = QLabel(EventForm)
        self.keysHint.setObjectName(u"keysHint")
        self.keysHint.setStyleSheet(u"color: #555555;")
        self.keysHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.keysHint)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(EventForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.cancelButton = QPushButton(EventForm)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.heldOnLabel.setBuddy(self.heldOn)
        self.typeLabel.setBuddy(self.typeCombo)
        self.topicLabel.setBuddy(self.topic)
        self.villageLabel.setBuddy(self.villageCombo)
        self.attendeesLabel.setBuddy(self.attendees)
        self.leafletsLabel.setBuddy(self.leaflets)
        self.consultationsLabel.setBuddy(self.consultations)
        self.officerLabel.setBuddy(self.officerCombo)
        self.notesLabel.setBuddy(self.notes)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.heldOn, self.typeCombo)
        QWidget.setTabOrder(self.typeCombo, self.topic)
        QWidget.setTabOrder(self.topic, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.attendees)
        QWidget.setTabOrder(self.attendees, self.leaflets)
        QWidget.setTabOrder(self.leaflets, self.consultations)
        QWidget.setTabOrder(self.consultations, self.officerCombo)
        QWidget.setTabOrder(self.officerCombo, self.notes)
        QWidget.setTabOrder(self.notes, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(EventForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(EventForm)
    # setupUi

    def retranslateUi(self, EventForm):
        EventForm.setWindowTitle(QCoreApplication.translate("EventForm", u"\u767b\u8bb0\u5ba3\u4f20\u6d3b\u52a8", None))
        self.heldOnLabel.setText(QCoreApplication.translate("EventForm", u"\u6d3b\u52a8\u65e5\u671f *", None))
        self.typeLabel.setText(QCoreApplication.translate("EventForm", u"\u6d3b\u52a8\u7c7b\u578b *", None))
        self.typeCombo.setPlaceholderText(QCoreApplication.translate("EventForm", u"\u8bf7\u9009\u62e9", None))
        self.topicLabel.setText(QCoreApplication.translate("EventForm", u"\u6d3b\u52a8\u4e3b\u9898 *", None))
        self.topic.setPlaceholderText(QCoreApplication.translate("EventForm", u"\u4f8b\u5982\uff1a\u8bc6\u522b\u5047\u5192\u5316\u80a5\u3001\u79cd\u5b50", None))
        self.villageLabel.setText(QCoreApplication.translate("EventForm", u"\u6240\u5728\u6751", None))
        self.villageCombo.setPlaceholderText(QCoreApplication.translate("EventForm", u"\u8bf7\u9009\u62e9", None))
        self.attendeesLabel.setText(QCoreApplication.translate("EventForm", u"\u53c2\u52a0\u4eba\u6570", None))
        self.attendees.setSuffix(QCoreApplication.translate("EventForm", u" \u4eba", None))
        self.leafletsLabel.setText(QCoreApplication.translate("EventForm", u"\u53d1\u653e\u8d44\u6599", None))
        self.leaflets.setSuffix(QCoreApplication.translate("EventForm", u" \u4efd", None))
        self.consultationsLabel.setText(QCoreApplication.translate("EventForm", u"\u73b0\u573a\u54a8\u8be2", None))
        self.consultations.setSuffix(QCoreApplication.translate("EventForm", u" \u4eba\u6b21", None))
        self.officerLabel.setText(QCoreApplication.translate("EventForm", u"\u7ecf\u529e\u4eba", None))
        self.officerCombo.setPlaceholderText(QCoreApplication.translate("EventForm", u"\u8bf7\u9009\u62e9", None))
        self.notesLabel.setText(QCoreApplication.translate("EventForm", u"\u5907\u6ce8", None))
        self.notes.setPlaceholderText(QCoreApplication.translate("EventForm", u"\u53ef\u4e0d\u586b", None))
        self.keysHint.setText(QCoreApplication.translate("EventForm", u"\u6309 Enter \u4fdd\u5b58\uff08\u5907\u6ce8\u4e2d\u6309 Ctrl+Enter\uff09\uff0c\u6309 Esc \u53d6\u6d88\u3002", None))
        self.saveButton.setText(QCoreApplication.translate("EventForm", u"\u4fdd\u5b58", None))
        self.cancelButton.setText(QCoreApplication.translate("EventForm", u"\u53d6\u6d88", None))
    # retranslateUi

