"""Groups used by the detection tests: deliberately NOT the dev-corpus groups."""

from bot.detection import Detector, GroupRef

GROUPS = (
    GroupRef("events", "Events", ("events team", "arrangementer", "evenementen")),
    GroupRef("finance", "Finance Group", ("finance", "FIN", "økonomigruppa", "ekonomigruppen", "financiën"),
             email="money@coop.example"),
    GroupRef("garden", "Garden", ("hagegruppa", "trädgårdsgruppen", "tuingroep", "garden group")),
    GroupRef("webshop", "Webshop", ("nettbutikk", "webbutik", "web shop"), email="shop@coop.example"),
    GroupRef("youth", "Youth Network", ("YN", "ungdomsnettverket"), status="planned"),
    GroupRef("housing", "Housing Advice", ("boligrådet", "woonadvies"), status="closed"),
)


def assert_decides(detector: Detector, spec: str, text: str) -> None:
    """`spec` is "intent:slug,slug" (e.g. "join:garden", "none:"): the decision must match it."""
    intent, _, named = spec.partition(":")
    decision = detector.detect(text)
    assert decision.intent == intent, decision
    if intent != "none":
        assert set(decision.groups) == set(filter(None, named.split(","))), decision
