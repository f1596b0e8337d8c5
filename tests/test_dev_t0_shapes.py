"""Cards every judge rated T0 on the development notes that still shipped when batch205 was measured (issue 11): a past
form under its prefix read as the base verb, a question that lost its verb, a quantifier standing for the object with
the next clause after it, a verb that takes no object asked with 'what', a contrast whose alternative is the thing
itself, a plural noun read as the verb before its verb, and a relative clause or 'your behalf' read as an object.
Inline notes in their shapes (our own harbour wording) or, where the shape needs the note around it, the fixture
note; each test fails on the commit before its fix.
"""

from __future__ import annotations

from noteutil import asked, central_asked, critique_asked, harbour_note, not_asked


def test_a_prefixed_past_form_is_no_base_verb() -> None:
    # 'Later writers rebuilt the concept in different directions' -> 'what do later writers rebuilt?' (batch101)
    cards = critique_asked("Later harbour masters rebuilt the berth rule in different directions.")
    assert not [q for q in cards if "rebuilt" in q], cards


def test_a_question_that_lost_its_verb_is_not_asked() -> None:
    # 'Few teams will ever build a calibrated simulator' -> 'what will few teams ever?' (batch63)
    cards = critique_asked(
        "Few harbour crews will ever build a calibrated tide simulator, so the lesson stays abstract."
    )
    assert not [q for q in cards if q.endswith(" ever?")], cards


def test_a_quantifier_and_the_next_clause_are_no_object() -> None:
    # 'Later empirical work supports some and complicates others' -> 'Some and complicates others' (batch62); 'Task
    # feedback helps most when it can be turned into better strategies' -> 'Most when it can be …' (batch191)
    cards = critique_asked("Later tide surveys support some and complicate others.")
    cards |= central_asked("Berth feedback helps most when it can be turned into better mooring plans.")
    assert not [a for a in cards.values() if a.split()[0] in ("Some", "Most")], cards


def test_a_verb_that_takes_no_object_is_not_asked_with_what() -> None:
    # 'Threat modelling should happen during design' -> 'what should threat modelling happen?' (batch175); 'Private firms
    # tend to stay family-run and small' -> 'what do private firms tend to stay?' (batch191)
    cards = central_asked("Berth planning should happen during design, done by the people building the quay.")
    cards |= central_asked("In low-trust ports, private tug firms tend to stay family-run and small.")
    assert not [q for q in cards if q.endswith((" happen?", " stay?"))], cards


def test_what_a_thing_is_not_is_not_the_thing_itself() -> None:
    # 'Profit is not the purpose but a test …; the one valid definition of business purpose is to create a customer' ->
    # 'what is business purpose, if not the purpose?' (batch102; the shape needs the note around it, so the fixture)
    not_asked("batch102", "drucker-the-practice-of-management*", question="what is business purpose, if not")


def test_a_noun_before_its_verb_is_no_verb() -> None:
    # 'the headline prevalence estimates rely on assumptions about …' -> 'what does the headline prevalence estimate
    # on?' (batch185)
    cards = critique_asked(
        "Tide logs are uncertain in both directions, and the headline berth estimates rely on assumptions about how"
        " honestly pilots answer."
    )
    assert not [q for q in cards if q.endswith("estimate on?")], cards


def test_a_relative_clause_or_the_readers_behalf_is_no_object() -> None:
    # 'Studying managers in large US companies who attended management workshops, …' -> 'Who attended management
    # workshops' (batch182); 'A gift-giver spends on your behalf without knowing your tastes' -> 'Your behalf …'
    # (batch149)
    cards = central_asked("A harbour agent spends on your behalf without knowing your cargo, so the best is a match.")
    cards |= central_asked(
        "Studying pilots in large northern ports who attended berth workshops, Okafor found that calm pilots did best."
    )
    assert not [a for a in cards.values() if a.startswith(("Who ", "Your behalf"))], cards
    # an indirect question with its singular verb stays: 'what does hiding complexity … change?' — 'Who feels able …'
    cards = asked(
        harbour_note(
            "tug",
            "## Why it matters for product\n- The tug story is a harbour move, not just a styling one: hiding"
            " complexity behind a clean hull changes who feels able to use a tug.\n",
        )
    )
    assert [a for a in cards.values() if a.startswith("Who feels")], cards
