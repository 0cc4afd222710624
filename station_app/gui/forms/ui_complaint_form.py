# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'complaint_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QFrame, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSpinBox, QVBoxLayout, QWidget)

from station_app.gui.complaints.complainants_editor import ComplainantsEditor
from station_app.gui.widgets.date_field import (DateField, DateTimeField)

class Ui_ComplaintForm(object):
    def setupUi(self, ComplaintForm):
        if not ComplaintForm.objectName():
            ComplaintForm.setObjectName(u"ComplaintForm")
        ComplaintForm.resize(1280, 660)
        self.dialogLayout = QVBoxLayout(ComplaintForm)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.headerLabel = QLabel(ComplaintForm)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.headerLabel)

        self.scrollArea = QScrollArea(ComplaintForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.columnsLayout = QGridLayout(self.scrollContents)
        self.columnsLayout.setSpacing(10)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.receiptGroup = QGroupBox(self.scrollContents)
        self.receiptGroup.setObjectName(u"receiptGroup")
        self.receiptLayout = QFormLayout(self.receiptGroup)
        self.receiptLayout.setObjectName(u"receiptLayout")
        self.receiptLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.receiptLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.receivedAtLabel = QLabel(self.receiptGroup)
        self.receivedAtLabel.setObjectName(u"receivedAtLabel")

        self.receiptLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receivedAtLabel)

        self.receivedAt = DateTimeField(self.receiptGroup)
        self.receivedAt.setObjectName(u"receivedAt")
        self.receivedAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")
        self.receivedAt.setCalendarPopup(True)

        self.receiptLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.receivedAt)

        self.channelLabel = QLabel(self.receiptGroup)
        self.channelLabel.setObjectName(u"channelLabel")

        self.receiptLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.receiptGroup)
        self.channelCombo.setObjectName(u"channelCombo")
        self.channelCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.channelCombo.setMinimumContentsLength(8)

        self.receiptLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.officerLabel = QLabel(self.receiptGroup)
        self.officerLabel.setObjectName(u"officerLabel")

        self.receiptLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerCombo = QComboBox(self.receiptGroup)
        self.officerCombo.setObjectName(u"officerCombo")
        self.officerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.officerCombo.setMinimumContentsLength(8)

        self.receiptLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.officerCombo)

        self.hotlineLabel = QLabel(self.receiptGroup)
        self.hotlineLabel.setObjectName(u"hotlineLabel")

        self.receiptLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hotlineLabel)

        self.hotlineNumber = QLineEdit(self.receiptGroup)
        self.hotlineNumber.setObjectName(u"hotlineNumber")
        self.hotlineNumber.setMaxLength(40)

        self.receiptLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hotlineNumber)


        self.leftColumn.addWidget(self.receiptGroup)

        self.complainantGroup = QGroupBox(self.scrollContents)
        self.complainantGroup.setObjectName(u"complainantGroup")
        self.complainantLayout = QFormLayout(self.complainantGroup)
        self.complainantLayout.setObjectName(u"complainantLayout")
        self.complainantLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.complainantLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.complainantNameLabel = QLabel(self.complainantGroup)
        self.complainantNameLabel.setObjectName(u"complainantNameLabel")

        self.complainantLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.complainantNameLabel)

        self.complainantName = QLineEdit(self.complainantGroup)
        self.complainantName.setObjectName(u"complainantName")
        self.complainantName.setMaxLength(50)

        self.complainantLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.complainantName)

        self.complainantPhoneLabel = QLabel(self.complainantGroup)
        self.complainantPhoneLabel.setObjectName(u"complainantPhoneLabel")

        self.complainantLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.complainantPhoneLabel)

        self.complainantPhone = QLineEdit(self.complainantGroup)
        self.complainantPhone.setObjectName(u"complainantPhone")
        self.complainantPhone.setMaxLength(32)

        self.complainantLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.complainantPhone)

        self.complainantIdLabel = QLabel(self.complainantGroup)
        self.complainantIdLabel.setObjectName(u"complainantIdLabel")

        self.complainantLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.complainantIdLabel)

        self.complainantIdNumber = QLineEdit(self.complainantGroup)
        self.complainantIdNumber.setObjectName(u"complainantIdNumber")
        self.complainantIdNumber.setMaxLength(18)

        self.complainantLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.complainantIdNumber)

        self.villageLabel = QLabel(self.complainantGroup)
        self.villageLabel.setObjectName(u"villageLabel")

        self.complainantLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.villageLabel)

        self.villageCombo = QComboBox(self.complainantGroup)
        self.villageCombo.setObjectName(u"villageCombo")
        self.villageCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.villageCombo.setMinimumContentsLength(8)

        self.complainantLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.villageCombo)

        self.complainantAddressLabel = QLabel(self.complainantGroup)
        self.complainantAddressLabel.setObjectName(u"complainantAddressLabel")

        self.complainantLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.complainantAddressLabel)

        self.complainantAddress = QLineEdit(self.complainantGroup)
        self.complainantAddress.setObjectName(u"complainantAddress")
        self.complainantAddress.setMaxLength(200)

        self.complainantLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.complainantAddress)

        self.consentLabel = QLabel(self.complainantGroup)
        self.consentLabel.setObjectName(u"consentLabel")

        self.complainantLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.consentLabel)

        self.consentCheck = QCheckBox(self.complainantGroup)
        self.consentCheck.setObjectName(u"consentCheck")

        self.complainantLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.consentCheck)

        self.groupLabel = QLabel(self.complainantGroup)
        self.groupLabel.setObjectName(u"groupLabel")

        self.complainantLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.groupLabel)

        self.groupRow = QHBoxLayout()
        self.groupRow.setObjectName(u"groupRow")
        self.groupCheck = QCheckBox(self.complainantGroup)
        self.groupCheck.setObjectName(u"groupCheck")

        self.groupRow.addWidget(self.groupCheck)

        self.groupSize = QSpinBox(self.complainantGroup)
        self.groupSize.setObjectName(u"groupSize")
        self.groupSize.setMinimum(2)
        self.groupSize.setMaximum(100000)
        self.groupSize.setValue(2)

        self.groupRow.addWidget(self.groupSize)

        self.groupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.groupRow.addItem(self.groupSpacer)


        self.complainantLayout.setLayout(6, QFormLayout.ItemRole.FieldRole, self.groupRow)

        self.representativeCheck = QCheckBox(self.complainantGroup)
        self.representativeCheck.setObjectName(u"representativeCheck")

        self.complainantLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.representativeCheck)


        self.leftColumn.addWidget(self.complainantGroup)

        self.leftColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftColumnSpacer)


        self.columnsLayout.addLayout(self.leftColumn, 0, 0, 1, 1)

        self.middleColumn = QVBoxLayout()
        self.middleColumn.setObjectName(u"middleColumn")
        self.respondentGroup = QGroupBox(self.scrollContents)
        self.respondentGroup.setObjectName(u"respondentGroup")
        self.respondentLayout = QFormLayout(self.respondentGroup)
        self.respondentLayout.setObjectName(u"respondentLayout")
        self.respondentLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.respondentLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.respondentNameLabel = QLabel(self.respondentGroup)
        self.respondentNameLabel.setObjectName(u"respondentNameLabel")

        self.respondentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.respondentNameLabel)

        self.respondentName = QLineEdit(self.respondentGroup)
        self.respondentName.setObjectName(u"respondentName")
        self.respondentName.setMaxLength(200)

        self.respondentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.respondentName)

        self.creditCodeLabel = QLabel(self.respondentGroup)
        self.creditCodeLabel.setObjectName(u"creditCodeLabel")

        self.respondentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.creditCodeLabel)

        self.respondentCreditCode = QLineEdit(self.respondentGroup)
        self.respondentCreditCode.setObjectName(u"respondentCreditCode")
        self.respondentCreditCode.setMaxLength(18)

        self.respondentLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.respondentCreditCode)

        self.respondentPhoneLabel = QLabel(self.respondentGroup)
        self.respondentPhoneLabel.setObjectName(u"respondentPhoneLabel")

        self.respondentLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.respondentPhoneLabel)

        self.respondentPhone = QLineEdit(self.respondentGroup)
        self.respondentPhone.setObjectName(u"respondentPhone")
        self.respondentPhone.setMaxLength(32)

        self.respondentLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.respondentPhone)

        self.respondentAddressLabel = QLabel(self.respondentGroup)
        self.respondentAddressLabel.setObjectName(u"respondentAddressLabel")

        self.respondentLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.respondentAddressLabel)

        self.respondentAddress = QLineEdit(self.respondentGroup)
        self.respondentAddress.setObjectName(u"respondentAddress")
        self.respondentAddress.setMaxLength(200)

        self.respondentLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.respondentAddress)


        self.middleColumn.addWidget(self.respondentGroup)

        self.goodsGroup = QGroupBox(self.scrollContents)
        self.goodsGroup.setObjectName(u"goodsGroup")
        self.goodsLayout = QFormLayout(self.goodsGroup)
        self.goodsLayout.setObjectName(u"goodsLayout")
        self.goodsLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.goodsLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.subjectLabel = QLabel(self.goodsGroup)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.goodsLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(self.goodsGroup)
        self.subject.setObjectName(u"subject")
        self.subject.setMaxLength(200)

        self.goodsLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subject)

        self.categoryLabel = QLabel(self.goodsGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.goodsLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.categoryCombo = QComboBox(self.goodsGroup)
        self.categoryCombo.setObjectName(u"categoryCombo")
        self.categoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.categoryCombo.setMinimumContentsLength(8)

        self.goodsLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.categoryCombo)

        self.subcategoryLabel = QLabel(self.goodsGroup)
        self.subcategoryLabel.setObjectName(u"subcategoryLabel")

        self.goodsLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subcategoryLabel)

        self.subcategoryCombo = QComboBox(self.goodsGroup)
        self.subcategoryCombo.setObjectName(u"subcategoryCombo")
        self.subcategoryCombo.setEditable(True)
        self.subcategoryCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subcategoryCombo.setMinimumContentsLength(8)

        self.goodsLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subcategoryCombo)

        self.purchaseDateLabel = QLabel(self.goodsGroup)
        self.purchaseDateLabel.setObjectName(u"purchaseDateLabel")

        self.goodsLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.purchaseDateLabel)

        self.purchaseDate = DateField(self.goodsGroup)
        self.purchaseDate.setObjectName(u"purchaseDate")
        self.purchaseDate.setDisplayFormat(u"yyyy-MM-dd")
        self.purchaseDate.setCalendarPopup(True)
        self.purchaseDate.setMinimumDate(QDate(2000, 1, 1))
        self.purchaseDate.setDate(QDate(2000, 1, 1))

        self.goodsLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.purchaseDate)

        self.purchasePlaceLabel = QLabel(self.goodsGroup)
        self.purchasePlaceLabel.setObjectName(u"purchasePlaceLabel")

        self.goodsLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purchasePlaceLabel)

        self.purchasePlace = QLineEdit(self.goodsGroup)
        self.purchasePlace.setObjectName(u"purchasePlace")
        self.purchasePlace.setMaxLength(200)

        self.goodsLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purchasePlace)

        self.purchaseChannelLabel = QLabel(self.goodsGroup)
        self.purchaseChannelLabel.setObjectName(u"purchaseChannelLabel")

        self.goodsLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.purchaseChannelLabel)

        self.purchaseChannel = QLineEdit(self.goodsGroup)
        self.purchaseChannel.setObjectName(u"purchaseChannel")
        self.purchaseChannel.setMaxLength(50)

        self.goodsLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.purchaseChannel)

        self.amountPaidLabel = QLabel(self.goodsGroup)
        self.amountPaidLabel.setObjectName(u"amountPaidLabel")

        self.goodsLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.amountPaidLabel)

        self.amountPaid = QLineEdit(self.goodsGroup)
        self.amountPaid.setObjectName(u"amountPaid")
        self.amountPaid.setMaxLength(20)

        self.goodsLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.amountPaid)

        self.disputedAmountLabel = QLabel(self.goodsGroup)
        self.disputedAmountLabel.setObjectName(u"disputedAmountLabel")

        self.goodsLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.disputedAmountLabel)

        self.disputedAmount = QLineEdit(self.goodsGroup)
        self.disputedAmount.setObjectName(u"disputedAmount")
        self.disputedAmount.setMaxLength(20)

        self.goodsLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.disputedAmount)


        self.middleColumn.addWidget(self.goodsGroup)

        self.middleColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.middleColumn.addItem(self.middleColumnSpacer)


        self.columnsLayout.addLayout(self.middleColumn, 0, 1, 1, 1)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.contentGroup = QGroupBox(self.scrollContents)
        self.contentGroup.setObjectName(u"contentGroup")
        self.contentLayout = QFormLayout(self.contentGroup)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.contentLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.naturesLabel = QLabel(self.contentGroup)
        self.naturesLabel.setObjectName(u"naturesLabel")

        self.contentLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.naturesLabel)

        self.naturesBox = QWidget(self.contentGroup)
        self.naturesBox.setObjectName(u"naturesBox")
        self.naturesLayout = QVBoxLayout(self.naturesBox)
        self.naturesLayout.setObjectName(u"naturesLayout")
        self.naturesLayout.setContentsMargins(0, 0, 0, 0)
        self.primaryNatureRow = QHBoxLayout()
        self.primaryNatureRow.setObjectName(u"primaryNatureRow")
        self.primaryNatureCombo = QComboBox(self.naturesBox)
        self.primaryNatureCombo.setObjectName(u"primaryNatureCombo")
        self.primaryNatureCombo.setMinimumSize(QSize(140, 0))

        self.primaryNatureRow.addWidget(self.primaryNatureCombo)

        self.primaryNatureHint = QLabel(self.naturesBox)
        self.primaryNatureHint.setObjectName(u"primaryNatureHint")
        self.primaryNatureHint.setWordWrap(True)

        self.primaryNatureRow.addWidget(self.primaryNatureHint)

        self.primaryNatureSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.primaryNatureRow.addItem(self.primaryNatureSpacer)


        self.naturesLayout.addLayout(self.primaryNatureRow)

        self.secondaryNaturesLabel = QLabel(self.naturesBox)
        self.secondaryNaturesLabel.setObjectName(u"secondaryNaturesLabel")

        self.naturesLayout.addWidget(self.secondaryNaturesLabel)

        self.secondaryNaturesBox = QWidget(self.naturesBox)
        self.secondaryNaturesBox.setObjectName(u"secondaryNaturesBox")
        self.naturesGrid = QGridLayout(self.secondaryNaturesBox)
        self.naturesGrid.setObjectName(u"naturesGrid")
        self.naturesGrid.setContentsMargins(0, 0, 0, 0)

        self.naturesLayout.addWidget(self.secondaryNaturesBox)


        self.contentLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.naturesBox)

        self.factsLabel = QLabel(self.contentGroup)
        self.factsLabel.setObjectName(u"factsLabel")

        self.contentLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.factsLabel)

        self.facts = QPlainTextEdit(self.contentGroup)
        self.facts.setObjectName(u"facts")
        self.facts.setMinimumSize(QSize(0, 110))
        self.facts.setTabChangesFocus(True)

        self.contentLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.facts)

        self.demandsLabel = QLabel(self.contentGroup)
        self.demandsLabel.setObjectName(u"demandsLabel")

        self.contentLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.demandsLabel)

        self.demandsBox = QWidget(self.contentGroup)
        self.demandsBox.setObjectName(u"demandsBox")
        self.demandsGrid = QGridLayout(self.demandsBox)
        self.demandsGrid.setObjectName(u"demandsGrid")
        self.demandsGrid.setContentsMargins(0, 0, 0, 0)

        self.contentLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.demandsBox)

        self.demandTextLabel = QLabel(self.contentGroup)
        self.demandTextLabel.setObjectName(u"demandTextLabel")

        self.contentLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.demandTextLabel)

        self.demandText = QLineEdit(self.contentGroup)
        self.demandText.setObjectName(u"demandText")

        self.contentLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.demandText)


        self.rightColumn.addWidget(self.contentGroup)

        self.rightColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightColumnSpacer)


        self.columnsLayout.addLayout(self.rightColumn, 0, 2, 2, 1)

        self.complainantsGroup = QGroupBox(self.scrollContents)
        self.complainantsGroup.setObjectName(u"complainantsGroup")
        self.complainantsLayout = QVBoxLayout(self.complainantsGroup)
        self.complainantsLayout.setObjectName(u"complainantsLayout")
        self.otherComplainants = ComplainantsEditor(self.complainantsGroup)
        self.otherComplainants.setObjectName(u"otherComplainants")

        self.complainantsLayout.addWidget(self.otherComplainants)


        self.columnsLayout.addWidget(self.complainantsGroup, 1, 0, 1, 2)

        self.columnsLayout.setRowStretch(1, 1)
        self.columnsLayout.setColumnStretch(0, 1)
        self.columnsLayout.setColumnStretch(1, 1)
        self.columnsLayout.setColumnStretch(2, 1)
        self.scrollArea.setWidget(self.scrollContents)

        self.dialogLayout.addWidget(self.scrollArea)

        self.duplicateWarning = QLabel(ComplaintForm)
        self.duplicateWarning.setObjectName(u"duplicateWarning")
        self.duplicateWarning.setVisible(False)
        self.duplicateWarning.setStyleSheet(u"background: #fff4ce; border: 1px solid #c19c00; padding: 6px; color: #3b2f00;")
        self.duplicateWarning.setWordWrap(True)

        self.dialogLayout.addWidget(self.duplicateWarning)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.keysHint = QLabel(ComplaintForm)
        self.keysHint.setObjectName(u"keysHint")
        self.keysHint.setStyleSheet(u"color: #555555;")
        self.keysHint.setWordWrap(False)

        self.buttonRow.addWidget(self.keysHint)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ComplaintForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.cancelButton = QPushButton(ComplaintForm)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.receivedAtLabel.setBuddy(self.receivedAt)
        self.channelLabel.setBuddy(self.channelCombo)
        self.officerLabel.setBuddy(self.officerCombo)
        self.hotlineLabel.setBuddy(self.hotlineNumber)
        self.complainantNameLabel.setBuddy(self.complainantName)
        self.complainantPhoneLabel.setBuddy(self.complainantPhone)
        self.complainantIdLabel.setBuddy(self.complainantIdNumber)
        self.villageLabel.setBuddy(self.villageCombo)
        self.complainantAddressLabel.setBuddy(self.complainantAddress)
        self.consentLabel.setBuddy(self.consentCheck)
        self.groupLabel.setBuddy(self.groupCheck)
        self.respondentNameLabel.setBuddy(self.respondentName)
        self.creditCodeLabel.setBuddy(self.respondentCreditCode)
        self.respondentPhoneLabel.setBuddy(self.respondentPhone)
        self.respondentAddressLabel.setBuddy(self.respondentAddress)
        self.subjectLabel.setBuddy(self.subject)
        self.categoryLabel.setBuddy(self.categoryCombo)
        self.subcategoryLabel.setBuddy(self.subcategoryCombo)
        self.purchaseDateLabel.setBuddy(self.purchaseDate)
        self.purchasePlaceLabel.setBuddy(self.purchasePlace)
        self.purchaseChannelLabel.setBuddy(self.purchaseChannel)
        self.amountPaidLabel.setBuddy(self.amountPaid)
        self.disputedAmountLabel.setBuddy(self.disputedAmount)
        self.naturesLabel.setBuddy(self.primaryNatureCombo)
        self.factsLabel.setBuddy(self.facts)
        self.demandTextLabel.setBuddy(self.demandText)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.receivedAt, self.channelCombo)
        QWidget.setTabOrder(self.channelCombo, self.officerCombo)
        QWidget.setTabOrder(self.officerCombo, self.hotlineNumber)
        QWidget.setTabOrder(self.hotlineNumber, self.complainantName)
        QWidget.setTabOrder(self.complainantName, self.complainantPhone)
        QWidget.setTabOrder(self.complainantPhone, self.complainantIdNumber)
        QWidget.setTabOrder(self.complainantIdNumber, self.villageCombo)
        QWidget.setTabOrder(self.villageCombo, self.complainantAddress)
        QWidget.setTabOrder(self.complainantAddress, self.consentCheck)
        QWidget.setTabOrder(self.consentCheck, self.groupCheck)
        QWidget.setTabOrder(self.groupCheck, self.groupSize)
        QWidget.setTabOrder(self.groupSize, self.representativeCheck)
        QWidget.setTabOrder(self.representativeCheck, self.otherComplainants)
        QWidget.setTabOrder(self.otherComplainants, self.respondentName)
        QWidget.setTabOrder(self.respondentName, self.respondentCreditCode)
        QWidget.setTabOrder(self.respondentCreditCode, self.respondentPhone)
        QWidget.setTabOrder(self.respondentPhone, self.respondentAddress)
        QWidget.setTabOrder(self.respondentAddress, self.subject)
        QWidget.setTabOrder(self.subject, self.categoryCombo)
        QWidget.setTabOrder(self.categoryCombo, self.subcategoryCombo)
        QWidget.setTabOrder(self.subcategoryCombo, self.purchaseDate)
        QWidget.setTabOrder(self.purchaseDate, self.purchasePlace)
        QWidget.setTabOrder(self.purchasePlace, self.purchaseChannel)
        QWidget.setTabOrder(self.purchaseChannel, self.amountPaid)
        QWidget.setTabOrder(self.amountPaid, self.disputedAmount)
        QWidget.setTabOrder(self.disputedAmount, self.primaryNatureCombo)
        QWidget.setTabOrder(self.primaryNatureCombo, self.facts)
        QWidget.setTabOrder(self.facts, self.demandText)
        QWidget.setTabOrder(self.demandText, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.cancelButton)

        self.retranslateUi(ComplaintForm)

        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(ComplaintForm)
    # setupUi

    def retranslateUi(self, ComplaintForm):
        ComplaintForm.setWindowTitle(QCoreApplication.translate("ComplaintForm", u"\u767b\u8bb0\u6295\u8bc9", None))
        self.headerLabel.setText("")
        self.receiptGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u53d7\u7406", None))
        self.receivedAtLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u767b\u8bb0\u65f6\u95f4 *", None))
        self.channelLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u6295\u8bc9\u6e20\u9053 *", None))
        self.channelCombo.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u8bf7\u9009\u62e9", None))
        self.officerLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u7ecf\u529e\u4eba", None))
        self.officerCombo.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u8bf7\u9009\u62e9", None))
        self.hotlineLabel.setText(QCoreApplication.translate("ComplaintForm", u"12315\u7f16\u53f7", None))
        self.hotlineNumber.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u6ca1\u6709\u53ef\u4e0d\u586b", None))
        self.complainantGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u6295\u8bc9\u4eba", None))
        self.complainantNameLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u59d3\u540d *", None))
        self.complainantPhoneLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.complainantPhone.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd", None))
        self.complainantIdLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8eab\u4efd\u8bc1\u53f7\u7801", None))
        self.complainantIdNumber.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4ec5\u5728\u5fc5\u8981\u65f6\u586b\u5199", None))
        self.villageLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u6240\u5728\u6751", None))
        self.villageCombo.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u8bf7\u9009\u62e9", None))
        self.complainantAddressLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u4f4f\u5740", None))
        self.consentLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u4e2a\u4eba\u4fe1\u606f", None))
#if QT_CONFIG(tooltip)
        self.consentCheck.setToolTip(QCoreApplication.translate("ComplaintForm", u"\u8c03\u89e3\u65f6\u8981\u628a\u6295\u8bc9\u4eba\u7684\u59d3\u540d\u3001\u7535\u8bdd\u544a\u8bc9\u88ab\u6295\u8bc9\u65b9\uff0c\u987b\u7ecf\u672c\u4eba\u5355\u72ec\u540c\u610f\uff08\u4e2a\u4eba\u4fe1\u606f\u4fdd\u62a4\u6cd5\uff09\u3002", None))
#endif // QT_CONFIG(tooltip)
        self.consentCheck.setText(QCoreApplication.translate("ComplaintForm", u"\u540c\u610f\u63d0\u4f9b\u7ed9\u88ab\u6295\u8bc9\u65b9", None))
        self.groupLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u7fa4\u4f53\u6027\u6295\u8bc9", None))
        self.groupCheck.setText(QCoreApplication.translate("ComplaintForm", u"\u662f\uff0c\u4eba\u6570", None))
        self.groupSize.setSuffix(QCoreApplication.translate("ComplaintForm", u" \u4eba", None))
        self.representativeCheck.setText(QCoreApplication.translate("ComplaintForm", u"\u672c\u4eba\u662f\u4ee3\u8868\u4eba", None))
        self.respondentGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u88ab\u6295\u8bc9\u65b9", None))
        self.respondentNameLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u540d\u79f0 *", None))
        self.respondentName.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u5e97\u540d\u3001\u516c\u53f8\u540d\u6216\u7ecf\u8425\u8005\u59d3\u540d", None))
        self.creditCodeLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u4fe1\u7528\u4ee3\u7801", None))
        self.respondentCreditCode.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801\uff0c\u6ca1\u6709\u53ef\u4e0d\u586b", None))
        self.respondentPhoneLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.respondentAddressLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u5730\u5740", None))
        self.goodsGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u5546\u54c1\u6216\u670d\u52a1", None))
        self.subjectLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u540d\u79f0 *", None))
        self.subject.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4f8b\u5982\uff1a\u7535\u52a8\u4e09\u8f6e\u8f66\u3001\u5316\u80a5\u3001\u5bbd\u5e26", None))
        self.categoryLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u5927\u7c7b *", None))
        self.categoryCombo.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u8bf7\u9009\u62e9", None))
        self.subcategoryLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u5c0f\u7c7b", None))
        self.purchaseDateLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8d2d\u4e70\u65e5\u671f", None))
        self.purchaseDate.setSpecialValueText(QCoreApplication.translate("ComplaintForm", u"\u672a\u586b\u5199", None))
        self.purchasePlaceLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8d2d\u4e70\u5730\u70b9", None))
        self.purchaseChannelLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8d2d\u4e70\u65b9\u5f0f", None))
        self.purchaseChannel.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4f8b\u5982\uff1a\u5b9e\u4f53\u5e97\u3001\u7f51\u8d2d\u3001\u4e0a\u95e8\u63a8\u9500", None))
        self.amountPaidLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u5b9e\u4ed8\u91d1\u989d(\u5143)", None))
        self.amountPaid.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4f8b\u5982 1,234.50", None))
        self.disputedAmountLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u4e89\u8bae\u91d1\u989d(\u5143)", None))
        self.disputedAmount.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u6709\u4e89\u8bae\u7684\u90e8\u5206\uff0c\u53ef\u4e0d\u586b", None))
        self.contentGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u6295\u8bc9\u5185\u5bb9", None))
        self.naturesLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u6295\u8bc9\u6027\u8d28 *", None))
#if QT_CONFIG(tooltip)
        self.primaryNatureCombo.setToolTip(QCoreApplication.translate("ComplaintForm", u"\u7edf\u8ba1\u65f6\u6bcf\u4ef6\u6295\u8bc9\u53ea\u8ba1\u4e00\u79cd\u6027\u8d28\uff1a\u8fd9\u91cc\u9009\u7684\u4e3b\u8981\u6027\u8d28", None))
#endif // QT_CONFIG(tooltip)
        self.primaryNatureCombo.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4e3b\u8981\u6027\u8d28", None))
        self.primaryNatureHint.setText(QCoreApplication.translate("ComplaintForm", u"\u7edf\u8ba1\u53ea\u8ba1\u4e3b\u8981\u6027\u8d28\u3002\u4e0d\u9009\u65f6\uff1a\u53ea\u52fe\u4e00\u9879\u5373\u4e3a\u4e3b\u8981\u6027\u8d28\uff0c\u52fe\u591a\u9879\u8ba1\u5165\u201c\u5176\u4ed6\u201d\u3002", None))
        self.secondaryNaturesLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u5176\u4ed6\u6027\u8d28\uff08\u53ef\u591a\u9009\uff0c\u53ea\u4f5c\u8bb0\u5f55\uff0c\u4e0d\u91cd\u590d\u7edf\u8ba1\uff09\uff1a", None))
        self.factsLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u4e8b\u7531 *", None))
        self.facts.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u4f55\u65f6\u3001\u5728\u54ea\u91cc\u3001\u4e70\u4e86\u4ec0\u4e48\u3001\u51fa\u4e86\u4ec0\u4e48\u95ee\u9898", None))
        self.demandsLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8bc9\u6c42", None))
        self.demandTextLabel.setText(QCoreApplication.translate("ComplaintForm", u"\u8bc9\u6c42\u8bf4\u660e", None))
        self.demandText.setPlaceholderText(QCoreApplication.translate("ComplaintForm", u"\u53ef\u8865\u5145\u5177\u4f53\u8981\u6c42\uff0c\u4f8b\u5982\u9000\u6b3e\u91d1\u989d", None))
        self.complainantsGroup.setTitle(QCoreApplication.translate("ComplaintForm", u"\u5176\u4ed6\u6295\u8bc9\u4eba\uff08\u7fa4\u4f53\u6027\u6295\u8bc9\u7684\u6bcf\u4e00\u4f4d\uff09", None))
        self.duplicateWarning.setText("")
        self.keysHint.setText(QCoreApplication.translate("ComplaintForm", u"\u6309 Enter \u4fdd\u5b58\uff08\u591a\u884c\u6587\u5b57\u4e2d\u6309 Ctrl+Enter\uff09\uff0c\u6309 Esc \u53d6\u6d88\u3002\u5e26 * \u7684\u5fc5\u987b\u586b\u5199\u3002", None))
        self.saveButton.setText(QCoreApplication.translate("ComplaintForm", u"\u4fdd\u5b58", None))
        self.cancelButton.setText(QCoreApplication.translate("ComplaintForm", u"\u53d6\u6d88", None))
    # retranslateUi

