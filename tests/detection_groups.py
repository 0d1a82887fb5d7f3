"""Groups used by the detection tests: deliberately NOT the dev-corpus groups."""

from bot.detection import GroupRef

GROUPS = (
    GroupRef("events", "Events", ("events team", "arrangementer", "evenementen")),
    GroupRef("finance", "Finance Group", ("finance", "FIN", "økonomigruppa", "ekonomigruppen", "financiën"),
             email="money@coop.example"),
    GroupRef("garden", "Garden", ("hagegruppa", "trädgårdsgruppen", "tuingroep", "garden group")),
    GroupRef("webshop", "Webshop", ("nettbutikk", "webbutik", "web shop"), email="shop@coop.example"),
    GroupRef("youth", "Youth Network", ("YN", "ungdomsnettverket"), status="planned"),
    GroupRef("housing", "Housing Advice", ("boligrådet", "woonadvies"), status="closed"),
)
