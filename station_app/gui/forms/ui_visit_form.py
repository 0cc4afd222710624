# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'visit_form.ui'
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

from station_app.gui.widgets.date_field import DateTimeField

class Ui_VisitForm(object):
    def setupUi(self, VisitForm):
        if not VisitForm.objectName():
            VisitForm.setObjectName(u"VisitForm")
        VisitForm.resize(560, 620)
        self.dialogLayout = QVBoxLayout(VisitForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.visitLayout = QFormLayout()
        self.visitLayout.setObjectName(u"visitLayout")
        self.visitLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.visitLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.visitedAtLabel = QLabel(VisitForm)
        self.visitedAtLabel.setObjectName(u"visitedAtLabel")

        self.visitLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.visitedAtLabel)

        self.visitedAt = DateTimeField(VisitForm)
        self.visitedAt.setObjectName(u"visitedAt")
        self.visitedAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")
        self.visitedAt.setCalendarPopup(True)

        self.visitLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.visitedAt)

        self.channelLabel = QLabel(VisitForm)
        self.channelLabel.setObjectName(u"channelLabel")

        self.visitLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(VisitForm)
        self.channelCombo.setObjectName(u"channelCombo")
        self.channelCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.channelCombo.setMinimumContentsLength(8)

        self.visitLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.personNameLabel = QLabel(VisitForm)
        self.personNameLabel.setObjectName(u"personNameLabel")

        self.visitLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.personNameLabel)

        self.personRow = QHBoxLayout()
        self.personRow.setObjectName(u"personRow")
        self.personName = QLineEdit(VisitForm)
        self.personName.setObjectName(u"personName")
        self.personName.setMaxLength(50)

        self.personRow.addWidget(self.personName)

        self.personPhone = QLineEdit(VisitForm)
        self.personPhone.setObjectName(u"personPhone")
        self.personPhone.setMaxLength(32)

        self.personRow.addWidget(self.personPhone)


        self.visitLayout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.personRow)

        self.headcountLabel = QLabel(VisitForm)
        self.headcountLabel.setObjectName(u"headcountLabel")

        self.visitLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.headcountLabel)

        self.headcountRow = QHBoxLayout()
        self.headcountRow.setObjectName(u"headcountRow")
        self.headcount = QSpinBox(VisitForm)
        self.headcount.setObjectName(u"headcount")
        self.headcount.setMinimum(1)
        self.headcount.setMaximum(10000)
        self.headcount.setValue(1)

        self.headcountRow.addWidget(self.headcount)

        self.headcountSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headcountRow.addItem(self.headcountSpacer)


        self.visitLayout.setLayout(3, QFormLayout.ItemRole.FieldRole, self.headcountRow)

        self.categoryLabel = QLabel(VisitForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.visitLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(VisitForm)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(8)

        self.visitLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.villageLabel = QLabel(VisitForm)
        self.villageLabel.setObjectName(u"villageLabel")

        self.visitLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.villageCombo = QComboBox(VisitForm)
        self.villageCombo.setObjectName(u"villageCombo")
        self.villageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.villageCombo.setMinimumContentsLength(8)

        self.visitLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.questionLabel = QLabel(VisitForm)
        self.questionLabel.setObjectName(u"questionLabel")

        self.visitLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.questionLabel)

        self.question = QPlainTextEdit(VisitForm)
        self.question.setObjectName(u"question")
        self.question.setMinimumSize(QSize(0, 90))
        self.question.setTabChangesFocus(True)

        self.visitLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.question)

        self.answerLabel = QLabel(VisitForm)
        self.answerLabel.setObjectName(u"answerLabel")

        self.visitLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.answerLabel)

        self.answer = QPlainTextEdit(VisitForm)
        self.answer.setObjectName(u"answer")
        self.answer.setMinimumSize(QSize(0, 90))
        self.answer.setTabChangesFocus(True)

        self.visitLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.answer)

        self.officerLabel = QLabel(VisitForm)
        self.officerLabel.setObjectName(u"officerLabel")

        self.visitLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerCombo = QComboBox(VisitForm)
        self.officerCombo.setObjectName(u"officerCombo")
        self.officerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.officerCombo.setMinimumContentsLength(8)

        self.visitLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.officerCombo)


        self.dialogLayout.addLayout(self.visitLayout)

        self.statusLabel = QLabel(VisitForm)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setStyleSheet(u"color: #1b5e20;")

        self.dialogLayout.addWidget(self.statusLabel)

        self.keysHint = QLabel(VisitForm)
        self.keysHint.setObjectName(u"keysHint")
        self.keysHint.setStyleSheet(u"color: #555555;")
        self.keysHint.setWordWrap(True)

        self.dialogLayout.addWidget(self.keysHint)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(VisitForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.saveNextButton = QPushButton(VisitForm)
        self.saveNextButton.setObjectName(u"saveNextButton")

        self.buttonRow.addWidget(self.saveNextButton)

        self.cancelButton = QPushButton(VisitForm)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.visitedAtLabel.setBuddy(self.visitedAt)
        self.channelLabel.setBuddy(self.channelCombo)
        self.personNameLabel.setBuddy(self.personName)
        self.headcountLabel.setBuddy(self.headcount)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.villageLabel.setBuddy(self.villageCombo)
        self.questionLabel.setBuddy(self.question)
        self.answerLabel.setBuddy(self.answer)
        self.officerLabel.setBuddy(self.officerCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.visitedAt, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.personName)
        QWidget.setTabOrder(self.personName, self.personPhone)
        QWidget.setTabOrder(self.personPhone, self.headcount)
        QWidget.setTabOrder(self.headcount, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.question)
        QWidget.setTabOrder(self.question, self.answer)
        QWidget.setTabOrder(self.answer, self.officerCombo)
        QWidget.setTabOrder(self.officerCombo, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.saveNextButton)
        QWidget.setTabOrder(self.saveNextButton, self.cancelButton)

        self.retranslateUi(VisitForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(VisitForm)
    # setupUi

    def retranslateUi(self, VisitForm):
        VisitForm.setWindowTitle(QCoreApplication.translate("VisitForm", u"\u767b\u8bb0\u6765\u8bbf\u54a8\u8be2", None))
        self.visitedAtLabel.setText(QCoreApplication.translate("VisitForm", u"\u6765\u8bbf\u65f6\u95f4 *", None))
        self.channelLabel.setText(QCoreApplication.translate("VisitForm", u"\u6e20\u9053 *", None))
        self.channelCombo.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u8bf7\u9009\u62e9", None))
        self.personNameLabel.setText(QCoreApplication.translate("VisitForm", u"\u6765\u8bbf\u4eba", None))
        self.personName.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u59d3\u540d\uff0c\u53ef\u4e0d\u586b", None))
        self.personPhone.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u7535\u8bdd\uff0c\u53ef\u4e0d\u586b", None))
        self.headcountLabel.setText(QCoreApplication.translate("VisitForm", u"\u4eba\u6570 *", None))
        self.headcount.setSuffix(QCoreApplication.translate("VisitForm", u" \u4eba", None))
        self.categoryLabel.setText(QCoreApplication.translate("VisitForm", u"\u7c7b\u522b", None))
        self.categoryCombo.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u8bf7\u9009\u62e9", None))
        self.villageLabel.setText(QCoreApplication.translate("VisitForm", u"\u6240\u5728\u6751", None))
        self.villageCombo.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u8bf7\u9009\u62e9", None))
        self.questionLabel.setText(QCoreApplication.translate("VisitForm", u"\u54a8\u8be2\u95ee\u9898 *", None))
        self.question.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u6765\u8bbf\u4eba\u95ee\u4e86\u4ec0\u4e48", None))
        self.answerLabel.setText(QCoreApplication.translate("VisitForm", u"\u7b54\u590d", None))
        self.answer.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u7ed9\u51fa\u7684\u7b54\u590d\u6216\u5efa\u8bae", None))
        self.officerLabel.setText(QCoreApplication.translate("VisitForm", u"\u7ecf\u529e\u4eba", None))
        self.officerCombo.setPlaceholderText(QCoreApplication.translate("VisitForm", u"\u8bf7\u9009\u62e9", None))
        self.statusLabel.setText("")
        self.keysHint.setText(QCoreApplication.translate("VisitForm", u"\u6309 Enter \u4fdd\u5b58\uff08\u591a\u884c\u6587\u5b57\u4e2d\u6309 Ctrl+Enter\uff09\uff0c\u6309 Esc \u53d6\u6d88\u3002", None))
        self.saveButton.setText(QCoreApplication.translate("VisitForm", u"\u4fdd\u5b58", None))
        self.saveNextButton.setText(QCoreApplication.translate("VisitForm", u"\u4fdd\u5b58\u5e76\u7ee7\u7eed", None))
#if QT_CONFIG(tooltip)
        self.saveNextButton.setToolTip(QCoreApplication.translate("VisitForm", u"\u4fdd\u5b58\u540e\u6e05\u7a7a\uff0c\u63a5\u7740\u767b\u8bb0\u4e0b\u4e00\u4f4d\u6765\u8bbf\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("VisitForm", u"\u53d6\u6d88", None))
    # retranslateUi

