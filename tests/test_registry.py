"""Tests for frontline.registry: functions filed by name with a decorator."""

import pytest

from frontline.errors import RegistryError, ResourceError
from frontline.registry import Registry


def test_names_find_their_function_and_several_names_may_share_one():
    reg: Registry = Registry("test rule", "register it")

    @reg.register("a", "b")
    def f():
        return 1

    assert reg.get("a") is f and reg.get("b") is f and reg.names() == {"a", "b"} and dict(reg.view) == {"a": f, "b": f}


def test_an_unknown_name_is_an_error_that_says_what_is_there():
    reg: Registry = Registry("test rule", "register it with @reg.register")
    reg.register("known")(print)
    with pytest.raises(RegistryError, match=r"no test rule is registered as 'other'; register it .*known"):
        reg.get("other")


def test_a_second_function_under_one_name_is_refused_and_the_first_kept():
    reg: Registry = Registry("test rule", "register it")
    reg.register("x")(print)
    with pytest.raises(RegistryError, match="registered twice"):
        reg.register("x")(repr)
    assert reg.get("x") is print
    assert issubclass(RegistryError, ResourceError)
