"""The organisers and the guest of honour from the screens: the New dialog
sets them when the meeting is created, the texts dialog (t on the review
screen) changes them later, and the document's lead says so. A guest written
without a name is refused in the dialog, and nothing is saved."""


from textual.widgets import Input, Label, TextArea

from facilitator import services
from facilitator.services.exporting import drafted_texts
from screens.dialogs.meeting_texts import MeetingTextsDialog
from screens.dialogs.new_meeting import NewMeetingDialog
from screens.review import ReviewScreen

from .ui_helpers import app_for, settle


async def test_new_meeting_dialog_sets_organisers_and_guest_of_honour(engine):
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        dialog = app.screen
        assert isinstance(dialog, NewMeetingDialog)
        dialog.query_one("#title", Input).value = "Prevention breakfast"
        dialog.query_one("#date", Input).value = "2017-09-07"
        dialog.query_one("#organisers", Input).value = "the Stanley Foundation; Global Centre for R2P ;"
        dialog.query_one("#guest", Input).value = "Adama Dieng, Special Adviser on the Prevention of Genocide"
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
    (meeting,) = services.list_meetings(engine)
    stored = services.get_meeting(engine, meeting.id)
    assert [o.removeprefix("the ") for o in stored.organisers] == ["Stanley Foundation", "Global Centre for R2P"]
    assert stored.guests == [{"name": "Adama Dieng", "role": "Special Adviser on the Prevention of Genocide"}]
    lead = drafted_texts(engine, meeting.id)["lead"]
    assert "Stanley Foundation" in lead and "Adama Dieng" in lead


async def test_new_meeting_dialog_refuses_a_guest_without_a_name(engine):
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        dialog = app.screen
        dialog.query_one("#title", Input).value = "Prevention breakfast"
        dialog.query_one("#guest", Input).value = ", Special Adviser"
        dialog.query_one("#title", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "NAME, ROLE" in str(dialog.query_one("#error", Label).render())
    assert services.list_meetings(engine) == []


async def test_texts_dialog_changes_organisers_and_guests_and_keeps_the_keynote(engine, breakfast):
    services.update_meeting(engine, breakfast.id, organisers=["Stanley Foundation"],
                            guests=[{"name": "Ivan Šimonović", "role": "Special Adviser", "as": "keynote"},
                                    {"name": "Old Guest", "role": "Ambassador"}])
    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ReviewScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("t")
        dialog = app.screen
        assert isinstance(dialog, MeetingTextsDialog)
        assert dialog.query_one("#guests", TextArea).text == "Old Guest, Ambassador"
        assert "Stanley Foundation" in dialog.query_one("#organisers", TextArea).text
        dialog.query_one("#organisers", TextArea).text = "Stanley Foundation\nGlobal Centre for R2P\n"
        dialog.query_one("#guests", TextArea).text = "Adama Dieng, Special Adviser\n\n"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    meeting = services.get_meeting(engine, breakfast.id)
    assert [o.removeprefix("the ") for o in meeting.organisers] == ["Stanley Foundation", "Global Centre for R2P"]
    assert meeting.guests == [{"name": "Ivan Šimonović", "role": "Special Adviser", "as": "keynote"},
                              {"name": "Adama Dieng", "role": "Special Adviser"}]


async def test_texts_dialog_refuses_a_guest_without_a_name_and_saves_nothing(engine, breakfast):
    before = services.get_meeting(engine, breakfast.id)
    app = app_for(engine)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(breakfast.id))
        await settle(app, pilot)
        await pilot.press("t")
        dialog = app.screen
        dialog.query_one("#lead", TextArea).text = "A new lead."
        dialog.query_one("#guests", TextArea).text = ", Ambassador"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is dialog and "NAME, ROLE" in str(dialog.query_one("#error", Label).render())
    assert services.get_meeting(engine, breakfast.id) == before


async def test_the_rule_picker_writes_chatham_house_with_its_capitals(engine):
    from textual.widgets import Select

    app = app_for(engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        labels = [str(prompt) for prompt, _ in app.screen.query_one("#rule", Select)._options]
    assert "Chatham House rule" in labels and "Not for attribution" in labels
