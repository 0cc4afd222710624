"""One group complaint taken through the whole workflow, so that every part of its dossier has
something in it: complainants (one representative), consents, represented consents, mediation
steps, a pause, an agreement, a referral with its reply, a follow-up and an attachment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from station_app.registry.attachments import attach_to_complaint
from station_app.registry.complaints import get_complaint, register_complaint
from station_app.registry.context import Context
from station_app.registry.people import PersonDraft
from station_app.store.models import Complaint
from station_app.workflow import consent, group_consent, mediation, transitions
from station_app.workflow.consent import ConsentDraft
from station_app.workflow.group_consent import RepresentedConsentDraft
from station_app.workflow.mediation import AgreementDraft, MediationStepDraft
from station_app.workflow.transitions import (
    ClosingDraft,
    FollowUpDraft,
    ReferralDraft,
    ReferralReply,
)

from ..conftest import complaint_draft

DAY = dt.date(2026, 11, 18)


def complaint_with_everything(ctx: Context, attachments_dir: Path, tmp: Path) -> Complaint:
    """Registered on 18 November 2026, closed and followed up on the 20th (the fixed clock's
    day)."""
    draft = complaint_draft(
        is_group=True,
        group_size=3,
        complainants=[
            PersonDraft(name="李桂兰", phone="13881234567", is_representative=True),
            PersonDraft(name="王三田", phone="13881234568"),
            PersonDraft(name="赵四林", phone="13881234569"),
        ],
    )
    complaint = register_complaint(ctx, draft)
    cid = complaint.id
    transitions.accept(ctx, cid, on=DAY, note="材料齐全")
    consent.record_consent(
        ctx, cid, ConsentDraft(recipients=["respondent", "market_regulation"], method="oral")
    )
    for hour, (mode, result) in enumerate([("phone", "未达成一致"), ("on_site", "达成一致")]):
        mediation.record_mediation_step(
            ctx,
            cid,
            MediationStepDraft(
                held_at=dt.datetime(2026, 11, 19, 9 + hour),
                mode=mode,
                mediators="王联络员",
                attendance="店主、投诉人",
                offers="投诉人要求退款 360 元",
                result=result,
                next_on=dt.date(2026, 11, 20) if hour == 0 else None,
            ),
        )
    mediation.start_pause(
        ctx, cid, "testing", started_on=dt.date(2026, 11, 19), institution="县质检所"
    )
    mediation.end_pause(ctx, cid, ended_on=dt.date(2026, 11, 19))
    agreement = mediation.record_agreement(
        ctx,
        cid,
        AgreementDraft(
            terms="被投诉方退还货款 360 元",
            amount_fen=36000,
            signed_on=dt.date(2026, 11, 19),
            perform_by=dt.date(2026, 11, 20),
            represented_consent=RepresentedConsentDraft(
                act=group_consent.AGREEMENT, subject="退还货款 360 元"
            ),
        ),
    )
    mediation.mark_agreement_carried_out(ctx, agreement.id, on=dt.date(2026, 11, 20))
    referral = transitions.refer(
        ctx,
        cid,
        ReferralDraft(
            target="market_regulation",
            referred_on=dt.date(2026, 11, 19),
            agency_name="通江县市场监督管理局",
            hands_over=False,
        ),
    )
    transitions.record_referral_reply(
        ctx,
        referral.id,
        ReferralReply(reply_on=dt.date(2026, 11, 20), reply="已立案调查", external_number="TJ-1"),
    )
    transitions.close(
        ctx,
        cid,
        ClosingDraft(outcome="mediated", closed_on=dt.date(2026, 11, 20), recovered_fen=36000),
    )
    transitions.follow_up(
        ctx,
        cid,
        FollowUpDraft(
            method="phone",
            satisfaction="satisfied",
            followed_up_on=dt.date(2026, 11, 20),
            carried_out=True,
            note="已收到退款",
        ),
    )
    receipt = tmp / "收据.jpg"
    receipt.write_bytes(b"\xff\xd8receipt" * 200)
    attach_to_complaint(ctx, attachments_dir, get_complaint(cid), receipt, "购货收据")
    return get_complaint(cid)
