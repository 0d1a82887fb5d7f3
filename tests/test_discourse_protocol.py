import inspect

from bot.discourse import DiscourseGateway, ForumGateway


def test_gateway_implements_every_protocol_method_with_the_same_parameters():
    members = [n for n, v in vars(ForumGateway).items() if inspect.isfunction(v) and not n.startswith("_")]
    assert len(members) >= 12
    for name in members:
        ours = inspect.signature(getattr(DiscourseGateway, name))
        declared = inspect.signature(getattr(ForumGateway, name))
        assert list(ours.parameters) == list(declared.parameters), name
        assert inspect.isasyncgenfunction(getattr(DiscourseGateway, name)) or inspect.iscoroutinefunction(
            getattr(DiscourseGateway, name)
        ), name
